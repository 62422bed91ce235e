import { describe, expect, it } from 'vitest';
import {
  KPI_BASELINE_SURVEY,
  KPI_CODES,
  KPI_QUESTIONS,
  kpiByCode,
  kpiCodeSchema,
  kpiTarget,
  kpisOfOutcome,
} from './kpis.js';
import { outcomeByCode } from './logic-model.js';

describe('kpiTarget', () => {
  it('is 3.000, or 2.500 where the baseline is under 2.500 (policy IV-3-(1))', () => {
    expect(kpiTarget(2.5)).toBe(3);
    expect(kpiTarget(2.499)).toBe(2.5);
    expect(kpiTarget(2.29)).toBe(2.5);
    expect(kpiTarget(2.506)).toBe(3);
    expect(kpiTarget(2.972)).toBe(3);
    expect(kpiTarget(1)).toBe(2.5);
  });

  it('reads the baseline as printed to 3 decimals', () => {
    expect(kpiTarget(2.4996)).toBe(3);
    expect(kpiTarget(2.4994)).toBe(2.5);
  });

  it('refuses a baseline that is not a number', () => {
    expect(() => kpiTarget(Number.NaN)).toThrow(RangeError);
  });
});

describe('KPI_QUESTIONS', () => {
  it('are the 15 questions of docs/domain.md §5 in order, with their outcomes and baselines', () => {
    expect(KPI_QUESTIONS.map((k) => [k.code, k.outcome, k.baseline])).toEqual([
      ['q01', '11', 2.577],
      ['q02', '12', 2.608],
      ['q03', '12', 2.972],
      ['q04', '13', 2.753],
      ['q05', '13', 2.804],
      ['q06', '01', 2.29],
      ['q07', '02', 2.506],
      ['q08', '03', 2.024],
      ['q09', '03', 2.557],
      ['q10', '03', 2.691],
      ['q11', '03', 2.166],
      ['q12', '04', 2.622],
      ['q13', '05', 2.505],
      ['q14', '05', 2.741],
      ['q15', '06', 2.628],
    ]);
    expect(KPI_QUESTIONS.map((k) => k.code)).toEqual([...KPI_CODES]);
  });

  it('have the targets the policy prints', () => {
    const lower = KPI_QUESTIONS.filter((k) => k.target === 2.5).map((k) => k.code);
    expect(lower).toEqual(['q06', 'q08', 'q11']);
    for (const k of KPI_QUESTIONS) expect(k.target).toBe(kpiTarget(k.baseline));
  });

  it('carry the full question texts of the policy', () => {
    expect(kpiByCode('q01').questionJa).toBe(
      '品川区はシフト勤務やテレワーク、子の看護のための休暇や介護休暇等、働き続ける上での制度が整っている。',
    );
    expect(kpiByCode('q01').indicatorJa).toBe('品川区は働きやすいと思う職員の割合');
    expect(kpiByCode('q04').questionJa).toBe(
      '仕事の進め方や取り組み方、自己研鑽の姿勢等、職場の人から良い刺激や影響を受けて始めたことがある。',
    );
    expect(kpiByCode('q13').questionJa).toBe(
      '自分は研修に自発的に参加したり、職場外での勉強に取り組んでいる。',
    );
    for (const k of KPI_QUESTIONS) {
      expect(k.questionJa.startsWith('Q')).toBe(false);
      expect(k.questionJa.endsWith('。')).toBe(true);
      expect(k.questionEn.length).toBeGreaterThan(0);
      expect(k.shortJa.length).toBeGreaterThan(0);
    }
  });

  it('hang on outcomes of the logic model', () => {
    for (const k of KPI_QUESTIONS) expect(outcomeByCode(k.outcome)).toBeDefined();
    expect(kpisOfOutcome('03').map((k) => k.code)).toEqual(['q08', 'q09', 'q10', 'q11']);
  });

  it('are found by code, and codes validate', () => {
    expect(kpiByCode('q16')).toBeUndefined();
    expect(kpiCodeSchema.safeParse('q15').success).toBe(true);
    expect(kpiCodeSchema.safeParse('q1').success).toBe(false);
  });
});

describe('KPI_BASELINE_SURVEY', () => {
  it('is the March 2024 survey of policy IV-3-(1)', () => {
    expect(KPI_BASELINE_SURVEY).toMatchObject({
      conductedJa: '令和6年3月22日～28日',
      fiscalYear: 2023,
      n: 1736,
      responseRate: 0.546,
    });
  });
});
