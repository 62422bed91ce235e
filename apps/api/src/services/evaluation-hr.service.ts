// HR's side of a period (docs/domain.md §4): default sheets from the org tree, progress, analytics and the
// export.
import {
  getPeriod,
  listUnits,
  sheetsForExport,
  writeAudit,
  type AuditEntry,
  type Database,
  type Period,
} from '@jinzai/db';
import { gradeByCode, isLockedSheetState, SHEET_STATE_LABELS } from '@jinzai/model';
import type { Kysely } from 'kysely';
import { errors } from '../errors.js';
import { toCsv } from '../import/csv.js';
import { encodeCsv } from '../import/decode.js';
import { writeXlsx, XLSX_CONTENT_TYPE } from '../import/xlsx.js';
import type { Actor } from './actor.js';
import { evaluationAnalytics, periodProgress } from './evaluation-analytics.service.js';
import { assignDefaults } from './evaluation-assignments.service.js';

type Db = Kysely<Database>;
type Entry = Omit<AuditEntry, 'at' | 'userId' | 'loginId'>;

const record = (db: Db, actor: Actor, now: Date, entry: Entry) =>
  writeAudit(db, { at: now.toISOString(), ...actor, ...entry });

/** The period, or a 404. */
export async function periodOrThrow(db: Db, periodId: number): Promise<Period> {
  const period = await getPeriod(db, periodId);
  if (!period) throw errors.notFound('評価期間');
  return period;
}

/** Creates the missing sheets of a period with default evaluators (課長 first, 部長 second); returns how many. */
export async function createDefaultSheets(
  db: Db,
  actor: Actor,
  now: Date,
  periodId: number,
): Promise<{ created: number }> {
  await periodOrThrow(db, periodId);
  const created = await db.transaction().execute(async (trx) => {
    const n = await assignDefaults(trx, periodId, now.toISOString());
    await record(trx, actor, now, {
      action: 'create',
      entity: 'review_assignments',
      entityId: String(periodId),
      detail: { created: n },
    });
    return n;
  });
  return { created };
}

/** A period with its progress: sheets by 部 and step (audited read). */
export async function progressReport(db: Db, actor: Actor, now: Date, periodId: number) {
  const period = await periodOrThrow(db, periodId);
  await record(db, actor, now, { action: 'read', entity: 'review_progress', entityId: String(periodId) });
  return { period, ...(await periodProgress(db, periodId)) };
}

/**
 * The distributions, trend, tendencies and agreement of a fiscal year; an audited read when it names evaluators
 * (their distributions and tendencies are about them), not when it shows aggregates only.
 */
export async function analyticsReport(
  db: Db,
  actor: Actor,
  now: Date,
  fiscalYear: number,
): ReturnType<typeof evaluationAnalytics> {
  const report = await evaluationAnalytics(db, fiscalYear);
  if (report.byEvaluator.length > 0 || (report.evaluators?.evaluators.length ?? 0) > 0) {
    await record(db, actor, now, {
      action: 'read',
      entity: 'review_analytics',
      entityId: String(fiscalYear),
    });
  }
  return report;
}

const EXPORT_HEADER = [
  'staff_no',
  '氏名',
  'unit_code',
  '所属',
  'grade_code',
  '職層',
  '状態',
  'first_evaluator',
  'second_evaluator',
  '一次評価',
  '二次評価',
  '総合評価',
  '改訂',
];

/**
 * The sheets of a period with their overall grades, as .xlsx or as CSV (CP932, or UTF-8 with BOM; formulas
 * escaped). The final grade shows only from 確定 on. Audited as an export.
 */
export async function exportPeriod(
  db: Db,
  actor: Actor,
  now: Date,
  periodId: number,
  format: 'xlsx' | 'csv',
  encoding: 'cp932' | 'utf-8-bom',
): Promise<{ bytes: Uint8Array; contentType: string; filename: string }> {
  const period = await periodOrThrow(db, periodId);
  const sheets = await sheetsForExport(db, periodId);
  const units = new Map((await listUnits(db)).map((u) => [u.code, u.name]));
  const rows = sheets.map((s) => [
    s.staffNo,
    s.name,
    s.unitCode,
    units.get(s.unitCode) ?? '',
    s.gradeCode,
    gradeByCode(s.gradeCode)?.nameJa ?? '',
    SHEET_STATE_LABELS[s.state]?.ja ?? s.state,
    s.firstStaffNo,
    s.secondStaffNo,
    s.first,
    s.second,
    isLockedSheetState(s.state) ? s.final : null,
    s.revision,
  ]);
  await record(db, actor, now, {
    action: 'export',
    entity: 'review_sheets',
    entityId: String(periodId),
    detail: { format, rows: rows.length },
  });
  const name = `evaluation-${period.fiscalYear}-${periodId}`;
  if (format === 'csv')
    return {
      bytes: encodeCsv(toCsv([EXPORT_HEADER, ...rows], { escapeFormulas: true }), encoding),
      contentType: `text/csv; charset=${encoding === 'cp932' ? 'shift_jis' : 'utf-8'}`,
      filename: `${name}.csv`,
    };
  return {
    bytes: await writeXlsx([{ name: period.name, rows: [EXPORT_HEADER, ...rows] }]),
    contentType: XLSX_CONTENT_TYPE,
    filename: `${name}.xlsx`,
  };
}
