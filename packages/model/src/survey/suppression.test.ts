import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakdown, type GroupMoments } from './breakdown.js';
import { MIN_GROUP_SIZE, type AnswerMoments } from './kpi-figures.js';
import { suppressedCells, type Cell } from './suppression.js';

const cells = (ns: number[]): Cell[] => ns.map((n, i) => ({ key: String.fromCharCode(65 + i), n }));
const sorted = (s: Set<string>) => [...s].sort();

describe('suppressedCells', () => {
  it('withholds nothing when every group has 5 or more', () => {
    expect(sorted(suppressedCells(cells([5, 9, 30])))).toEqual([]);
  });

  it('withholds a group of 4 and the next smallest, since the total minus the rest would reveal it', () => {
    // A 4, B 12, C 7, D 30: A is under 5; C (7) is the smallest complement.
    expect(sorted(suppressedCells(cells([4, 12, 7, 30])))).toEqual(['A', 'C']);
  });

  it('adds complements until the withheld groups hold at least 5 answers', () => {
    // A 1, B 2 are under 5 but together only 3: withholding C (6) too makes 9.
    expect(sorted(suppressedCells(cells([1, 2, 6, 40])))).toEqual(['A', 'B', 'C']);
    // Two groups under 5 that together hold 5 or more need no complement.
    expect(sorted(suppressedCells(cells([3, 4, 6, 40])))).toEqual(['A', 'B']);
  });

  it('does not count an empty cell as a complement', () => {
    // A 3 and B 0 (nobody answered that question in B): C must go too.
    expect(sorted(suppressedCells(cells([3, 0, 8, 20])))).toEqual(['A', 'B', 'C']);
  });

  it('withholds every group when the whole is too small to hide one', () => {
    expect(sorted(suppressedCells(cells([2, 2])))).toEqual(['A', 'B']);
  });

  it('withholds forced cells and complements them', () => {
    expect(sorted(suppressedCells(cells([10, 8, 20]), new Set(['A'])))).toEqual(['A', 'B']);
  });
});

/**
 * What a reader can derive from released figures: the overall n (published by /api/kpis) minus the shown groups'
 * n gives the withheld groups' total. A group under 5 is revealed when that total, split over the withheld groups
 * (each has at least `floor` answers), leaves it only one possible size, or when it is the only withheld group
 * with answers (then the overall sum minus the shown sums gives its mean).
 */
function revealed(truth: readonly Cell[], shown: ReadonlyMap<string, number>, floor: number): string[] {
  const total = truth.reduce((a, c) => a + c.n, 0);
  if (total < MIN_GROUP_SIZE) return []; // the overall is withheld too
  const hidden = truth.filter((c) => !shown.has(c.key));
  const nHidden = total - [...shown.values()].reduce((a, b) => a + b, 0);
  const out: string[] = [];
  for (const c of truth) {
    if (shown.has(c.key)) {
      if (c.n < MIN_GROUP_SIZE) out.push(c.key); // shown outright
      continue;
    }
    if (c.n === 0 || c.n >= MIN_GROUP_SIZE) continue;
    const othersWithAnswers = hidden.some((o) => o.key !== c.key && o.n > 0);
    const freedom = nHidden - hidden.length * floor; // how far a withheld n can move above its floor
    if (!othersWithAnswers || hidden.length < 2 || freedom < 1) out.push(c.key);
  }
  return out;
}

const answerMoments = (n: number, seed: number): AnswerMoments => {
  let sum = 0;
  let sumSq = 0;
  let favourable = 0;
  for (let i = 0; i < n; i++) {
    const v = ((seed + i * 7) % 4) + 1;
    sum += v;
    sumSq += v * v;
    if (v >= 3) favourable += 1;
  }
  return { n, sum, sumSq, favourable };
};

describe('no released set of figures reveals a group under 5 (property)', () => {
  it('holds for single breakdowns', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 1, maxLength: 12 }), (ns) => {
        const truth = cells(ns);
        const hidden = suppressedCells(truth);
        const shown = new Map(truth.filter((c) => !hidden.has(c.key)).map((c) => [c.key, c.n]));
        expect(revealed(truth, shown, 0)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('holds for every question of a breakdown with blank answers, and for the groups', () => {
    const group = fc.record({
      respondents: fc.integer({ min: 1, max: 30 }),
      blanks: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 3, maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 10 }), (gs) => {
        const groups: GroupMoments[] = gs.map((g, i) => ({
          key: `g${i}`,
          respondents: g.respondents,
          questions: new Map(
            (['q01', 'q02', 'q03'] as const).map((q, j) => [
              q,
              answerMoments(Math.max(0, g.respondents - (g.blanks[j] ?? 0)), i + j),
            ]),
          ),
        }));
        const released = breakdown(groups, ['q01', 'q02', 'q03']);
        const respondents = groups.map((g) => ({ key: g.key, n: g.respondents }));
        const shownGroups = new Map(
          released.filter((g) => !g.suppressed).map((g) => [g.key, g.n ?? Number.NaN]),
        );
        // Each group has at least one respondent, and the reader knows it.
        expect(revealed(respondents, shownGroups, 1)).toEqual([]);
        for (const q of ['q01', 'q02', 'q03'] as const) {
          const truth = groups.map((g) => ({ key: g.key, n: g.questions.get(q)?.n ?? 0 }));
          const shown = new Map<string, number>();
          for (const g of released) {
            const cell = g.kpis.find((k) => k.code === q);
            if (cell && !cell.suppressed) {
              expect(cell.n).not.toBeNull();
              expect(cell.mean).not.toBeNull();
              shown.set(g.key, cell.n ?? Number.NaN);
            }
          }
          expect(revealed(truth, shown, 0)).toEqual([]);
        }
        for (const g of released)
          if (g.suppressed) expect(g).toEqual({ key: g.key, n: null, suppressed: true, kpis: [] });
      }),
      { numRuns: 1000 },
    );
  });
});
