import { describe, expect, it } from 'vitest';
import { ageBandOf, unitAndDescendants } from '../org.js';
import { GENERALISED, generaliseAttributes, type RosterPerson } from './generalise.js';

const units = [
  { code: '01', parentCode: null },
  { code: '0101', parentCode: '01' },
  { code: '010101', parentCode: '0101' },
  { code: '010102', parentCode: '0101' },
];

// Born 1990 → 36 in FY2026 (30-39); born 1980 → 46 (40-49).
const person = (unitCode: string, gradeCode: string, birthYear = 1990, employmentType = 'regular' as const) =>
  ({ unitCode, gradeCode, birthYear, employmentType }) satisfies RosterPerson;
const many = (n: number, p: RosterPerson) => Array.from({ length: n }, () => p);
const own = { unitCode: '010101', gradeCode: 'g3', ageBand: '30-39', employmentType: 'regular' } as const;

describe('generaliseAttributes (docs/domain.md §5 rows that cannot be linked)', () => {
  it('keeps every attribute when at least 5 people of the unit share them', () => {
    const roster = many(5, person('010101', 'g3'));
    expect(generaliseAttributes(own, roster, units, 2026)).toEqual(own);
  });

  it('gives up the age band first, then the employment type, then the grade', () => {
    const sameGradeOtherAge = [...many(1, person('010101', 'g3')), ...many(4, person('010101', 'g3', 1980))];
    expect(generaliseAttributes(own, sameGradeOtherAge, units, 2026)).toEqual({
      ...own,
      ageBand: GENERALISED,
    });

    const otherEmployment = [
      ...many(3, person('010101', 'g3')),
      ...many(2, { ...person('010101', 'g3'), employmentType: 'reappointed' as const }),
    ];
    expect(generaliseAttributes(own, otherEmployment, units, 2026)).toEqual({
      ...own,
      ageBand: GENERALISED,
      employmentType: GENERALISED,
    });

    const otherGrades = [...many(2, person('010101', 'g3')), ...many(3, person('010101', 'g4', 1980))];
    expect(generaliseAttributes(own, otherGrades, units, 2026)).toEqual({
      unitCode: '010101',
      gradeCode: GENERALISED,
      ageBand: GENERALISED,
      employmentType: GENERALISED,
    });
  });

  it('moves up to the parent unit when the unit has fewer than 5 people, counting its whole subtree', () => {
    const roster = [...many(3, person('010101', 'g3')), ...many(2, person('010102', 'g3'))];
    expect(generaliseAttributes(own, roster, units, 2026)).toEqual({ ...own, unitCode: '0101' });
    // People elsewhere in the tree do not count for a unit they are not under.
    const apart = [...many(3, person('010101', 'g3')), ...many(9, person('02', 'g3'))];
    expect(generaliseAttributes(own, apart, units, 2026)).toEqual({
      unitCode: '01',
      gradeCode: GENERALISED,
      ageBand: GENERALISED,
      employmentType: GENERALISED,
    });
  });

  it('counts at the own unit only the people of that unit, not those of the units under it', () => {
    const atDivision = { ...own, unitCode: '0101' };
    const roster = [...many(1, person('0101', 'g3')), ...many(8, person('010101', 'g3'))];
    expect(generaliseAttributes(atDivision, roster, units, 2026).unitCode).toBe('01');
  });

  it('every stored combination matches at least 5 people whenever the roster allows it', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const codes = units.map((u) => u.code);
    const types = ['regular', 'reappointed', 'fiscal-year'] as const;
    for (let round = 0; round < 30; round++) {
      const roster = Array.from({ length: 5 + rnd(60) }, () => ({
        unitCode: codes[rnd(codes.length)]!,
        gradeCode: `g${rnd(4) + 1}`,
        birthYear: 1960 + rnd(45),
        employmentType: types[rnd(3)]!,
      }));
      for (const p of roster) {
        const mine = {
          unitCode: p.unitCode,
          gradeCode: p.gradeCode,
          ageBand: ageBandOf(p.birthYear, 2026),
          employmentType: p.employmentType,
        };
        const s = generaliseAttributes(mine, roster, units, 2026);
        const within =
          s.unitCode === p.unitCode ? new Set([p.unitCode]) : unitAndDescendants(s.unitCode, units);
        const consistent = roster.filter(
          (q) =>
            within.has(q.unitCode) &&
            (s.gradeCode === GENERALISED || q.gradeCode === s.gradeCode) &&
            (s.employmentType === GENERALISED || q.employmentType === s.employmentType) &&
            (s.ageBand === GENERALISED || ageBandOf(q.birthYear, 2026) === s.ageBand),
        );
        // The person is one of them, and the combination hides them among at least 5 (the whole roster is ≥ 5).
        expect(consistent).toContain(p);
        expect(consistent.length).toBeGreaterThanOrEqual(5);
      }
    }
  });
});
