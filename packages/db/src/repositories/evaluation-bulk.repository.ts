// Set-based writes of whole evaluation periods at once (demo data, benchmarks): sheets with their state, goals,
// ratings, history and I・メッセージ, each in a few statements however many rows.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { bulkWrite } from './bulk.js';
import type { SheetPlacement } from './evaluation-sheets.repository.js';
import type { NewIMessage } from './i-messages.repository.js';

type Db = Kysely<Database>;

/** A sheet written as it stands (its step, whether goals are in), with its evaluators. */
export type SheetSeed = SheetPlacement;

/**
 * Writes the sheets of a period as given. With `upsert`, a sheet that exists (same period and staff number) is
 * overwritten instead of refused: callers pass only staff without a sheet, and the upsert keeps a concurrent
 * writer of the same new sheet from failing.
 */
export async function insertSheets(
  db: Db,
  periodId: number,
  rows: readonly SheetSeed[],
  now: string,
  options: { upsert?: boolean } = {},
) {
  await bulkWrite(
    db,
    {
      table: 'review_sheets',
      columns: [
        { name: 'period_id', type: 'integer' },
        { name: 'staff_no', type: 'text' },
        { name: 'unit_code', type: 'text' },
        { name: 'grade_code', type: 'text' },
        { name: 'first_staff_no', type: 'text' },
        { name: 'second_staff_no', type: 'text' },
        { name: 'state', type: 'text' },
        { name: 'goals_submitted', type: 'integer' },
        { name: 'updated_at', type: 'text' },
      ],
      ...(options.upsert ? { conflict: ['period_id', 'staff_no'] as const } : {}),
    },
    rows.map((r) => [
      periodId,
      r.staffNo,
      r.unitCode,
      r.gradeCode,
      r.firstStaffNo,
      r.secondStaffNo,
      r.state,
      r.goalsSubmitted ? 1 : 0,
      now,
    ]),
  );
}

/** Goals, ratings and history of many sheets. */
export interface SheetContentSeed {
  goals: {
    sheetId: number;
    position: number;
    content: string;
    outcome: string;
    difficulty: string;
    measure: string;
  }[];
  ratings: { sheetId: number; part: string; item: string; rating: string; comment: string | null }[];
  history: {
    sheetId: number;
    at: string;
    userId: number | null;
    loginId: string;
    action: string;
    fromState: string;
    toState: string;
    reason: string | null;
    revision: number;
  }[];
}

/** Writes the goals, ratings and history of many sheets. */
export async function insertSheetContent(db: Db, content: SheetContentSeed) {
  await bulkWrite(
    db,
    {
      table: 'review_goals',
      columns: [
        { name: 'sheet_id', type: 'integer' },
        { name: 'position', type: 'integer' },
        { name: 'content', type: 'text' },
        { name: 'outcome', type: 'text' },
        { name: 'difficulty', type: 'text' },
        { name: 'measure', type: 'text' },
      ],
    },
    content.goals.map((g) => [g.sheetId, g.position, g.content, g.outcome, g.difficulty, g.measure]),
  );
  await bulkWrite(
    db,
    {
      table: 'review_ratings',
      columns: [
        { name: 'sheet_id', type: 'integer' },
        { name: 'part', type: 'text' },
        { name: 'item', type: 'text' },
        { name: 'rating', type: 'text' },
        { name: 'comment', type: 'text' },
      ],
    },
    content.ratings.map((r) => [r.sheetId, r.part, r.item, r.rating, r.comment]),
  );
  await bulkWrite(
    db,
    {
      table: 'review_history',
      columns: [
        { name: 'sheet_id', type: 'integer' },
        { name: 'at', type: 'text' },
        { name: 'user_id', type: 'integer' },
        { name: 'login_id', type: 'text' },
        { name: 'action', type: 'text' },
        { name: 'from_state', type: 'text' },
        { name: 'to_state', type: 'text' },
        { name: 'reason', type: 'text' },
        { name: 'revision', type: 'integer' },
      ],
    },
    content.history.map((h) => [
      h.sheetId,
      h.at,
      h.userId,
      h.loginId,
      h.action,
      h.fromState,
      h.toState,
      h.reason,
      h.revision,
    ]),
  );
}

/** Many I・メッセージ at once, from senders without logins (user id 0). */
export async function insertIMessages(db: Db, rows: readonly NewIMessage[], now: string) {
  await bulkWrite(
    db,
    {
      table: 'i_messages',
      columns: [
        { name: 'sender_user_id', type: 'integer' },
        { name: 'sender_name', type: 'text' },
        { name: 'recipient_staff_no', type: 'text' },
        { name: 'recipient_unit_code', type: 'text' },
        { name: 'strength', type: 'text' },
        { name: 'body', type: 'text' },
        { name: 'created_at', type: 'text' },
      ],
    },
    rows.map((m) => [0, m.senderName, m.recipientStaffNo, m.recipientUnitCode, m.strength, m.body, now]),
  );
}
