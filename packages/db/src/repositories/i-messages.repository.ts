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

/** Stores a message; the recipient's unit is kept for HR's counts by unit. */
export async function createIMessage(
  db: Db,
  m: {
    senderUserId: number;
    senderName: string;
    recipientStaffNo: string;
    recipientUnitCode: string;
    strength: string;
    body: string;
  },
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
  return {
    id: r.id,
    senderName: m.senderName,
    recipientStaffNo: m.recipientStaffNo,
    strength: m.strength,
    body: m.body,
    createdAt: now,
  };
}

/** The messages a staff member received, newest first. */
export async function messagesFor(db: Db, staffNo: string): Promise<IMessage[]> {
  const rows = await db
    .selectFrom('i_messages')
    .selectAll()
    .where('recipient_staff_no', '=', staffNo)
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

/** How many messages a user sent, newest first, with the recipients. */
export async function messagesSentBy(db: Db, userId: number): Promise<IMessage[]> {
  const rows = await db
    .selectFrom('i_messages')
    .selectAll()
    .where('sender_user_id', '=', userId)
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
