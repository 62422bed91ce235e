// Evaluation periods (docs/domain.md §4): opening one with its phase dates, listing them, importing earlier
// results.
import { createPeriod, getPeriod, listPeriods, writeAudit, type Database, type Period } from '@jinzai/db';
import { defaultPhaseDates, EVALUATION_SCALE, periodName, type NewPeriod } from '@jinzai/model';
import type { Kysely } from 'kysely';
import { errors } from '../errors.js';
import type { Actor } from './actor.js';
import { importResults } from './evaluation-results.service.js';
import type { FileReader } from './evaluation-evaluators.service.js';

type Db = Kysely<Database>;

/** Opens a period; phase dates not given default to the policy's (fiscal year or calendar-year preset). */
export async function openPeriod(db: Db, actor: Actor, now: Date, input: NewPeriod): Promise<Period> {
  const dates = defaultPhaseDates(input.fiscalYear, input.kind);
  return db.transaction().execute(async (trx) => {
    const p = await createPeriod(
      trx,
      {
        fiscalYear: input.fiscalYear,
        kind: input.kind,
        name: input.name ?? periodName(input.fiscalYear, input.kind),
        startsOn: dates.startsOn,
        endsOn: dates.endsOn,
        goalsDue: input.goalsDue ?? dates.goalsDue,
        selfDue: input.selfDue ?? dates.selfDue,
        firstDue: input.firstDue ?? dates.firstDue,
        secondDue: input.secondDue ?? dates.secondDue,
        adjustDue: input.adjustDue ?? dates.adjustDue,
        discloseDue: input.discloseDue ?? dates.discloseDue,
        scaleVersion: EVALUATION_SCALE.version,
      },
      now.toISOString(),
    );
    await writeAudit(trx, {
      at: now.toISOString(),
      ...actor,
      action: 'create',
      entity: 'review_period',
      entityId: String(p.id),
      after: p,
    });
    return p;
  });
}

/** Every period, newest first. */
export async function periods(db: Db): Promise<{ periods: Period[] }> {
  return { periods: await listPeriods(db) };
}

/** Imports results from an earlier system into a known period (404 otherwise); the file is read after that. */
export async function importResultsInto(db: Db, actor: Actor, now: Date, periodId: number, read: FileReader) {
  if (!(await getPeriod(db, periodId))) throw errors.notFound('評価期間');
  return importResults(db, periodId, await read(), actor, now);
}
