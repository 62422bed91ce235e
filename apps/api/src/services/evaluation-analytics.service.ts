import {
  evaluatorItemPairCounts,
  evaluatorOverallRatings,
  firstEvaluatorNames,
  listUnits,
  periodOfYear,
  resultCounts,
  sheetProgress,
  type Database,
} from '@jinzai/db';
import {
  EVALUATION_GRADES,
  evaluatorAgreement,
  evaluatorTendencies,
  GRADES,
  SHEET_STATES,
  type EvaluationGrade,
} from '@jinzai/model';
import type { Kysely } from 'kysely';
import { divisionAndDepartment } from '@jinzai/model';
import { versionedCache } from './versioned-cache.js';

type Db = Kysely<Database>;

const emptyCounts = (): Record<EvaluationGrade, number> => ({ S: 0, A: 0, B: 0, C: 0, D: 0 });

export interface Row {
  key: string;
  label: string;
  n: number;
  counts: Record<EvaluationGrade, number>;
  mean: number | null;
}

function finish(map: Map<string, { label: string; counts: Record<EvaluationGrade, number> }>): Row[] {
  return [...map.entries()].map(([key, { label, counts }]) => {
    const n = EVALUATION_GRADES.reduce((s, g) => s + counts[g], 0);
    const sum = EVALUATION_GRADES.reduce((s, g, i) => s + counts[g] * (5 - i), 0);
    return { key, label, n, counts, mean: n > 0 ? sum / n : null };
  });
}

/**
 * HR's view of a fiscal year (docs/domain.md §4, §7): distributions of overall grades by 部, grade and first
 * evaluator, the trend over the last five years, evaluators flagged for leniency or central tendency against
 * the organisation, and agreement between first and second evaluators. Grouped in SQL; the rest is small.
 * Computed once per version of the evaluation data, the units and the roster (versioned-cache.ts).
 */
export function evaluationAnalytics(db: Db, fiscalYear: number): Promise<EvaluationAnalytics> {
  return analyticsCache(db, String(fiscalYear), () => computeAnalytics(db, fiscalYear));
}

export type EvaluationAnalytics = Awaited<ReturnType<typeof computeAnalytics>>;

const analyticsCache = versionedCache<EvaluationAnalytics>(['evaluation', 'org', 'staff']);

