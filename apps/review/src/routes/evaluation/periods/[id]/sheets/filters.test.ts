import { describe, expect, it } from 'vitest';
import { actionUrl, apiQuery, filterSearch, hasEmptyFilter, readFilters, shownRange } from './filters';

describe('the sheet list’s filters', () => {
  it('reads valid filters and drops the rest', () => {
    expect(readFilters(new URLSearchParams('state=adjust&unit= 0101 &q=品川&page=3'))).toEqual({
      state: 'adjust',
      unit: '0101',
      q: '品川',
      page: 3,
    });
    expect(readFilters(new URLSearchParams('state=finished&page=0'))).toEqual({
      state: null,
      unit: '',
      q: '',
      page: 1,
    });
  });

  it('keeps the filters in links, action URLs and the API query', () => {
    const f = readFilters(new URLSearchParams('state=adjust&unit=01&page=2'));
    expect(filterSearch(f)).toBe('state=adjust&unit=01&page=2');
    expect(filterSearch(f, 1)).toBe('state=adjust&unit=01');
    expect(actionUrl('bulk', f)).toBe('?/bulk&state=adjust&unit=01&page=2');
    expect(actionUrl('bulk', readFilters(new URLSearchParams()))).toBe('?/bulk');
    expect(apiQuery(f)).toEqual({ state: 'adjust', unit: '01', page: '2', pageSize: '50' });
  });

  it('notices the empty fields a search form sends', () => {
    expect(hasEmptyFilter(new URLSearchParams('state=&unit=&q=大井'))).toBe(true);
    expect(hasEmptyFilter(new URLSearchParams('q=大井'))).toBe(false);
    expect(hasEmptyFilter(new URLSearchParams('/bulk&q='))).toBe(false);
  });

  it('says which places and how many pages are shown', () => {
    expect(shownRange(2, 50, 956)).toEqual({ from: 51, to: 100, pages: 20 });
    expect(shownRange(20, 6, 956)).toEqual({ from: 951, to: 956, pages: 20 });
    expect(shownRange(1, 0, 0)).toEqual({ from: 0, to: 0, pages: 1 });
  });
});
