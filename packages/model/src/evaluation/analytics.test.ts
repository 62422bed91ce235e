import { describe, expect, it } from 'vitest';
import { evaluatorAgreement, evaluatorTendencies, gradeDistribution } from './analytics.js';
import type { EvaluationGrade } from '../scales.js';

const many = (evaluator: string, grades: string) =>
  [...grades].map((g, i) => ({ evaluator, sheet: `${evaluator}-${i}`, grade: g as EvaluationGrade }));

describe('evaluation analytics', () => {
  it('counts grades S–D', () => {
    const d = gradeDistribution(['A', 'B', 'B', 'x']);
    expect(d.categories.map((c) => c.count)).toEqual([0, 1, 2, 0, 0]);
    expect(d.unmatched).toBe(1);
  });

  it('flags lenient, severe and central evaluators against the organisation', () => {
    const ratings = [
      ...many('lenient', 'SSSAAA'),
      ...many('severe', 'CCDDCC'),
      ...many('central', 'BBBBBB'),
      ...many('spread', 'SABCDB'),
      ...many('few', 'SS'),
    ];
    const { organisation, evaluators } = evaluatorTendencies(ratings);
    const flags = Object.fromEntries(evaluators.map((e) => [e.evaluator, e.flags]));
    expect(organisation.n).toBe(26);
    expect(flags['lenient']).toEqual(['lenient']);
    expect(flags['severe']).toEqual(['severe']);
    expect(flags['central']).toContain('central');
    expect(flags['spread']).toEqual([]);
    expect(flags['few']).toEqual([]);
  });

  it('measures how often the second evaluator changed the first, and alpha', () => {
    const same = evaluatorAgreement([
      { first: 'A', second: 'A' },
      { first: 'B', second: 'B' },
      { first: 'C', second: 'C' },
    ]);
    expect(same).toMatchObject({ n: 3, changed: 0, shareChanged: 0, alpha: 1 });
    const some = evaluatorAgreement([
      { first: 'A', second: 'B' },
      { first: 'B', second: 'B' },
      { first: 'C', second: 'C' },
      { first: 'S', second: 'A' },
    ]);
    expect(some).toMatchObject({ n: 4, changed: 2, shareChanged: 0.5, lowered: 2, raised: 0 });
    expect(some.alpha).toBeGreaterThan(0);
    expect(some.alpha).toBeLessThan(1);
    expect(evaluatorAgreement([])).toMatchObject({ n: 0, shareChanged: null, alpha: null });
  });
});
