import { describe, expect, it } from 'vitest';
import {
  AGREEMENT_SCALE,
  EVALUATION_GRADES,
  EVALUATION_SCALE,
  INTERVIEW_SCALE,
  SCALES_IN_FORCE,
  SCALE_HISTORY,
  evaluationGradeSchema,
  evaluationPoints,
  parseAgreement,
} from './scales.js';

describe('evaluation scale', () => {
  it('scores S=5 … D=1', () => {
    expect(EVALUATION_GRADES.map(evaluationPoints)).toEqual([5, 4, 3, 2, 1]);
  });

  it('validates grades', () => {
    expect(evaluationGradeSchema.safeParse('B').success).toBe(true);
    expect(evaluationGradeSchema.safeParse('b').success).toBe(false);
    expect(evaluationGradeSchema.safeParse('E').success).toBe(false);
  });

  it('has the anchors of docs/domain.md §4, B being the standard', () => {
    expect(EVALUATION_SCALE.version).toBe('2024.1');
    expect(EVALUATION_SCALE.standard).toBe('B');
    expect(EVALUATION_GRADES.map((g) => EVALUATION_SCALE.goalAnchors[g].ja)).toEqual([
      '大きく上回る',
      '上回る',
      '期待どおり',
      'やや下回る',
      '大きく下回る',
    ]);
    expect(EVALUATION_SCALE.competencyAnchors.S.en).toBe(
      'Exceeds the post and would be fully capable one grade up',
    );
    expect(EVALUATION_SCALE.competencyAnchors.D.en).toBe('Seriously lacking');
    for (const g of EVALUATION_GRADES)
      expect(EVALUATION_SCALE.competencyAnchors[g].ja.length).toBeGreaterThan(0);
  });
});

describe('agreement scale', () => {
  it('scores the four answers of policy IV-3-(1)', () => {
    expect(AGREEMENT_SCALE.points.map((p) => [p.value, p.labelJa])).toEqual([
      [4, 'そう思う'],
      [3, 'まあそう思う'],
      [2, 'あまりそう思わない'],
      [1, 'そう思わない'],
    ]);
  });

  it('reads numbers and labels, full-width and padded', () => {
    expect(parseAgreement('4')).toBe(4);
    expect(parseAgreement('1')).toBe(1);
    expect(parseAgreement('３')).toBe(3);
    expect(parseAgreement(' 2 ')).toBe(2);
    expect(parseAgreement('そう思う')).toBe(4);
    expect(parseAgreement('まあそう思う')).toBe(3);
    expect(parseAgreement('あまりそう思わない')).toBe(2);
    expect(parseAgreement('そう思わない')).toBe(1);
    expect(parseAgreement('　そう思わない　')).toBe(1);
  });

  it('reads an empty cell as no answer', () => {
    expect(parseAgreement('')).toBeNull();
    expect(parseAgreement('  ')).toBeNull();
    expect(parseAgreement('　')).toBeNull();
  });

  it('rejects anything else', () => {
    for (const v of ['0', '5', '2.5', '-1', '44', 'そう思', 'agree', 'NaN'])
      expect(parseAgreement(v)).toBeUndefined();
  });
});

describe('interview scale', () => {
  it('runs 1–5 with an anchor for each point', () => {
    expect(INTERVIEW_SCALE.min).toBe(1);
    expect(INTERVIEW_SCALE.max).toBe(5);
    for (const p of [1, 2, 3, 4, 5] as const) {
      expect(INTERVIEW_SCALE.defaultAnchors[p].ja.length).toBeGreaterThan(0);
      expect(INTERVIEW_SCALE.defaultAnchors[p].en.length).toBeGreaterThan(0);
    }
  });
});

describe('versions', () => {
  it('lists the version in force of every scale, the latest of its history', () => {
    expect(SCALES_IN_FORCE).toEqual({ evaluation: '2024.1', agreement: '2024.1', interview: '2024.1' });
    for (const [name, history] of Object.entries(SCALE_HISTORY)) {
      expect(history.at(-1)?.version).toBe(SCALES_IN_FORCE[name as keyof typeof SCALES_IN_FORCE]);
      expect(new Set(history.map((s) => s.version)).size).toBe(history.length);
    }
  });
});
