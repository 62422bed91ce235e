import { describe, expect, it } from 'vitest';
import { competencyForColumn, isCompetencyColumn } from './results.js';
import {
  defaultPhaseDates,
  newPeriodSchema,
  parseEvaluationGrade,
  periodName,
  periodSpan,
} from './periods.js';

describe('periods', () => {
  it('spans the fiscal year from April and the calendar preset from January', () => {
    expect(periodSpan(2026, 'fiscal')).toEqual({ startsOn: '2026-04-01', endsOn: '2027-03-31' });
    expect(periodSpan(2026, 'calendar')).toEqual({ startsOn: '2026-01-01', endsOn: '2026-12-31' });
  });

  it('orders the default phase dates inside the period', () => {
    for (const kind of ['fiscal', 'calendar'] as const) {
      const d = defaultPhaseDates(2026, kind);
      const seq = [
        d.startsOn,
        d.goalsDue,
        d.selfDue,
        d.firstDue,
        d.secondDue,
        d.adjustDue,
        d.discloseDue,
        d.endsOn,
      ];
      expect([...seq].sort()).toEqual(seq);
    }
  });

  it('names periods in 和暦', () => {
    expect(periodName(2026, 'fiscal')).toBe('令和8年度 人事評価');
    expect(periodName(2019, 'fiscal')).toBe('令和元年度 人事評価');
    expect(periodName(2026, 'calendar')).toBe('2026年 人事評価');
  });

  it('validates a new period', () => {
    expect(newPeriodSchema.safeParse({ fiscalYear: 2026, kind: 'fiscal' }).success).toBe(true);
    expect(
      newPeriodSchema.safeParse({ fiscalYear: 2026, kind: 'fiscal', goalsDue: '2026-02-29' }).success,
    ).toBe(false);
    expect(newPeriodSchema.safeParse({ fiscalYear: 2026, kind: 'weekly' }).success).toBe(false);
  });

  it('reads S–D as keyed in', () => {
    expect(parseEvaluationGrade('ａ')).toBe('A');
    expect(parseEvaluationGrade(' s ')).toBe('S');
    expect(parseEvaluationGrade('E')).toBeUndefined();
    expect(parseEvaluationGrade('')).toBeUndefined();
  });
});

describe('result columns', () => {
  it('names competencies by code, key or Japanese name', () => {
    expect(isCompetencyColumn('倫理')).toBe(true);
    expect(isCompetencyColumn('ethics')).toBe(true);
    expect(isCompetencyColumn('shuji.ethics')).toBe(true);
    expect(isCompetencyColumn('overall')).toBe(false);
    expect(competencyForColumn('shuji', '倫理')?.code).toBe('shuji.ethics');
    expect(competencyForColumn('kacho', 'ethics')?.code).toBe('kacho.ethics');
    expect(competencyForColumn('shuji', 'kacho.ethics')).toBeUndefined();
    expect(competencyForColumn('shuji', '構想')).toBeUndefined();
  });
});
