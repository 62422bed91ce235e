// Results from an earlier system (docs/interfaces.md "Evaluation"): checked against the roster and written at
// once.
import {
  listUnits,
  staffPlacements,
  resultsOfPeriodFor,
  upsertResults,
  type Database,
  type EvaluationResult,
} from '@jinzai/db';
import { gradeByCode } from '@jinzai/model';
import type { Kysely } from 'kysely';
import { parseResultsFile, resolveItems } from '../import/evaluation-import.js';
import { resolveGrade } from '../import/org-import.js';
import { throwIfAny, type ImportDetail } from '../import/errors.js';
import { recordChanges, recordImport } from '../audit.js';
import type { Upload } from '../import/table.js';
import type { Actor } from './actor.js';

/**
 * Imports results from an earlier system into a period (docs/interfaces.md "Evaluation"): all or nothing, in
 * one transaction, set-based. Each result snapshots the staff member's unit and grade: the file's unit_code
 * and grade_code when given, else the roster's. An unknown staff number is a 400 naming the row.
 */
export async function importResults(
  db: Kysely<Database>,
  periodId: number,
  file: Upload,
  actor: Actor,
  now: Date,
): Promise<{ rows: number; created: number; updated: number }> {
  const { rows, details } = await parseResultsFile(file.bytes, file.contentType);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const staff = new Map(
      (
        await staffPlacements(
          trx,
          rows.map((r) => r.staffNo),
        )
      ).map((s) => [s.staffNo, s]),
    );
    const units = new Set((await listUnits(trx)).map((u) => u.code));
    const existing = await resultsOfPeriodFor(
      trx,
      periodId,
      rows.map((r) => r.staffNo),
    );
    const all: ImportDetail[] = [...details];
    const results: EvaluationResult[] = [];
    for (const r of rows) {
      const person = staff.get(r.staffNo);
      if (!person) {
        all.push({
          row: r.row,
          column: 'staff_no',
          message: `職員番号「${r.staffNo}」の職員が見つかりません`,
        });
        continue;
      }
      const gradeCode = r.gradeCode === null ? person.gradeCode : (resolveGrade(r.gradeCode) ?? '');
      if (!gradeByCode(gradeCode)) {
        all.push({
          row: r.row,
          column: 'grade_code',
          message: `職層コード「${r.gradeCode ?? gradeCode}」が見つかりません`,
        });
        continue;
      }
      const unitCode = r.unitCode ?? person.unitCode;
      if (!units.has(unitCode)) {
        all.push({ row: r.row, column: 'unit_code', message: `コード「${unitCode}」が見つかりません` });
        continue;
      }
      const items = resolveItems(r, gradeCode, all);
      results.push({
        periodId,
        staffNo: r.staffNo,
        unitCode,
        gradeCode,
        overall: r.overall,
        items,
        source: 'import',
        confirmedAt: at,
      });
    }
    throwIfAny('invalid_rows', all);
    await upsertResults(trx, results);
    const updated = results.filter((r) => existing.has(r.staffNo)).length;
    const graded = (r: EvaluationResult) => ({
      unitCode: r.unitCode,
      gradeCode: r.gradeCode,
      overall: r.overall,
      items: r.items,
    });
    const changed = await recordChanges(
      trx,
      actor,
      now,
      'review_result',
      results.map((r) => {
        const before = existing.get(r.staffNo);
        return { key: `${periodId}/${r.staffNo}`, before: before ? graded(before) : null, after: graded(r) };
      }),
    );
    await recordImport(trx, actor, now, { entity: 'review_results', entityId: String(periodId) }, file, {
      rows: results.length,
      updated,
      changed,
    });
    return { rows: results.length, created: results.length - updated, updated };
  });
}
