import { describe, expect, it } from 'vitest';
import { fiscalYearJa } from './evaluation/periods.js';
import { orderTasks } from './tasks.js';

const task = (title: string, due: string | null) => ({
  kind: 'sheet' as const,
  title,
  titleEn: title,
  href: '/',
  due,
  count: 1,
});

describe('orderTasks', () => {
  it('puts overdue items first, then the nearest due, then those without a date in their order', () => {
    const ordered = orderTasks(
      [
        task('survey', null),
        task('soon', '2026-12-10'),
        task('late', '2026-12-01'),
        task('later', '2026-12-20'),
        task('later still', null),
        task('very late', '2026-11-15'),
      ],
      '2026-12-04',
    );
    expect(ordered.map((t) => [t.title, t.overdue])).toEqual([
      ['very late', true],
      ['late', true],
      ['soon', false],
      ['later', false],
      ['survey', false],
      ['later still', false],
    ]);
  });

  it('does not count a task due today as overdue', () => {
    expect(orderTasks([task('today', '2026-12-04')], '2026-12-04')[0]?.overdue).toBe(false);
  });
});

describe('fiscalYearJa', () => {
  it('writes 年度 in 和暦, 元年 for the first year', () => {
    expect(fiscalYearJa(2026)).toBe('令和8年度');
    expect(fiscalYearJa(2019)).toBe('令和元年度');
    expect(fiscalYearJa(2018)).toBe('2018年度');
  });
});
