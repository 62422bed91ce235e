// HR's training completions file (docs/interfaces.md "Talent data"): all or nothing, set-based, audited.
import {
  countImportedTraining,
  staffPlacements,
  upsertTrainingCompletions,
  yieldToEventLoop,
  type Database,
} from '@jinzai/db';
import { trainingRowSpec } from '@jinzai/model';
import type { Kysely } from 'kysely';
import { recordImport } from '../audit.js';
import { throwIfAny, type ImportDetail } from '../import/errors.js';
import { readRows, type Upload } from '../import/table.js';
import type { Actor } from './actor.js';

/** Rows checked between two turns of the event loop. */
const ROWS_PER_TURN = 5_000;

/**
 * Imports training completions (`staff_no,course,layer,completed_on,hours`): every row is checked first (its
 * cells, a staff number on the roster, the same person, course and day only once in the file), then all are
 * written in one transaction and audited as one import (counts and the file's SHA-256). A completion imported
 * before (same person, course and day) takes the file's layer and hours. Returns the counts; `created` > 0 means
 * 201 on the route.
 */
export async function importTraining(
  db: Kysely<Database>,
  file: Upload,
  actor: Actor,
  now: Date,
): Promise<{ rows: number; created: number; updated: number }> {
  const { rows: parsed, details } = await readRows(file, trainingRowSpec);
  const all: ImportDetail[] = [...details];
  const seen = new Map<string, number>();
  for (const [k, value] of parsed.entries()) {
    if (k % ROWS_PER_TURN === ROWS_PER_TURN - 1) await yieldToEventLoop();
    const row = value.row;
    const key = `${value.staff_no}\u0000${value.course}\u0000${value.completed_on}`;
    const first = seen.get(key);
    if (first !== undefined)
      all.push({
        row,
        column: 'course',
        message: `同じ職員・研修・修了日の行が${first}行目にもあります`,
      });
    else seen.set(key, row);
  }
  return db.transaction().execute(async (trx) => {
    const numbers = [...new Set(parsed.map((p) => p.staff_no))];
    const known = new Set((await staffPlacements(trx, numbers)).map((s) => s.staffNo));
    for (const p of parsed)
      if (!known.has(p.staff_no))
        all.push({
          row: p.row,
          column: 'staff_no',
          message: `職員番号「${p.staff_no}」の職員が見つかりません`,
        });
    throwIfAny('invalid_rows', all);
    const before = await countImportedTraining(trx);
    await upsertTrainingCompletions(
      trx,
      parsed.map((v) => ({
        staffNo: v.staff_no,
        course: v.course,
        layer: v.layer,
        completedOn: v.completed_on,
        hours: v.hours,
      })),
      now.toISOString(),
    );
    const created = (await countImportedTraining(trx)) - before;
    const counts = { rows: parsed.length, created, updated: parsed.length - created };
    await recordImport(trx, actor, now, { entity: 'talent_training' }, file, counts);
    return counts;
  });
}
