import { describe, expect, it } from 'vitest';
import {
  fiscalYearLabel,
  formatDateBoth,
  formatDateTime,
  formatMean,
  formatWareki,
  formatWestern,
  toDate,
} from './format.js';

describe('formatWareki', () => {
  it('writes the Japanese era', () => {
    expect(formatWareki('2024-04-01')).toBe('令和6年4月1日');
    expect(formatWareki(new Date('2024-03-31T23:30:00+09:00'))).toBe('令和6年3月31日');
  });

  it('uses Japan time for instants', () => {
    // 15:30 UTC on 31 March is already 1 April in Tokyo.
    expect(formatWareki(new Date('2024-03-31T15:30:00Z'))).toBe('令和6年4月1日');
  });

  it('reads the first year of an era as 元年', () => {
    expect(formatWareki('2019-05-01')).toBe('令和元年5月1日');
    expect(formatWareki('2019-04-30')).toBe('平成31年4月30日');
  });

  it('refuses what is not a date', () => {
    expect(() => formatWareki('not a date')).toThrow(RangeError);
    expect(() => toDate('2024-13-45')).toThrow(RangeError);
  });
});

describe('formatWestern and formatDateBoth', () => {
  it('writes the Western calendar in both languages', () => {
    expect(formatWestern('2024-04-01', 'ja')).toBe('2024年4月1日');
    expect(formatWestern('2024-04-01', 'en')).toBe('1 April 2024');
  });

  it('puts both forms together', () => {
    expect(formatDateBoth('2024-04-01', 'ja')).toBe('令和6年4月1日（2024年4月1日）');
    expect(formatDateBoth('2024-04-01', 'en')).toBe('1 April 2024 (令和6年4月1日)');
  });
});

describe('fiscalYearLabel', () => {
  it('names the fiscal year by the era of its first day', () => {
    expect(fiscalYearLabel(2024, 'ja')).toBe('令和6年度 (2024年度)');
    expect(fiscalYearLabel(2019, 'ja')).toBe('平成31年度 (2019年度)');
    expect(fiscalYearLabel(2020, 'ja')).toBe('令和2年度 (2020年度)');
  });

  it('is FYyyyy in English', () => {
    expect(fiscalYearLabel(2024, 'en')).toBe('FY2024');
  });

  it('refuses a fractional year', () => {
    expect(() => fiscalYearLabel(2024.5, 'ja')).toThrow(RangeError);
  });
});

describe('formatMean', () => {
  it('shows 3 decimals', () => {
    expect(formatMean(2.5)).toBe('2.500');
    expect(formatMean(2.6084)).toBe('2.608');
    expect(formatMean(3)).toBe('3.000');
    expect(formatMean(2.9996)).toBe('3.000');
  });

  it('shows a dash when there is no mean', () => {
    expect(formatMean(null)).toBe('—');
    expect(formatMean(undefined)).toBe('—');
    expect(formatMean(Number.NaN)).toBe('—');
  });

  it('never shows a negative zero', () => {
    expect(formatMean(-0.0001)).toBe('0.000');
  });
});

describe('formatDateTime', () => {
  it('writes the date in the era and the time in Japan', () => {
    expect(formatDateTime('2026-04-01T00:05:00Z', 'ja')).toBe('令和8年4月1日 09:05');
    expect(formatDateTime('2026-03-31T15:30:00Z', 'en')).toBe('1 April 2026, 00:30');
  });
});
