// The evaluation sheet as its routes use it (docs/domain.md §4): read it, save a draft, take a workflow step;
// each returns the sheet as the caller may see it afterwards, and each is audited.
import { writeAudit, type Database } from '@jinzai/db';
import type { SheetAction, User } from '@jinzai/model';
import type { Kysely } from 'kysely';
import { sheetFor, sheetView } from './evaluation-sheet-view.service.js';
import { actOnSheet, saveSheet, type AuditIn, type SaveInput } from './evaluation-sheets.service.js';

type Db = Kysely<Database>;

/** The audit writer of a sheet step taken by `user` at `now`, inside the step's transaction. */
export const auditAs =
  (user: User, now: Date): AuditIn =>
  (trx, fields) =>
    writeAudit(trx, { at: now.toISOString(), userId: user.id, loginId: user.loginId, ...fields });

/** One sheet as the user may see it now (404 when unknown or not theirs to see); the read is audited. */
export async function readSheet(db: Db, user: User, now: Date, id: number) {
  const { sheet, relations } = await sheetFor(db, user, id);
  await writeAudit(db, {
    at: now.toISOString(),
    userId: user.id,
    loginId: user.loginId,
    action: 'read',
    entity: 'review_sheet',
    entityId: String(sheet.id),
    detail: { relations },
  });
  return sheetView(db, user, sheet, relations, now);
}

async function viewAfter(db: Db, user: User, now: Date, id: number) {
  const { sheet, relations } = await sheetFor(db, user, id);
  return sheetView(db, user, sheet, relations, now);
}

/** Saves a draft of the user's part (409 when the version is stale) and returns the sheet. */
export async function saveSheetDraft(db: Db, user: User, now: Date, id: number, input: SaveInput) {
  await saveSheet(db, user, id, input, now, auditAs(user, now));
  return viewAfter(db, user, now, id);
}

/** Takes a workflow step on the sheet and returns it. */
export async function takeSheetStep(
  db: Db,
  user: User,
  now: Date,
  id: number,
  input: SaveInput & { action: SheetAction; reason?: string | undefined },
) {
  await actOnSheet(db, user, id, input, now, auditAs(user, now));
  return viewAfter(db, user, now, id);
}
