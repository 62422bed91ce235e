// Notices (docs/domain.md §12): written in the transaction of the step that calls for them, read by their recipient,
// and 督促 (reminders), at most one a day per person and sheet, whichever process or person asks first.
import {
  activeUserIdsWithRole,
  addNotices,
  countUnreadNotices,
  getPeriod,
  listNotices,
  listPeriods,
  markNoticeRead,
  sheetsAtStates,
  sheetStands,
  type Database,
  type NewNotice,
  type Notice,
  type Period,
  type SheetStand,
} from '@jinzai/db';
import {
  deadlineStage,
  dueDateOf,
  newPanelMembers,
  noticesForReassignment,
  noticesForSheetStep,
  noticeTitle,
  REMINDED_STATES,
  reminderKey,
  sheetReminder,
  tokyoDay,
  type NoticeKind,
  type NoticeParams,
  type NoticeRecipient,
  type SheetAction,
  type SheetAt,
  type SheetNoticeDraft,
  type User,
} from '@jinzai/model';
import type { Kysely } from 'kysely';
import { errors } from '../errors.js';

type Db = Kysely<Database>;

/** Where a sheet's notice leads: the sheet, which shows each person only what they may see (docs/domain.md §4). */
export const sheetHref = (sheetId: number) => `/review/evaluation/sheets/${sheetId}`;
/** Where a panel notice leads: the interviewer's queue of applicants to score. */
export const PANEL_HREF = '/recruit/queue';

const subjectOfSheet = (sheetId: number) => `review_sheet:${sheetId}`;

/** A notice before its recipients are known one by one ('hr' stands for every active HR account). */
interface Draft {
  to: NoticeRecipient;
  kind: NoticeKind;
  subject: string;
  params: NoticeParams;
  href: string;
  dedupeKey?: string;
}

/** Writes drafts as notices, one per recipient, in the caller's transaction; returns the notices written. */
async function writeDrafts(db: Db, drafts: readonly Draft[], now: Date) {
  if (drafts.length === 0) return [];
  const hr = drafts.some((d) => 'role' in d.to) ? await activeUserIdsWithRole(db, 'hr') : [];
  const notices: NewNotice[] = drafts.flatMap((d) => {
    const base = {
      kind: d.kind,
      subject: d.subject,
      title: noticeTitle(d.kind, d.params, 'ja'),
      params: d.params,
      href: d.href,
      dedupeKey: d.dedupeKey ?? null,
    };
    return 'role' in d.to ? hr.map((userId) => ({ ...base, to: { userId } })) : [{ ...base, to: d.to }];
  });
  return addNotices(db, notices, now.toISOString());
}

const sheetDraft = (sheet: SheetAt & { id: number }, periodName: string, d: SheetNoticeDraft): Draft => ({
  to: d.to,
  kind: d.kind,
  subject: subjectOfSheet(sheet.id),
  params: { periodName, state: sheet.state, relation: d.relation },
  href: sheetHref(sheet.id),
});

async function periodName(db: Db, periodId: number): Promise<string> {
  return (await getPeriod(db, periodId))?.name ?? '人事評価';
}

/**
 * The notices of a workflow step (docs/domain.md §12): whoever must act next, the evaluatee of 開示, HR of a
 * 苦情相談. Call it in the step's transaction with the sheet as the step left it.
 */
export async function noticeSheetStep(
  trx: Db,
  action: SheetAction,
  after: SheetAt & { id: number; periodId: number },
  actorStaffNo: string | null,
  now: Date,
): Promise<number> {
  const drafts = noticesForSheetStep(action, after, actorStaffNo);
  if (drafts.length === 0) return 0;
  const name = await periodName(trx, after.periodId);
  return (
    await writeDrafts(
      trx,
      drafts.map((d) => sheetDraft(after, name, d)),
      now,
    )
  ).length;
}

/**
 * The notices of changed evaluators (docs/domain.md §12): the new person who must act, on each sheet where the
 * change made it someone else. Call it in the change's transaction with the sheets before and after.
 */
export async function noticeReassignments(
  trx: Db,
  changes: readonly { before: SheetStand; after: SheetStand }[],
  now: Date,
): Promise<number> {
  const names = new Map<number, string>();
  const drafts: Draft[] = [];
  for (const { before, after } of changes) {
    for (const d of noticesForReassignment(before, after)) {
      if (!names.has(after.periodId)) names.set(after.periodId, await periodName(trx, after.periodId));
      drafts.push(sheetDraft(after, names.get(after.periodId) ?? '', d));
    }
  }
  return (await writeDrafts(trx, drafts, now)).length;
}

/**
 * The notices of a stage's new panel (docs/domain.md §12): every member who was not on it before. Call it in the
 * transaction that sets the panel.
 */
