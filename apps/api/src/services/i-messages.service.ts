// I・メッセージ (品川式360°フィードバック, docs/domain.md §4): sending, reading one's own, HR's counts, finding a colleague.
import {
  createIMessage,
  findColleagues,
  getStaff,
  listUnits,
  messageCountsByUnit,
  messagesFor,
  messagesSentBy,
  writeAudit,
  type Database,
} from '@jinzai/db';
import type { User } from '@jinzai/model';
import type { Kysely } from 'kysely';
import { audited, recordAudit } from '../audit.js';
import { errors } from '../errors.js';
import { divisionAndDepartment } from '@jinzai/model';
import type { Actor } from './actor.js';

type Db = Kysely<Database>;

/** Sends a colleague a message about a strength (400 for an unknown recipient or oneself); audited. */
export async function sendIMessage(
  db: Db,
  user: User,
  now: Date,
  input: { recipientStaffNo: string; strength: string; body: string },
) {
  const recipient = await getStaff(db, input.recipientStaffNo);
  if (!recipient) throw errors.badRequest(`職員番号「${input.recipientStaffNo}」の職員が見つかりません`);
  if (recipient.staffNo === user.staffNo) throw errors.badRequest('自分にはメッセージを送れません');
  const sent = {
    senderUserId: user.id,
    senderName: user.displayName,
    recipientStaffNo: recipient.staffNo,
    recipientUnitCode: recipient.unitCode,
    strength: input.strength,
    body: input.body,
  };
  const message = await audited(
    db,
    { userId: user.id, loginId: user.loginId },
    now,
    (trx) => createIMessage(trx, sent, now.toISOString()),
    (m) => ({ action: 'create', entity: 'i_message', entityId: String(m.id) }),
  );
  return { ...message, recipientName: recipient.name };
}

/** The messages a user received and sent, with the recipients' names; audited. */
export async function myIMessages(db: Db, user: User, now: Date) {
  const received = user.staffNo ? await messagesFor(db, user.staffNo) : [];
  const sent = await messagesSentBy(db, user.id);
  const names = new Map<string, string>();
  for (const m of sent)
    if (!names.has(m.recipientStaffNo))
      names.set(m.recipientStaffNo, (await getStaff(db, m.recipientStaffNo))?.name ?? '');
  await writeAudit(db, {
    at: now.toISOString(),
    userId: user.id,
    loginId: user.loginId,
    action: 'read',
    entity: 'i_message',
    entityId: user.staffNo ?? String(user.id),
  });
  return { received, sent: sent.map((m) => ({ ...m, recipientName: names.get(m.recipientStaffNo) ?? '' })) };
}

/** How many messages the staff of each 部 received (HR sees counts only, never the messages). */
export async function iMessageCounts(db: Db) {
  const [counts, units] = await Promise.all([messageCountsByUnit(db), listUnits(db)]);
  const map = new Map(units.map((u) => [u.code, u]));
  const byBu = new Map<string, number>();
  for (const r of counts) {
    const bu = divisionAndDepartment(r.unitCode, map).bu ?? r.unitCode;
    byBu.set(bu, (byBu.get(bu) ?? 0) + r.count);
  }
  return {
    units: [...byBu.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([unitCode, count]) => ({ unitCode, unitName: map.get(unitCode)?.name ?? unitCode, count })),
    total: counts.reduce((s, r) => s + r.count, 0),
  };
}

/**
 * Colleagues by name, kana or staff number, to address a message; every search is audited with what was searched
 * and how many were found (docs/domain.md §9).
 */
export async function colleagues(db: Db, actor: Actor, now: Date, q: string) {
  const staff = await findColleagues(db, q);
  await recordAudit(db, actor, now, {
    action: 'read',
    entity: 'staff_directory',
    detail: { q, results: staff.length },
  });
  return { staff };
}
