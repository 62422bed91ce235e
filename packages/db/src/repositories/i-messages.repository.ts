// I・メッセージ (docs/domain.md §4): messages about a colleague's strengths, and finding the colleague.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** An I・メッセージ (docs/domain.md §4): a message about a colleague's strength; no scores. */
export interface IMessage {
  id: number;
  senderName: string;
  recipientStaffNo: string;
  strength: string;
  body: string;
  createdAt: string;
}

/** A message to store: who sent it, to whom (their unit is kept for HR's counts by unit), and what it says. */
export interface NewIMessage {
  senderName: string;
  recipientStaffNo: string;
  recipientUnitCode: string;
  strength: string;
  body: string;
}

/** Stores a message. */
export async function createIMessage(
  db: Db,
  m: NewIMessage & { senderUserId: number },
  now: string,
): Promise<IMessage> {
  const r = await db
    .insertInto('i_messages')
    .values({
      sender_user_id: m.senderUserId,
      sender_name: m.senderName,
      recipient_staff_no: m.recipientStaffNo,
      recipient_unit_code: m.recipientUnitCode,
      strength: m.strength,
      body: m.body,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { senderName, recipientStaffNo, strength, body } = m;
  return { id: r.id, senderName, recipientStaffNo, strength, body, createdAt: now };
}

/** The 200 newest messages received by a staff member or sent by a user. */
async function listMessages(
  db: Db,
  by: { column: 'recipient_staff_no'; value: string } | { column: 'sender_user_id'; value: number },
): Promise<IMessage[]> {
  const rows = await db
    .selectFrom('i_messages')
    .select(['id', 'sender_name', 'recipient_staff_no', 'strength', 'body', 'created_at'])
    .where(by.column, '=', by.value)
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    senderName: r.sender_name,
    recipientStaffNo: r.recipient_staff_no,
    strength: r.strength,
    body: r.body,
    createdAt: r.created_at,
  }));
}

/** The messages a staff member received, newest first. */
export const messagesFor = (db: Db, staffNo: string) =>
  listMessages(db, { column: 'recipient_staff_no', value: staffNo });

/** The messages a user sent, newest first, with the recipients. */
export const messagesSentBy = (db: Db, userId: number) =>
  listMessages(db, { column: 'sender_user_id', value: userId });

/** Message counts by the recipient's unit (HR sees counts only, docs/domain.md §4). */
export async function messageCountsByUnit(db: Db): Promise<{ unitCode: string; count: number }[]> {
  const rows = await db
    .selectFrom('i_messages')
    .select(['recipient_unit_code', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('recipient_unit_code')
    .orderBy('recipient_unit_code')
    .execute();
  return rows.map((r) => ({ unitCode: r.recipient_unit_code, count: Number(r.n) }));
}

/** Up to `limit` staff whose name or kana contains `q`, or whose number is `q` (to address a message). */
export async function findColleagues(
  db: Db,
  q: string,
  limit = 20,
): Promise<{ staffNo: string; name: string; unitName: string }[]> {
  const like = `%${q.normalize('NFKC').replace(/[%_\\]/g, '')}%`;
  const rows = await db
    .selectFrom('staff as s')
    .innerJoin('units as u', 'u.code', 's.unit_code')
    .select(['s.staff_no', 's.name', 'u.name as unit_name'])
    .where((eb) =>
      eb.or([eb('s.name', 'like', like), eb('s.name_kana', 'like', like), eb('s.staff_no', '=', q)]),
    )
    .orderBy('s.staff_no')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ staffNo: r.staff_no, name: r.name, unitName: r.unit_name }));
}

/** Every staff member's name, by staff number (the senders and recipients of messages). */
export async function staffNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('staff').select(['staff_no', 'name']).execute();
  return new Map(rows.map((s) => [s.staff_no, s.name]));
}
