import { describe, expect, it } from 'vitest';
import {
  fiscalYearOf,
  kpiResponseOf,
  onlineAnswersSchema,
  parseAgeBand,
  reportingUnitOf,
  resolveGradeCode,
  surveyResponseRowSchema,
  surveyResponseRowSpec,
} from './responses.js';
import type { RowOf } from '../import-rows.js';

const row = (over: Record<string, string> = {}) => ({
  unit_code: '020201',
  grade_code: 'shuji',
  age_band: '-29',
  employment_type: 'regular',
  ...Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`q${String(i + 1).padStart(2, '0')}`, '3'])),
  ...over,
});

describe('surveyResponseRowSchema', () => {
  it('reads numbers, labels and blanks', () => {
    const r = surveyResponseRowSchema.parse(
      row({ q01: 'そう思う', q02: '', q03: '１', employment_type: '常勤職員' }),
    );
    expect(r.answers.q01).toBe(4);
    expect(r.answers.q02).toBeNull();
    expect(r.answers.q03).toBe(1);
    expect(r.employmentType).toBe('regular');
  });

  it('refuses 5 and はい', () => {
    expect(surveyResponseRowSchema.safeParse(row({ q04: '5' })).success).toBe(false);
    expect(surveyResponseRowSchema.safeParse(row({ q04: 'はい' })).success).toBe(false);
  });

  it('refuses an unknown age band or grade', () => {
    expect(surveyResponseRowSchema.safeParse(row({ age_band: '20-29' })).success).toBe(false);
    expect(surveyResponseRowSchema.safeParse(row({ grade_code: 'boss' })).success).toBe(false);
  });
});

describe('helpers', () => {
  it('resolves grades and age bands by code or name', () => {
    expect(resolveGradeCode('主事')).toBe('shuji');
    expect(resolveGradeCode('課長級')).toBe('kacho');
    expect(parseAgeBand('50-')).toBe('50-');
    expect(parseAgeBand('29歳以下')).toBe('-29');
    expect(parseAgeBand('30歳~39歳')).toBe('30-39');
  });

  it('counts a 係 under its 課, keeps 課 and 部', () => {
    const units = new Map([
      ['02', { parentCode: null, level: '部' as const }],
      ['0202', { parentCode: '02', level: '課' as const }],
      ['020201', { parentCode: '0202', level: '係' as const }],
    ]);
    expect(reportingUnitOf('020201', units)).toBe('0202');
    expect(reportingUnitOf('0202', units)).toBe('0202');
    expect(reportingUnitOf('02', units)).toBe('02');
    expect(reportingUnitOf('zz', units)).toBe('zz');
  });

  it('online answers accept 1–4 or null and nothing else', () => {
    expect(onlineAnswersSchema.safeParse({ answers: { q01: 4, q02: null } }).success).toBe(true);
    expect(onlineAnswersSchema.safeParse({ answers: { q01: 5 } }).success).toBe(false);
    expect(onlineAnswersSchema.safeParse({ answers: { q99: 1 } }).success).toBe(false);
  });
});

describe('fiscalYearOf', () => {
  it('starts the 年度 on 1 April, Japan time', () => {
    expect(fiscalYearOf(new Date('2026-03-31T14:59:59Z'))).toBe(2025);
    expect(fiscalYearOf(new Date('2026-03-31T15:00:00Z'))).toBe(2026);
    expect(fiscalYearOf(new Date('2026-11-28T00:00:00Z'))).toBe(2026);
  });
});

describe('surveyResponseRowSpec', () => {
  /** Runs the spec's checks over a row as the import machinery does: the row's value, or its issues. */
  const check = (values: Record<string, string>) => {
    const issues: string[] = [];
    const value = Object.fromEntries(
      Object.entries(surveyResponseRowSpec.checks).map(([column, c]) => [
        column,
        c(values[column] ?? '', (m) => issues.push(`${column}: ${m}`)),
      ]),
    ) as RowOf<typeof surveyResponseRowSpec.checks>;
    return issues.length > 0 ? issues : kpiResponseOf(value);
  };

  it('its checks read rows as the schema does, and refuse what the schema refuses', () => {
    const good: Record<string, string>[] = [
      {},
      { q01: 'そう思う', q02: '', employment_type: '常勤職員', grade_code: '主事' },
    ];
    for (const over of good) expect(check(row(over))).toEqual(surveyResponseRowSchema.parse(row(over)));
    const bad: [Record<string, string>, string][] = [
      [{ q04: '5' }, 'q04'],
      [{ q04: 'はい' }, 'q04'],
      [{ age_band: '20-29' }, 'age_band'],
      [{ unit_code: '' }, 'unit_code'],
      [{ grade_code: 'x' }, 'grade_code'],
    ];
    for (const [over, column] of bad) {
      const issues = check(row(over));
      expect(Array.isArray(issues) && issues[0]?.startsWith(`${column}: `)).toBe(true);
      const parsed = surveyResponseRowSchema.safeParse(row(over));
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual([column]);
    }
  });
});
