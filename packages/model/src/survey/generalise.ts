import { ageBandOf, unitAndDescendants, unitPathUp, type EmploymentType, type TreeUnit } from '../org.js';
import { MIN_GROUP_SIZE } from './kpi-figures.js';
import type { ResponseAttributes } from './responses.js';

/**
 * The value an online answer stores for an attribute it does not keep (docs/domain.md §5 "Rows that cannot be
 * linked"): the answer counts in the figures of its unit and of every other attribute, but in no group of this one.
 */
export const GENERALISED = '*' as const;
export type Generalised = typeof GENERALISED;

/** A person on the roster with the attributes an answer could keep. */
export interface RosterPerson {
  unitCode: string;
  gradeCode: string;
  employmentType: EmploymentType;
  birthYear: number;
}

/**
 * The attributes given up, one more at each step, when the stored combination would match fewer than 5 people on
 * the roster (docs/domain.md §5): the age band first, then the employment type, then the grade. When even the unit
 * alone is too small, the answer moves up to the parent unit and the steps start again there.
 */
const STEPS: readonly (readonly ('ageBand' | 'employmentType' | 'gradeCode')[])[] = [
  [],
  ['ageBand'],
  ['ageBand', 'employmentType'],
  ['ageBand', 'employmentType', 'gradeCode'],
];

/**
 * The attributes an online answer is stored with (docs/domain.md §5): the person's own, generalised in the order of
 * STEPS until the stored combination matches at least MIN_GROUP_SIZE people of the roster of the year. At the person's
 * own unit a match is someone of that unit; once the answer has moved up to a parent unit, anyone in its subtree.
 * A roster too small for any combination keeps the top unit with every attribute generalised.
 */
export function generaliseAttributes(
  own: ResponseAttributes,
  roster: readonly RosterPerson[],
  units: readonly TreeUnit[],
  fiscalYear: number,
  min: number = MIN_GROUP_SIZE,
): ResponseAttributes {
  const tree = new Map(units.map((u) => [u.code, u]));
  const path = unitPathUp(own.unitCode, tree);
  let last = own;
  for (const [level, unitCode] of path.entries()) {
    const within = level === 0 ? new Set([unitCode]) : unitAndDescendants(unitCode, units);
    const here = roster
      .filter((p) => within.has(p.unitCode))
      .map((p) => ({
        gradeCode: p.gradeCode,
        employmentType: p.employmentType,
        ageBand: ageBandOf(p.birthYear, fiscalYear),
      }));
    for (const dropped of STEPS) {
      const stored: ResponseAttributes = { ...own, unitCode };
      for (const a of dropped) stored[a] = GENERALISED;
      last = stored;
      const matches = here.filter(
        (p) =>
          (stored.gradeCode === GENERALISED || p.gradeCode === stored.gradeCode) &&
          (stored.employmentType === GENERALISED || p.employmentType === stored.employmentType) &&
          (stored.ageBand === GENERALISED || p.ageBand === stored.ageBand),
      ).length;
      if (matches >= min) return stored;
    }
  }
  return last;
}

/**
 * How many online answers wait, held apart, before they join the figures together (docs/domain.md §5): as many as
 * the smallest group the figures publish, so that a batch never tells one answer from the others.
 */
export const ONLINE_ANSWER_BATCH = MIN_GROUP_SIZE;
