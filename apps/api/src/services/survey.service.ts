// The KPI survey's data (docs/domain.md §5): importing a year's answers, the board, breakdowns by attribute
// and the response rate, with suppression enforced here; shared by the routes, the exports and the CLI.
import {
  type Database,
  deleteKpiResponses,
  insertKpiResponses,
  listUnits,
  kpiMoments,
  kpiSurveyId,
  kpiSurveyYears,
  responseSources,
  staffCountsByUnit,
} from '@jinzai/db';
import {
  AGE_BANDS,
  breakdown,
  breakdownKeys,
  disclosureOf,
  reportingGroupOf,
  TOTAL,
  type BreakdownGroup,
  EMPLOYMENT_TYPES,
  GENERALISED,
  GRADES,
  kpiBoard,
  type KpiRow,
  sourceConflict,
  kpiResponseOf,
  surveyResponseRowSpec,
  type SurveySource,
  type Unit,
} from '@jinzai/model';
import type { Kysely } from 'kysely';
import { errors } from '../errors.js';
import { throwIfAny, type ImportDetail } from '../import/errors.js';
import { missingReferences } from '../import/references.js';
import { readRows } from '../import/table.js';
import { recordImport } from '../audit.js';
import type { Upload } from '../import/table.js';
import type { Actor } from './actor.js';
import { kpiDisclosure } from './survey-disclosure.service.js';
import { versionedCache } from './versioned-cache.js';

/** The rows of an import whose unit_code is not in the organisation (a survey answer names a known unit). */
export async function unknownUnitRows(
  db: Kysely<Database>,
  parsed: readonly { row: number; value: { unitCode: string } }[],
): Promise<ImportDetail[]> {
  const units = new Set((await listUnits(db)).map((u) => u.code));
  return missingReferences(
    parsed.map((p) => ({ row: p.row, unit_code: p.value.unitCode })),
    units,
    'unit_code',
  );
}

/** 409 when answers from `incoming` would join a survey whose answers came from the other source. */
export async function refuseMixedSources(db: Kysely<Database>, surveyId: string, incoming: SurveySource) {
  const sources = (await responseSources(db, [surveyId])).get(surveyId) ?? new Set();
  const problem = sourceConflict(sources, incoming);
  if (problem) throw errors.conflict(problem);
}

/**
 * Imports a year's KPI survey responses (docs/interfaces.md "Survey and KPIs"): all or nothing. An import
 * replaces the previous import of the same year (an export of another survey tool is the whole year), and
 * keeps the answers given online.
 */
export async function importKpiResponses(
  db: Kysely<Database>,
  fiscalYear: number,
  file: Upload,
  actor: Actor,
  now: Date,
): Promise<{ rows: number; replaced: number }> {
  const checked = await readRows(file, surveyResponseRowSpec);
  const details = checked.details;
  const parsed = checked.rows.map((r) => ({ row: r.row, value: kpiResponseOf(r) }));
  return db.transaction().execute(async (trx) => {
    await refuseMixedSources(trx, kpiSurveyId(fiscalYear), 'import');
    details.push(...(await unknownUnitRows(trx, parsed)));
    throwIfAny('invalid_rows', details);
    const replaced = await deleteKpiResponses(trx, fiscalYear, 'import');
    await insertKpiResponses(
      trx,
      fiscalYear,
      'import',
      parsed.map((p) => p.value),
    );
    await recordImport(trx, actor, now, { entity: 'survey_responses', entityId: String(fiscalYear) }, file, {
      rows: parsed.length,
      replaced,
    });
    return { rows: parsed.length, replaced };
  });
}

/**
 * The KPI board of a year (docs/interfaces.md "Survey and KPIs" `/api/kpis`), with the change from the year
 * before.
 */
export function kpiBoardOf(db: Kysely<Database>, fiscalYear: number): Promise<KpiBoard> {
  return boardCache(db, String(fiscalYear), () => computeBoard(db, fiscalYear));
}

interface KpiBoard {
  respondents: number;
  kpis: KpiRow[];
}

/** The board of a year, once per version of the KPI cells. */
const boardCache = versionedCache<KpiBoard>(['survey']);

async function computeBoard(db: Kysely<Database>, fiscalYear: number): Promise<KpiBoard> {
  const m = await kpiMoments(db, [fiscalYear, fiscalYear - 1]);
  const cur = m.get(fiscalYear);
  const prev = m.get(fiscalYear - 1);
  return {
    respondents: cur?.respondents ?? 0,
    kpis: kpiBoard(cur?.questions ?? new Map(), prev?.questions ?? null),
  };
}

export const BREAKDOWN_BY = ['unit', 'grade', 'age_band', 'employment_type'] as const;
export type BreakdownBy = (typeof BREAKDOWN_BY)[number];

/**
 * The group of the online answers that do not keep an attribute (docs/domain.md §5 "Rows that cannot be linked"),
 * listed last in a breakdown by that attribute.
 */
type Label = readonly [string, { ja: string; en: string }];
const NOT_KEPT: Label = [GENERALISED, { ja: '区分なし（匿名化のため）', en: 'Not kept (anonymity)' }];

