import { KPI_QUESTIONS, type KpiCode } from '../kpis.js';
import type { Unit } from '../org.js';
import {
  attributeGroup,
  disclosureOf,
  reportingGroupOf,
  type AttributeDimension,
  type GroupId,
  type SurveyCell,
  type SurveyDisclosure,
  type WithheldReason,
} from './disclosure.js';
import { kpiPointFigures, NO_MOMENTS } from './kpi-figures.js';

/** What a breakdown groups answers by (docs/interfaces.md "Survey and KPIs" `by`). */
export type BreakdownDimension = 'unit' | AttributeDimension;

/** A group of a breakdown: the key it is listed under and the plan's group it stands for. */
export interface BreakdownKey {
  key: string;
  group: GroupId;
}

/**
 * The groups of a breakdown that hold answers (docs/domain.md §5): by unit, the reporting units (answers are
 * counted under their 課, or under their 部 where they belong to no 課); otherwise the values of the attribute.
 */
export function breakdownKeys(
  by: BreakdownDimension,
  cells: readonly Pick<SurveyCell, 'unitCode' | 'gradeCode' | 'ageBand' | 'employmentType'>[],
  units: readonly Pick<Unit, 'code' | 'parentCode' | 'level'>[],
): BreakdownKey[] {
  const tree = new Map(units.map((u) => [u.code, u]));
  const out = new Map<string, GroupId>();
  for (const c of cells) {
    if (by === 'unit') {
      const group = reportingGroupOf(c.unitCode, tree);
      out.set(group.slice(group.indexOf(':') + 1), group);
    } else {
      const value = by === 'grade' ? c.gradeCode : by === 'age_band' ? c.ageBand : c.employmentType;
      out.set(value, attributeGroup(by, value));
    }
  }
  return [...out]
    .map(([key, group]) => ({ key, group }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export interface BreakdownCell {
  code: KpiCode;
  /** null when withheld. */
  mean: number | null;
  n: number | null;
  favourable: number | null;
  suppressed: boolean;
  /** Why the cell is withheld, or null when shown. */
  withheld: WithheldReason | null;
}

/**
 * A group of a breakdown (docs/interfaces.md "Survey and KPIs" `/api/kpis/breakdown`): a suppressed group
 * carries no figures.
 */
export interface BreakdownGroup {
  key: string;
  n: number | null;
  suppressed: boolean;
  withheld: WithheldReason | null;
  kpis: BreakdownCell[];
}

/**
 * A breakdown with the survey's disclosure plan applied (docs/domain.md §5): a group whose respondents the plan
 * withholds is withheld whole; otherwise each question's figures are shown where that question's plan shows them
 * (blank answers make a question's groups smaller).
 */
export function breakdown(
  d: SurveyDisclosure,
  keys: readonly BreakdownKey[],
  questions: readonly KpiCode[] = KPI_QUESTIONS.map((k) => k.code),
): BreakdownGroup[] {
  return keys.map(({ key, group }) => {
    const whole = disclosureOf(d, group);
    if (!whole.shown) return { key, n: null, suppressed: true, withheld: whole.reason, kpis: [] };
    return {
      key,
      n: d.respondents.get(group) ?? 0,
      suppressed: false,
      withheld: null,
      kpis: questions.map((code) => {
        const shown = disclosureOf(d, group, code);
        if (!shown.shown) {
          return { code, mean: null, n: null, favourable: null, suppressed: true, withheld: shown.reason };
        }
        const f = kpiPointFigures(d.moments.get(group)?.get(code) ?? NO_MOMENTS);
        return { code, mean: f.mean, n: f.n, favourable: f.favourable, suppressed: false, withheld: null };
      }),
    };
  });
}
