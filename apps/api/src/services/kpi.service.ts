// The KPI trends and the programme use counts (policy IV-3, docs/domain.md §5): what HR reads and enters
// beside the board.
import {
  kpiMoments,
  kpiSurveyYears,
  listProgrammeCounts,
  upsertProgrammeCounts,
  writeAudit,
  type Database,
} from '@jinzai/db';
import { KPI_QUESTIONS, NO_MOMENTS, kpiFigures, programmeByCode } from '@jinzai/model';
import type { Kysely } from 'kysely';
import type { Actor } from './actor.js';

/** Every KPI over the years with responses: per year the mean, n and 95% CI (withheld under the group size). */
export async function kpiTrends(db: Kysely<Database>) {
  const years = (await kpiSurveyYears(db)).map((y) => y.fiscalYear);
  const m = await kpiMoments(db, years);
  return {
    years,
    kpis: KPI_QUESTIONS.map((k) => ({
      code: k.code,
      outcome: k.outcome,
      baseline: k.baseline,
      target: k.target,
      points: years.map((fiscalYear) => {
        const f = kpiFigures(m.get(fiscalYear)?.questions.get(k.code) ?? NO_MOMENTS);
        return { fiscalYear, mean: f.mean, n: f.n, ci95: f.ci95 };
      }),
    })),
  };
}

/** The programme use counts of every year (policy IV-3 ※6), with the programmes' names. */
export async function kpiProgrammeCounts(db: Kysely<Database>) {
  const rows = await listProgrammeCounts(db);
  return {
    years: [...new Set(rows.map((r) => r.fiscalYear))],
    counts: rows.map((r) => ({ ...r, nameJa: programmeByCode(r.programmeCode)?.nameJa ?? r.programmeCode })),
  };
}

/** Enters a year's programme use counts (a null count is left as it was), in one transaction with its audit. */
export async function setProgrammeCounts(
  db: Kysely<Database>,
  actor: Actor,
  now: Date,
  fiscalYear: number,
  counts: Readonly<Record<string, number | null | undefined>>,
): Promise<{ fiscalYear: number; updated: number }> {
  const entries = Object.entries(counts)
    .filter((e): e is [string, number] => typeof e[1] === 'number')
    .map(([programmeCode, count]) => ({ programmeCode, count }));
  await db.transaction().execute(async (trx) => {
    await upsertProgrammeCounts(trx, fiscalYear, entries, now.toISOString());
    await writeAudit(trx, {
      action: 'update',
      entity: 'programme_counts',
      entityId: String(fiscalYear),
      after: counts,
      at: now.toISOString(),
      userId: actor.userId,
      loginId: actor.loginId,
    });
  });
  return { fiscalYear, updated: entries.length };
}
