// Evaluation data beside the KPI survey (docs/domain.md §5, docs/interfaces.md "Survey and KPIs"): the
// scatter of units and the distribution of final grades. Both read evaluation data, so both are in the audit
// log.
import { finalOverallResults, writeAudit, type Database } from '@jinzai/db';
import {
  EVALUATION_GRADES,
  MIN_EVALUATED_STAFF,
  NO_MOMENTS,
  evaluationPoints,
  kpiFigures,
  spearman,
  finestShownUnits,
  unitGroup,
  unitAndDescendants,
  type KpiCode,
} from '@jinzai/model';
import type { Kysely } from 'kysely';
import type { Actor } from './actor.js';
import { kpiDisclosure } from './survey-disclosure.service.js';
import { kpiBoardOf } from './survey.service.js';

export interface ScatterUnit {
  unitCode: string;
  name: string;
  evaluationMean: number;
  kpiMean: number;
  n: number;
  evaluated: number;
}

async function auditRead(db: Kysely<Database>, actor: Actor, now: Date, fiscalYear: number, detail: object) {
  await writeAudit(db, {
    action: 'read',
    entity: 'evaluation_results',
    entityId: String(fiscalYear),
    detail,
    at: now.toISOString(),
    userId: actor.userId,
    loginId: actor.loginId,
  });
}

/**
 * By unit named in the survey answers: the mean evaluation (S = 5 … D = 1) of the staff in the unit and the units
 * under it against the mean answer to one KPI of the same units, with Spearman's rho (docs/domain.md §5). Only the
 * finest units the year's disclosure plan shows for that question are plotted, so the scatter withholds what every
 * other view withholds; a unit with fewer than MIN_EVALUATED_STAFF evaluated staff is left out.
 */
export async function evaluationVsKpi(
  db: Kysely<Database>,
  actor: Actor,
  now: Date,
  fiscalYear: number,
  kpi: KpiCode,
) {
  const [{ cells, units, disclosure }, results] = await Promise.all([
    kpiDisclosure(db, fiscalYear),
    finalOverallResults(db, fiscalYear),
  ]);
  const pointsByUnit = new Map<string, number[]>();
  for (const r of results)
    pointsByUnit.set(r.unitCode, [...(pointsByUnit.get(r.unitCode) ?? []), evaluationPoints(r.overall)]);

  const tree = new Map(units.map((u) => [u.code, u]));
  const plotted: ScatterUnit[] = [];
  // docs/interfaces.md "Survey and KPIs": the units are those named in the answers.
  const named = new Set(cells.map((c) => c.unitCode));
  for (const code of finestShownUnits(disclosure, units, kpi)) {
    if (!named.has(code)) continue;
    const points = [...unitAndDescendants(code, units)].flatMap((c) => pointsByUnit.get(c) ?? []);
    if (points.length < MIN_EVALUATED_STAFF) continue;
    const f = kpiFigures(disclosure.moments.get(unitGroup(code))?.get(kpi) ?? NO_MOMENTS);
    if (f.mean === null) continue;
    plotted.push({
      unitCode: code,
      name: unitPathName(code, tree),
      evaluationMean: points.reduce((a, b) => a + b, 0) / points.length,
      kpiMean: f.mean,
      n: f.n,
      evaluated: points.length,
    });
  }
  const rho = spearman(
    plotted.map((u) => u.evaluationMean),
    plotted.map((u) => u.kpiMean),
  );
  await auditRead(db, actor, now, fiscalYear, { view: 'evaluation-vs-kpi', kpi });
  const answered = new Set(cells.map((c) => c.unitCode)).size;
  return {
    fiscalYear,
    kpi,
    units: plotted,
    leftOut: Math.max(0, answered - plotted.length),
    spearman: rho,
  };
}

/** A unit's name under its 課 (「企画調整課 庶務係」), so that two 庶務係 can be told apart. */
function unitPathName(
  code: string,
  tree: ReadonlyMap<string, { name: string; parentCode: string | null; level: string }>,
) {
  const u = tree.get(code);
  if (!u) return code;
  const parent = u.parentCode ? tree.get(u.parentCode) : undefined;
  return u.level === '係' && parent ? `${parent.name} ${u.name}` : u.name;
}

/** The distribution of a year's final evaluation grades beside outcome 06 (頑張りが認められる, q15). */
export async function evaluationDistribution(
  db: Kysely<Database>,
  actor: Actor,
  now: Date,
  fiscalYear: number,
) {
  const [results, board] = await Promise.all([
    finalOverallResults(db, fiscalYear),
    kpiBoardOf(db, fiscalYear),
  ]);
  const total = results.length;
  const grades = EVALUATION_GRADES.map((grade) => {
    const count = results.filter((r) => r.overall === grade).length;
    return { grade, count, share: total === 0 ? null : count / total };
  });
  await auditRead(db, actor, now, fiscalYear, { view: 'evaluation-distribution' });
  const q15 = board.kpis.find((k) => k.code === 'q15');
  return { fiscalYear, total, grades, outcome: '06', kpi: q15 ?? null };
}
