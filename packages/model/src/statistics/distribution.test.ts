import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { centralTendencyIndex, distribution, leniencyIndex } from './distribution.js';

const GRADES = ['S', 'A', 'B', 'C', 'D'] as const;

describe('distribution', () => {
  it('counts and shares in category order', () => {
    const d = distribution(['B', 'A', 'B', 'S', 'B', 'C', 'B', 'A'], GRADES);
    expect(d.total).toBe(8);
    expect(d.unmatched).toBe(0);
    expect(d.categories.map((c) => c.category)).toEqual(['S', 'A', 'B', 'C', 'D']);
    expect(d.categories.map((c) => c.count)).toEqual([1, 2, 4, 1, 0]);
    expect(d.categories[2]?.share).toBeCloseTo(0.5, 12);
    expect(d.categories[4]?.share).toBe(0);
  });

  it('counts values outside the categories apart', () => {
    const d = distribution(['B', 'X', '', 'b'], GRADES);
    expect(d.total).toBe(1);
    expect(d.unmatched).toBe(3);
    expect(d.categories[2]?.share).toBe(1);
  });

  it('has zero shares when empty and rejects repeated categories', () => {
    const d = distribution([], GRADES);
    expect(d.total).toBe(0);
    expect(d.categories.every((c) => c.count === 0 && c.share === 0)).toBe(true);
    expect(() => distribution(['A'], ['A', 'A'])).toThrow(RangeError);
  });

  it('shares sum to 1 and counts to the number of values (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('S', 'A', 'B', 'C', 'D', '?')), (values) => {
        const d = distribution(values, GRADES);
        expect(d.total + d.unmatched).toBe(values.length);
        expect(d.categories.reduce((s, c) => s + c.count, 0)).toBe(d.total);
        if (d.total > 0) expect(d.categories.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1, 12);
      }),
    );
  });
});

describe('centralTendencyIndex', () => {
  it('is the share at the middle category', () => {
    expect(centralTendencyIndex([1, 2, 4, 1, 0])).toBeCloseTo(0.5, 12);
    expect(centralTendencyIndex([0, 0, 10, 0, 0])).toBe(1);
    expect(centralTendencyIndex([5, 0, 0, 0, 5])).toBe(0);
    expect(centralTendencyIndex([3])).toBe(1);
  });

  it('takes the two central categories of an even scale', () => {
    expect(centralTendencyIndex([1, 2, 3, 4])).toBeCloseTo(0.5, 12);
  });

  it('is null without ratings and rejects bad counts', () => {
    expect(centralTendencyIndex([0, 0, 0])).toBeNull();
    expect(() => centralTendencyIndex([])).toThrow(RangeError);
    expect(() => centralTendencyIndex([1, -1, 2])).toThrow(RangeError);
  });

  it('works on a distribution and lies in [0, 1] (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...GRADES), { minLength: 1 }), (values) => {
        const counts = distribution(values, GRADES).categories.map((c) => c.count);
        const index = centralTendencyIndex(counts) ?? Number.NaN;
        expect(index).toBeCloseTo(values.filter((v) => v === 'B').length / values.length, 12);
        expect(index).toBeGreaterThanOrEqual(0);
        expect(index).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('leniencyIndex', () => {
  it('is the mean of the points minus the reference mean', () => {
    // S, A, A, B → 5, 4, 4, 3: mean 4 against an organisation mean of 3.2.
    expect(leniencyIndex([5, 4, 4, 3], 3.2)).toBeCloseTo(0.8, 12);
    expect(leniencyIndex([2, 3], 3)).toBeCloseTo(-0.5, 12);
    expect(leniencyIndex([], 3)).toBeNull();
    expect(() => leniencyIndex([3], Number.NaN)).toThrow(RangeError);
    expect(() => leniencyIndex([Number.NaN], 3)).toThrow(RangeError);
  });

  it('moves one-for-one with a shift of all points (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1 }),
        fc.integer({ min: -2, max: 2 }),
        (points, c) => {
          const base = leniencyIndex(points, 3) ?? Number.NaN;
          expect(
            leniencyIndex(
              points.map((p) => p + c),
              3,
            ) ?? Number.NaN,
          ).toBeCloseTo(base + c, 9);
        },
      ),
    );
  });
});