async function computeAnalytics(db: Db, fiscalYear: number) {
  const [counts, units, period] = await Promise.all([
    resultCounts(db, fiscalYear - 4, fiscalYear),
    listUnits(db),
    periodOfYear(db, fiscalYear),
  ]);
  const unitMap = new Map(units.map((u) => [u.code, u]));
  const buOf = new Map<string, string>();
  const bu = (code: string) => {
    let b = buOf.get(code);
    if (b === undefined) {
      b = divisionAndDepartment(code, unitMap).bu ?? code;
      buOf.set(code, b);
    }
    return b;
  };
  // A year's results come from its fiscal-kind period when it has several.
  const chosen = new Map<number, { periodId: number; kind: string }>();
  for (const r of counts) {
    const c = chosen.get(r.fiscalYear);
    const better =
      !c || (r.kind === 'fiscal' && c.kind !== 'fiscal') || (r.kind === c.kind && r.periodId < c.periodId);
    if (better) chosen.set(r.fiscalYear, { periodId: r.periodId, kind: r.kind });
  }
  const byYear = new Map<string, { label: string; counts: Record<EvaluationGrade, number> }>();
  const byUnit = new Map<string, { label: string; counts: Record<EvaluationGrade, number> }>();
  const byGrade = new Map<string, { label: string; counts: Record<EvaluationGrade, number> }>();
  for (const y of [0, 1, 2, 3, 4].map((d) => fiscalYear - 4 + d))
    byYear.set(String(y), { label: String(y), counts: emptyCounts() });
  for (const g of GRADES) byGrade.set(g.code, { label: g.nameJa, counts: emptyCounts() });
  for (const r of counts) {
    if (chosen.get(r.fiscalYear)?.periodId !== r.periodId) continue;
    const y = byYear.get(String(r.fiscalYear));
    if (y) y.counts[r.overall] += r.n;
    if (r.fiscalYear !== fiscalYear) continue;
    const b = bu(r.unitCode);
    const u = byUnit.get(b) ?? { label: unitMap.get(b)?.name ?? b, counts: emptyCounts() };
    u.counts[r.overall] += r.n;
    byUnit.set(b, u);
    const g = byGrade.get(r.gradeCode) ?? { label: r.gradeCode, counts: emptyCounts() };
    g.counts[r.overall] += r.n;
    byGrade.set(r.gradeCode, g);
  }
  const overall = finish(byYear).find((r) => r.key === String(fiscalYear));

  type Tendencies = ReturnType<typeof evaluatorTendencies>;
  let evaluators:
    | (Omit<Tendencies, 'evaluators'> & {
        evaluators: (Tendencies['evaluators'][number] & { name: string })[];
      })
    | null = null;
  let agreement:
    (ReturnType<typeof evaluatorAgreement> & { items: ReturnType<typeof evaluatorAgreement> }) | null = null;
  const byEvaluator = new Map<string, { label: string; counts: Record<EvaluationGrade, number> }>();
  if (period) {
    const [pairs, items, names] = await Promise.all([
      evaluatorOverallRatings(db, period.id),
      evaluatorItemPairCounts(db, period.id),
      firstEvaluatorNames(db, period.id),
    ]);
    const ratings = pairs
      .filter((p) => p.first !== null && p.firstStaffNo !== null)
      .map((p) => ({
        evaluator: p.firstStaffNo as string,
        sheet: String(p.sheetId),
        grade: p.first as EvaluationGrade,
      }));
    for (const r of ratings) {
      const e = byEvaluator.get(r.evaluator) ?? {
        label: names.get(r.evaluator) ?? r.evaluator,
        counts: emptyCounts(),
      };
      e.counts[r.grade] += 1;
      byEvaluator.set(r.evaluator, e);
    }
    const seconds = pairs
      .filter((p) => p.second !== null && p.secondStaffNo !== null)
      .map((p) => ({
        evaluator: p.secondStaffNo as string,
        sheet: String(p.sheetId),
        grade: p.second as EvaluationGrade,
      }));
    const t = evaluatorTendencies(ratings, seconds);
    evaluators = {
      organisation: t.organisation,
      evaluators: t.evaluators.map((e) => ({ ...e, name: names.get(e.evaluator) ?? e.evaluator })),
    };
    const both = pairs.filter((p) => p.first !== null && p.second !== null) as {
      first: EvaluationGrade;
      second: EvaluationGrade;
    }[];
    agreement = {
      ...evaluatorAgreement(both),
      items: evaluatorAgreement(
        items.flatMap((p) => Array.from({ length: p.n }, () => ({ first: p.first, second: p.second }))),
      ),
    };
  }
  return {
    fiscalYear,
    period,
    overall: overall ?? null,
    trend: finish(byYear),
    byUnit: finish(byUnit).sort((a, b) => a.key.localeCompare(b.key)),
    byGrade: finish(byGrade).filter((r) => r.n > 0),
    byEvaluator: finish(byEvaluator).sort((a, b) => a.label.localeCompare(b.label, 'ja')),
    evaluators,
    agreement,
  };
}

/** Progress of a period: sheets by 部 and state (HR). */
export async function periodProgress(db: Db, periodId: number) {
  const [rows, units] = await Promise.all([sheetProgress(db, periodId), listUnits(db)]);
  const unitMap = new Map(units.map((u) => [u.code, u]));
  const byBu = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const b = divisionAndDepartment(r.unitCode, unitMap).bu ?? r.unitCode;
    const counts = byBu.get(b) ?? Object.fromEntries(SHEET_STATES.map((s) => [s, 0]));
    counts[r.state] = (counts[r.state] ?? 0) + r.n;
    byBu.set(b, counts);
  }
  const total = Object.fromEntries(SHEET_STATES.map((s) => [s, 0])) as Record<string, number>;
  const units2 = [...byBu.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, counts]) => {
      for (const s of SHEET_STATES) total[s] = (total[s] ?? 0) + (counts[s] ?? 0);
      return {
        unitCode: code,
        unitName: unitMap.get(code)?.name ?? code,
        counts,
        n: Object.values(counts).reduce((a, b) => a + b, 0),
      };
    });
  return { states: SHEET_STATES, units: units2, total };
}