export async function noticePanelMembers(
  trx: Db,
  panel: {
    roundName: string;
    stageId: number;
    stageName: string;
    before: readonly number[];
    after: readonly number[];
  },
  now: Date,
): Promise<number> {
  const drafts: Draft[] = newPanelMembers(panel.before, panel.after).map((userId) => ({
    to: { userId },
    kind: 'panel-added',
    subject: `recruit_stage:${panel.stageId}`,
    params: { roundName: panel.roundName, stageName: panel.stageName },
    href: PANEL_HREF,
  }));
  return (await writeDrafts(trx, drafts, now)).length;
}

/** Why a sheet got no reminder. */
export type ReminderSkip = 'not_found' | 'nobody_to_remind' | 'already_reminded';

function reminderDraft(
  sheet: SheetStand,
  period: Period,
  reminder: NonNullable<ReturnType<typeof sheetReminder>>,
  today: string,
): Draft {
  return {
    to: { staffNo: reminder.staffNo },
    kind: 'reminder',
    subject: subjectOfSheet(sheet.id),
    params: {
      periodName: period.name,
      state: sheet.state,
      relation: reminder.relation,
      due: reminder.due,
      stage: reminder.stage,
    },
    href: sheetHref(sheet.id),
    dedupeKey: reminderKey(sheet.id, reminder.staffNo, today),
  };
}

/**
 * 督促 about sheets (docs/domain.md §12): a reminder to whoever must act on each (not HR), whatever its deadline,
 * unless they were already reminded of that sheet today (by HR or by the scheduler). Runs in the caller's
 * transaction when given one. Returns the sheets reminded and, for the others, why not.
 */
export async function remindSheets(
  db: Db,
  sheetIds: readonly number[],
  now: Date,
): Promise<{ done: number[]; skipped: { id: number; reason: ReminderSkip }[] }> {
  const today = tokyoDay(now);
  const stands = new Map((await sheetStands(db, sheetIds)).map((s) => [s.id, s]));
  const periods = new Map<number, Period | undefined>();
  const skipped: { id: number; reason: ReminderSkip }[] = [];
  const drafts: { id: number; draft: Draft }[] = [];
  for (const id of new Set(sheetIds)) {
    const sheet = stands.get(id);
    if (!sheet) {
      skipped.push({ id, reason: 'not_found' });
      continue;
    }
    if (!periods.has(sheet.periodId)) periods.set(sheet.periodId, await getPeriod(db, sheet.periodId));
    const period = periods.get(sheet.periodId);
    const reminder = period ? sheetReminder(sheet, period, today, true) : null;
    if (!period || !reminder) {
      skipped.push({ id, reason: 'nobody_to_remind' });
      continue;
    }
    drafts.push({ id, draft: reminderDraft(sheet, period, reminder, today) });
  }
  const written = new Set(
    (
      await writeDrafts(
        db,
        drafts.map((d) => d.draft),
        now,
      )
    ).map((w) => w.dedupeKey),
  );
  const done: number[] = [];
  for (const { id, draft } of drafts) {
    if (written.has(draft.dedupeKey ?? null)) done.push(id);
    else skipped.push({ id, reason: 'already_reminded' });
  }
  return { done, skipped };
}

/**
 * The day's deadline reminders (docs/domain.md §12): for every open period, the sheets at a step whose due date is 3
 * days away or fewer or has passed, each to whoever must act. Each insert is one statement with ON CONFLICT DO
 * NOTHING on the day's key, so processes that run it at the same moment write each reminder once. Returns how many
 * this run wrote.
 */
export async function queueDeadlineReminders(db: Db, now: Date): Promise<number> {
  const today = tokyoDay(now);
  let written = 0;
  for (const period of await listPeriods(db)) {
    if (today < period.startsOn || today > period.endsOn) continue;
    const states = REMINDED_STATES.filter((s) => {
      const due = dueDateOf(period, s);
      return due !== null && deadlineStage(due, today) !== null;
    });
    const drafts: Draft[] = [];
    for (const sheet of await sheetsAtStates(db, period.id, states)) {
      const reminder = sheetReminder(sheet, period, today);
      if (reminder) drafts.push(reminderDraft(sheet, period, reminder, today));
    }
    written += (await writeDrafts(db, drafts, now)).length;
  }
  return written;
}

const readerOf = (user: User) => ({ userId: user.id, staffNo: user.staffNo });

/** The signed-in person's notices, newest first, a page at a time. */
export async function myNotices(
  db: Db,
  user: User,
  query: { page: number; pageSize: number; unread: boolean },
): Promise<{ notices: Notice[]; total: number; unread: number }> {
  return listNotices(db, readerOf(user), {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
    unreadOnly: query.unread,
  });
}

/** Marks one of the signed-in person's notices read; 404 for a notice that is not theirs. */
export async function readMyNotice(db: Db, user: User, id: number, now: Date): Promise<Notice> {
  const notice = await markNoticeRead(db, readerOf(user), id, now.toISOString());
  if (!notice) throw errors.notFound('お知らせ');
  return notice;
}

/** How many of the signed-in person's notices are unread (the count in every page's header). */
export async function unreadNoticeCount(db: Db, user: User): Promise<number> {
  return countUnreadNotices(db, readerOf(user));
}
