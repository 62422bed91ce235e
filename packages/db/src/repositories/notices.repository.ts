// Notices, their mail and the scheduler's jobs (docs/domain.md §12). Every claim is one atomic statement, so that
// several API processes on one database never send a mail twice or write a day's reminder twice.
import type { MailStatus, NoticeKind, NoticeParams, SheetAt, SheetState } from '@jinzai/model';
import { PostgresAdapter, sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../schema.js';
import type { NoticeTable } from '../schema-notices.js';

type Db = Kysely<Database>;

/** A new notice: to a staff number or an account; a dedupe key makes a second one with the same key a no-op. */
export interface NewNotice {
  to: { staffNo: string } | { userId: number };
  kind: NoticeKind;
  subject: string;
  title: string;
  params: NoticeParams;
  href: string;
  dedupeKey?: string | null;
}

export interface Notice {
  id: number;
  to: { staffNo: string } | { userId: number };
  kind: NoticeKind;
  subject: string;
  title: string;
  params: NoticeParams;
  href: string;
  createdAt: string;
  readAt: string | null;
  mail: {
    status: MailStatus;
    to: string | null;
    sentAt: string | null;
    error: string | null;
    attempts: number;
  };
}

const toNotice = (r: Selectable<NoticeTable>): Notice => ({
  id: r.id,
  to:
    r.recipient_user_id !== null ? { userId: r.recipient_user_id } : { staffNo: r.recipient_staff_no ?? '' },
  kind: r.kind as NoticeKind,
  subject: r.subject,
  title: r.title,
  params: JSON.parse(r.params_json) as NoticeParams,
  href: r.href,
  createdAt: r.created_at,
  readAt: r.read_at,
  mail: {
    status: r.mail_status as MailStatus,
    to: r.mail_to,
    sentAt: r.mail_sent_at,
    error: r.mail_error,
    attempts: r.mail_attempts,
  },
});

/** Rows per insert (15 parameters each; SQLite binds at most 32,766). */
const ROWS_PER_INSERT = 500;

/**
 * Writes notices, in the caller's transaction. A notice whose dedupe key is already taken is skipped, by whichever
 * process wrote it (INSERT … ON CONFLICT DO NOTHING). Returns the notices written, by id and dedupe key.
 */
export async function addNotices(
  db: Db,
  notices: readonly NewNotice[],
  at: string,
): Promise<{ id: number; dedupeKey: string | null }[]> {
  const written: { id: number; dedupeKey: string | null }[] = [];
  for (let k = 0; k < notices.length; k += ROWS_PER_INSERT) {
    const rows = notices.slice(k, k + ROWS_PER_INSERT).map((n) => ({
      recipient_staff_no: 'staffNo' in n.to ? n.to.staffNo : null,
      recipient_user_id: 'userId' in n.to ? n.to.userId : null,
      kind: n.kind,
      subject: n.subject,
      title: n.title,
      params_json: JSON.stringify(n.params),
      href: n.href,
      created_at: at,
      dedupe_key: n.dedupeKey ?? null,
    }));
    const inserted = await db
      .insertInto('notices')
      .values(rows)
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning(['id', 'dedupe_key'])
      .execute();
    written.push(...inserted.map((r) => ({ id: r.id, dedupeKey: r.dedupe_key })));
  }
  return written;
}

/** Whose notices to read: an account, and the staff record it holds. */
export interface NoticeReader {
  userId: number;
  staffNo: string | null;
}

function forReader(db: Db, reader: NoticeReader) {
  return db
    .selectFrom('notices')
    .where((eb) =>
      reader.staffNo === null
        ? eb('recipient_user_id', '=', reader.userId)
        : eb.or([eb('recipient_user_id', '=', reader.userId), eb('recipient_staff_no', '=', reader.staffNo)]),
    );
}

/** The reader's notices, newest first, a page at a time, with how many there are and how many are unread. */
export async function listNotices(
  db: Db,
  reader: NoticeReader,
  page: { offset: number; limit: number; unreadOnly?: boolean },
): Promise<{ notices: Notice[]; total: number; unread: number }> {
  const mine = forReader(db, reader);
  const shown = page.unreadOnly ? mine.where('read_at', 'is', null) : mine;
  const [rows, counts] = await Promise.all([
    shown
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    mine
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn.sum<number>(eb.case().when('read_at', 'is', null).then(1).else(0).end()).as('unread'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  const unread = Number(counts.unread ?? 0);
  return { notices: rows.map(toNotice), total: page.unreadOnly ? unread : Number(counts.total), unread };
}

/** How many of the reader's notices are unread. */
export async function countUnreadNotices(db: Db, reader: NoticeReader): Promise<number> {
  const r = await forReader(db, reader)
    .where('read_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Marks one of the reader's notices read (the first reading counts); undefined when it is not theirs. */
export async function markNoticeRead(
  db: Db,
  reader: NoticeReader,
  id: number,
  at: string,
): Promise<Notice | undefined> {
  const own = await forReader(db, reader).selectAll().where('id', '=', id).executeTakeFirst();
  if (!own) return undefined;
  if (own.read_at === null) {
    await db
      .updateTable('notices')
      .set({ read_at: at })
      .where('id', '=', id)
      .where('read_at', 'is', null)
      .execute();
  }
  const r = await db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return toNotice(r);
}

/** Notices about a subject (e.g. review_sheet:12), oldest first. */
export async function noticesAbout(db: Db, subject: string): Promise<Notice[]> {
  const rows = await db
    .selectFrom('notices')
    .selectAll()
    .where('subject', '=', subject)
    .orderBy('id')
    .execute();
  return rows.map(toNotice);
}

/** The active accounts granted a role (e.g. every HR account, told of a 苦情相談). */
export async function activeUserIdsWithRole(db: Db, role: string): Promise<number[]> {
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select('users.id')
    .where('user_roles.role', '=', role)
    .where('users.active', '=', 1)
    .orderBy('users.id')
    .execute();
  return rows.map((r) => r.id);
}

/** A mail claimed for sending: the notice, and the account it goes to (none: nobody holds that staff record). */
export interface OutgoingMail {
  id: number;
  kind: NoticeKind;
  title: string;
  href: string;
  attempt: number;
  recipient: { displayName: string; email: string | null; active: boolean } | null;
}

/**
 * Claims up to `limit` mails waiting to be sent, for `holder` until `until`, in one UPDATE: a mail another sender
 * holds (its claim not yet run out) or is waiting to be tried again is left alone, and PostgreSQL re-checks the
 * condition on each row it locks, so two senders never claim one mail. Counts the try.
 */
export async function claimOutgoingMail(
  db: Db,
  holder: string,
  now: string,
  until: string,
  limit: number,
): Promise<OutgoingMail[]> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  let waiting = db
    .selectFrom('notices')
    .select('id')
    .where((eb) =>
      eb.and([
        eb('mail_status', '=', 'not-sent'),
        eb.or([eb('mail_claimed_until', 'is', null), eb('mail_claimed_until', '<=', now)]),
      ]),
    )
    .orderBy('id')
    .limit(limit);
  // Rows another sender is claiming right now are passed over instead of waited for.
  if (pg) waiting = waiting.forUpdate().skipLocked();
  const claimed = await db
    .updateTable('notices')
    .set((eb) => ({
      mail_claimed_by: holder,
      mail_claimed_until: until,
      mail_attempts: eb('mail_attempts', '+', 1),
    }))
    .where('id', 'in', waiting)
    .where((eb) =>
      eb.and([
        eb('mail_status', '=', 'not-sent'),
        eb.or([eb('mail_claimed_until', 'is', null), eb('mail_claimed_until', '<=', now)]),
      ]),
    )
    .returning('id')
    .execute();
  if (claimed.length === 0) return [];
  const rows = await db
    .selectFrom('notices')
    .leftJoin('users as account', 'account.id', 'notices.recipient_user_id')
    .leftJoin('users as holder', 'holder.staff_no', 'notices.recipient_staff_no')
    .select([
      'notices.id',
      'notices.kind',
      'notices.title',
      'notices.href',
      'notices.mail_attempts',
      sql<string | null>`coalesce(account.display_name, holder.display_name)`.as('display_name'),
      sql<string | null>`coalesce(account.email, holder.email)`.as('email'),
      sql<number | null>`coalesce(account.active, holder.active)`.as('active'),
    ])
    .where(
      'notices.id',
      'in',
      claimed.map((c) => c.id),
    )
    .orderBy('notices.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as NoticeKind,
    title: r.title,
    href: r.href,
    attempt: r.mail_attempts,
    recipient:
      r.display_name === null
        ? null
        : { displayName: r.display_name, email: r.email || null, active: Number(r.active) === 1 },
  }));
}

/** How a try ended: sent; failed for good; or to be tried again at `retryAt`. */
export type MailOutcome =
  | { status: 'sent'; to: string; at: string }
  | { status: 'failed'; to: string | null; error: string; at: string }
  | { status: 'not-sent'; to: string | null; error: string; retryAt: string };

/** Records how the holder's try ended, in the caller's transaction; false when the claim was no longer theirs. */
export async function recordMailOutcome(
  db: Db,
  id: number,
  holder: string,
  outcome: MailOutcome,
): Promise<boolean> {
  const set =
    outcome.status === 'sent'
      ? { mail_status: 'sent', mail_to: outcome.to, mail_sent_at: outcome.at, mail_error: null }
      : outcome.status === 'failed'
        ? { mail_status: 'failed', mail_to: outcome.to, mail_error: outcome.error }
        : { mail_to: outcome.to, mail_error: outcome.error, mail_claimed_until: outcome.retryAt };
  const r = await db
    .updateTable('notices')
    .set({ ...set, mail_claimed_by: null })
    .where('id', '=', id)
    .where('mail_claimed_by', '=', holder)
    .where('mail_status', '=', 'not-sent')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** With mail off: every waiting mail is marked as not sent for that reason. Returns how many. */
export async function markMailOff(db: Db): Promise<number> {
  const r = await db
    .updateTable('notices')
    .set({ mail_status: 'off', mail_claimed_by: null, mail_claimed_until: null })
    .where('mail_status', '=', 'not-sent')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * Claims a scheduled job when it is due, moving its next run on to `nextRunAt`, in one upsert: of several processes
 * that try at once, exactly one gets true.
 */
export async function claimJob(
  db: Db,
  name: string,
  holder: string,
  now: string,
  nextRunAt: string,
): Promise<boolean> {
  const r = await db
    .insertInto('scheduled_jobs')
    .values({ name, next_run_at: nextRunAt, holder, claimed_at: now })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ next_run_at: nextRunAt, holder, claimed_at: now })
        .where('scheduled_jobs.next_run_at', '<=', now),
    )
    .returning('name')
    .executeTakeFirst();
  return r !== undefined;
}

/** A sheet as reminders and notices see it: its period, its people and where it stands. */
export interface SheetStand extends SheetAt {
  id: number;
  periodId: number;
}

const standColumns = [
  'id',
  'period_id',
  'staff_no',
  'first_staff_no',
  'second_staff_no',
  'state',
  'goals_submitted',
  'appeal_open',
] as const;

const toStand = (r: {
  id: number;
  period_id: number;
  staff_no: string;
  first_staff_no: string | null;
  second_staff_no: string | null;
  state: string;
  goals_submitted: number;
  appeal_open: number;
}): SheetStand => ({
  id: r.id,
  periodId: r.period_id,
  staffNo: r.staff_no,
  firstStaffNo: r.first_staff_no,
  secondStaffNo: r.second_staff_no,
  state: r.state as SheetState,
  goalsSubmitted: r.goals_submitted === 1,
  appealOpen: r.appeal_open === 1,
});

/** The sheets of a period at any of the states, by id. */
export async function sheetsAtStates(
  db: Db,
  periodId: number,
  states: readonly SheetState[],
): Promise<SheetStand[]> {
  if (states.length === 0) return [];
  const rows = await db
    .selectFrom('review_sheets')
    .select(standColumns)
    .where('period_id', '=', periodId)
    .where('state', 'in', states)
    .orderBy('id')
    .execute();
  return rows.map(toStand);
}

/** The sheets of these ids that exist. */
export async function sheetStands(db: Db, ids: readonly number[]): Promise<SheetStand[]> {
  const out: SheetStand[] = [];
  for (let k = 0; k < ids.length; k += ROWS_PER_INSERT) {
    const chunk = ids.slice(k, k + ROWS_PER_INSERT);
    const rows = await db.selectFrom('review_sheets').select(standColumns).where('id', 'in', chunk).execute();
    out.push(...rows.map(toStand));
  }
  return out;
}
