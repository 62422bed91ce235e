import { describe, expect, it } from 'vitest';
import {
  apiQuery,
  exportHref,
  filterSearch,
  hasEmptyFilter,
  readFilters,
  shownRange,
  sortedBy,
} from './filters';

const read = (search: string) => readFilters(new URLSearchParams(search));

describe('the roster’s filters in the URL', () => {
  it('reads what is valid and drops the rest', () => {
    expect(
      read('q=%20大井%20&unit=1010&grade=shunin&employmentType=regular&sort=kana&order=desc&page=3'),
    ).toEqual({
      q: '大井',
      unit: '1010',
      grade: 'shunin',
      employmentType: 'regular',
      sort: 'kana',
      order: 'desc',
      page: 3,
    });
    expect(read('employmentType=boss&sort=salary&order=up&page=0')).toMatchObject({
      employmentType: null,
      sort: 'staffNo',
      order: 'asc',
      page: 1,
    });
  });

  it('writes back only what is set, and the default order not at all', () => {
    expect(filterSearch(read('q=a&sort=staffNo&order=asc&page=1'))).toBe('q=a');
    expect(filterSearch(read('unit=10&sort=unit&order=desc'), 2)).toBe('unit=10&sort=unit&order=desc&page=2');
    expect(hasEmptyFilter(new URLSearchParams('q=&unit=10'))).toBe(true);
    expect(hasEmptyFilter(new URLSearchParams('sort=staffNo'))).toBe(true);
    expect(hasEmptyFilter(new URLSearchParams('unit=10&sort=kana'))).toBe(false);
  });

  it('turns a column heading’s order around, back to the first page', () => {
    expect(sortedBy(read('sort=kana&page=4'), 'kana')).toBe('sort=kana&order=desc');
    expect(sortedBy(read('sort=kana&order=desc'), 'kana')).toBe('sort=kana');
    expect(sortedBy(read('sort=kana&order=desc'), 'unit')).toBe('sort=unit');
  });

  it('asks the API for a page, and the export for everyone found', () => {
    expect(apiQuery(read('grade=shuji&page=2'))).toEqual({
      grade: 'shuji',
      sort: 'staffNo',
      order: 'asc',
      page: '2',
      pageSize: '50',
    });
    expect(exportHref(read('q=大&page=2'), 'csv')).toBe(
      `/api/org/staff/export?q=${encodeURIComponent('大')}&sort=staffNo&order=asc&format=csv&encoding=utf-8-bom`,
    );
    expect(exportHref(read(''), 'xlsx')).toBe('/api/org/staff/export?sort=staffNo&order=asc&format=xlsx');
  });

  it('counts the places shown', () => {
    expect(shownRange(2, 50, 4000)).toEqual({ from: 51, to: 100, pages: 80 });
    expect(shownRange(1, 0, 0)).toEqual({ from: 0, to: 0, pages: 1 });
  });
});