/** The order and names of the keys of each breakdown. */
function labelsOf(by: BreakdownBy, units: readonly Unit[]): Map<string, { ja: string; en: string }> {
  switch (by) {
    case 'unit':
      return new Map(units.map((u) => [u.code, { ja: u.name, en: u.name }]));
    case 'grade':
      return new Map<string, { ja: string; en: string }>([
        ...GRADES.map((g) => [g.code, { ja: g.nameJa, en: g.nameEn }] as Label),
        NOT_KEPT,
      ]);
    case 'age_band':
      return new Map<string, { ja: string; en: string }>([
        ...AGE_BANDS.map((b) => [b.code, { ja: b.nameJa, en: b.code }] as Label),
        NOT_KEPT,
      ]);
    case 'employment_type':
      return new Map([
        ...EMPLOYMENT_TYPES.map((t) => [t.code, { ja: t.nameJa, en: t.nameEn }] as Label),
        NOT_KEPT,
      ]);
  }
}

/**
 * Groups with the names of their keys, in the order of the policy's lists (grades, age bands, employment types) or
 * of the organisation; keys unknown to the list go last, by key.
 */
export function labelled<G extends { key: string }>(
  groups: readonly G[],
  by: BreakdownBy,
  units: readonly Unit[],
): (G & { labelJa: string; labelEn: string })[] {
  const labels = labelsOf(by, units);
  const order = new Map([...labels.keys()].map((k, i) => [k, i]));
  const rank = (k: string) => order.get(k) ?? order.size;
  return groups
    .map((g) => ({ ...g, labelJa: labels.get(g.key)?.ja ?? g.key, labelEn: labels.get(g.key)?.en ?? g.key }))
    .sort((a, b) => rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : 1));
}

export interface LabelledGroup extends BreakdownGroup {
  labelJa: string;
  labelEn: string;
}

/**
 * A breakdown of a year's KPIs (docs/interfaces.md "Survey and KPIs" `/api/kpis/breakdown`) under the year's one
 * disclosure plan: units are counted under their 課 (docs/domain.md §5).
 */
export function kpiBreakdownOf(
  db: Kysely<Database>,
  fiscalYear: number,
  by: BreakdownBy,
): Promise<LabelledGroup[]> {
  return breakdownCache(db, `${fiscalYear}|${by}`, () => computeBreakdown(db, fiscalYear, by));
}

/** A breakdown, once per version of the KPI cells and the units (the plan follows from both). */
const breakdownCache = versionedCache<LabelledGroup[]>(['survey', 'org']);

async function computeBreakdown(
  db: Kysely<Database>,
  fiscalYear: number,
  by: BreakdownBy,
): Promise<LabelledGroup[]> {
  const { cells, units, disclosure } = await kpiDisclosure(db, fiscalYear);
  return labelled(breakdown(disclosure, breakdownKeys(by, cells, units)), by, units);
}

/** The fiscal years with KPI survey responses, and how many answered in each. */
export function kpiSurveyYearList(db: Kysely<Database>) {
  return yearsCache(db, 'kpi', () => kpiSurveyYears(db));
}

/** The survey years (every KPI page asks), once per version of the KPI cells. */
const yearsCache = versionedCache<{ fiscalYear: number; respondents: number }[]>(['survey']);

/**
 * A year's response rate by unit against the staff roster (docs/domain.md §5): both counted under their 課, and
 * the response counts shown where the year's disclosure plan shows the unit's respondents.
 */
export async function kpiResponseRate(db: Kysely<Database>, fiscalYear: number) {
  const [{ cells, units, disclosure }, roster] = await Promise.all([
    kpiDisclosure(db, fiscalYear),
    staffCountsByUnit(db),
  ]);
  const tree = new Map(units.map((u) => [u.code, u]));
  const keys = new Map(breakdownKeys('unit', cells, units).map((k) => [k.key, k.group]));
  const staff = new Map<string, number>();
  for (const [code, n] of roster) {
    const group = reportingGroupOf(code, tree);
    const key = group.slice(group.indexOf(':') + 1);
    keys.set(key, group);
    staff.set(key, (staff.get(key) ?? 0) + n);
  }
  const totalStaff = [...staff.values()].reduce((a, b) => a + b, 0);
  const totalResponses = disclosure.respondents.get(TOTAL) ?? 0;
  return {
    fiscalYear,
    staff: totalStaff,
    responses: totalResponses,
    rate: totalStaff > 0 ? totalResponses / totalStaff : null,
    units: [...keys]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, group]) => {
        const s = staff.get(k) ?? 0;
        const shown = disclosureOf(disclosure, group);
        const n = shown.shown ? (disclosure.respondents.get(group) ?? 0) : null;
        return {
          unitCode: k,
          name: tree.get(k)?.name ?? k,
          staff: s,
          responses: n,
          rate: n === null || s === 0 ? null : n / s,
          suppressed: !shown.shown,
          withheld: shown.shown ? null : shown.reason,
        };
      }),
  };
}
