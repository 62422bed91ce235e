import { describe, expect, it } from 'vitest';
import {
  actionUrl,
  apiQuery,
  filterSearch,
  hasEmptyFilter,
  readFilters,
  shownRange,
  USERS_TEMPLATE,
} from './filters';

describe('the users page filters', () => {
  it('reads valid filters and drops the rest', () => {
    const f = readFilters(new URLSearchParams('q= staff1 &role=hr&signedIn=yes&active=maybe&page=3'));
    expect(f).toEqual({ q: 'staff1', role: 'hr', signedIn: 'yes', active: null, page: 3 });
    expect(readFilters(new URLSearchParams('role=boss&page=0'))).toMatchObject({ role: null, page: 1 });
  });

  it('keeps the filters in page links and action URLs', () => {
    const f = readFilters(new URLSearchParams('q=山田&role=staff&page=2'));
    expect(filterSearch(f)).toBe('q=%E5%B1%B1%E7%94%B0&role=staff&page=2');
    expect(filterSearch(f, 1)).toBe('q=%E5%B1%B1%E7%94%B0&role=staff');
    expect(actionUrl('disable', f)).toBe('?/disable&q=%E5%B1%B1%E7%94%B0&role=staff&page=2');
    expect(actionUrl('import', readFilters(new URLSearchParams()))).toBe('?/import');
  });

  it('notices the empty fields a search form sends', () => {
    expect(hasEmptyFilter(new URLSearchParams('q=staff1&role=&signedIn=&active='))).toBe(true);
    expect(hasEmptyFilter(new URLSearchParams('q=staff1'))).toBe(false);
    expect(hasEmptyFilter(new URLSearchParams('/disable&q='))).toBe(false);
  });

  it('asks the API for 50 at a time', () => {
    expect(apiQuery(readFilters(new URLSearchParams('active=no')))).toEqual({
      active: 'no',
      page: '1',
      pageSize: '50',
    });
  });

  it('counts the places shown', () => {
    expect(shownRange(1, 50, 120)).toEqual({ from: 1, to: 50 });
    expect(shownRange(3, 20, 120)).toEqual({ from: 101, to: 120 });
    expect(shownRange(1, 0, 0)).toEqual({ from: 0, to: 0 });
  });

  it('offers a template with a BOM, the header and one example row', () => {
    const lines = USERS_TEMPLATE.split('\r\n');
    expect(lines[0]).toBe('\uFEFFlogin_id,staff_no,roles,email');
    expect(lines[1]?.split(',')).toHaveLength(4);
    expect(lines[2]).toBe('');
  });
});
