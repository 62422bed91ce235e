// Evaluation data beside the KPI survey (docs/domain.md §5, docs/interfaces.md "Survey and KPIs"): the
// scatter of units and the distribution of final grades. Both read evaluation data, so both are in the audit
// log.
import { finalOverallResults, kpiMomentsBy, listUnits, writeAudit, type Database } from '@jinzai/db';
import {
  EVALUATION_GRADES,
  MIN_EVALUATED_STAFF,
  NO_MOMENTS,
  evaluationPoints,
  kpiFigures,
  spearman,
  suppressedCells,
  unitAndDescendants,
  type KpiCode,
} from '@jinzai/model';
import type { Kysely } from 'kysely';
import type { Actor } from './actor.js';
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
 * under it against the unit's mean answer to one KPI, with Spearman's rho (docs/domain.md §5). A unit
 * withheld by suppression, or with fewer than MIN_EVALUATED_STAFF evaluated staff, is left out.
 */
export async function evaluationVsKpi(
  db: Kysely<Database>,
  actor: Actor,
  now: Date,
  fiscalYear: number,
  kpi: KpiCode,
) {
  const [units, results, answers] = await Promise.all([
    listUnits(db),
    finalOverallResults(db, fiscalYear),
    kpiMomentsBy(db, fiscalYear, 'unit_code'),
  ]);
  const pointsByUnit = new Map<string, number[]>();
  for (const r of results)
    pointsByUnit.set(r.unitCode, [...(pointsByUnit.get(r.unitCode) ?? []), evaluationPoints(r.overall)]);

  // Units whose answers to this question are withheld are left out, and so are their complements, so that the
  // published total minus the plotted units never gives a small unit's mean.
  const cells = answers.map((g) => ({ key: g.key, n: (g.questions.get(kpi) ?? NO_MOMENTS).n }));
  const hidden = suppressedCells(cells);
  const names = new Map(units.map((u) => [u.code, u.name]));
  const plotted: ScatterUnit[] = [];
  for (const g of answers) {
    if (hidden.has(g.key)) continue;
    const points = [...unitAndDescendants(g.key, units)].flatMap((code) => pointsByUnit.get(code) ?? []);
    if (points.length < MIN_EVALUATED_STAFF) continue;
    const f = kpiFigures(g.questions.get(kpi) ?? NO_MOMENTS);
    if (f.mean === null) continue;
    plotted.push({
      unitCode: g.key,
      name: names.get(g.key) ?? g.key,
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
  return { fiscalYear, kpi, units: plotted, leftOut: answers.length - plotted.length, spearman: rho };
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
