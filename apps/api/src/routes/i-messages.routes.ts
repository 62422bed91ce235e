import {
  createIMessage,
  getStaff,
  listUnits,
  messageCountsByUnit,
  messagesFor,
  messagesSentBy,
} from '@jinzai/db';
import { Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../audit.js';
import type { AppEnv } from '../deps.js';
import { errors } from '../errors.js';
import { currentUser, requireRole } from '../middleware/session.js';
import { describe, validate } from '../openapi.js';
import { divisionAndDepartment } from '../services/evaluation-assignments.service.js';

/** I・メッセージ (品川式360°フィードバック, DOMAIN §4): strengths only, no scores. */
export const iMessageRoutes = new Hono<AppEnv>()
  .post(
    '/messages',
    describe({
      summary: 'Send a colleague or supervisor an I・メッセージ about a strength (no scores)',
      tags: ['review'],
    }),
    requireRole(),
    validate(
      'json',
      z
        .object({
          recipientStaffNo: z.string().trim().min(1).max(32),
          strength: z.string().trim().min(1).max(100),
          body: z.string().trim().min(1).max(2000),
        })
        .strict(),
    ),
    async (c) => {
      const user = currentUser(c);
      const input = c.req.valid('json');
      const { db, now } = c.var.deps;
      const recipient = await getStaff(db, input.recipientStaffNo);
      if (!recipient) throw errors.badRequest(`職員番号「${input.recipientStaffNo}」の職員が見つかりません`);
      if (recipient.staffNo === user.staffNo) throw errors.badRequest('自分にはメッセージを送れません');
      const message = await db.transaction().execute(async (trx) => {
        const m = await createIMessage(
          trx,
          {
            senderUserId: user.id,
            senderName: user.displayName,
            recipientStaffNo: recipient.staffNo,
            recipientUnitCode: recipient.unitCode,
            strength: input.strength,
            body: input.body,
          },
          now().toISOString(),
        );
        await audit(c, { action: 'create', entity: 'i_message', entityId: String(m.id) }, trx);
        return m;
      });
      return c.json({ ...message, recipientName: recipient.name }, 201);
    },
  )
  .get(
    '/messages',
    describe({ summary: 'The I・メッセージ the caller received and sent', tags: ['review'] }),
    requireRole(),
    async (c) => {
      const user = currentUser(c);
      const { db } = c.var.deps;
      const received = user.staffNo ? await messagesFor(db, user.staffNo) : [];
      const sent = await messagesSentBy(db, user.id);
      const names = new Map<string, string>();
      for (const m of sent)
        if (!names.has(m.recipientStaffNo))
          names.set(m.recipientStaffNo, (await getStaff(db, m.recipientStaffNo))?.name ?? '');
      await audit(c, { action: 'read', entity: 'i_message', entityId: user.staffNo ?? String(user.id) });
      return c.json(
        { received, sent: sent.map((m) => ({ ...m, recipientName: names.get(m.recipientStaffNo) ?? '' })) },
        200,
      );
    },
  )
  .get(
    '/messages/counts',
    describe({
      summary: 'I・メッセージ counts by 部 (HR sees counts only, never the messages)',
      tags: ['review'],
      roles: ['hr'],
    }),
    requireRole('hr'),
    async (c) => {
      const { db } = c.var.deps;
      const [counts, units] = await Promise.all([messageCountsByUnit(db), listUnits(db)]);
      const map = new Map(units.map((u) => [u.code, u]));
      const byBu = new Map<string, number>();
      for (const r of counts) {
        const bu = divisionAndDepartment(r.unitCode, map).bu ?? r.unitCode;
        byBu.set(bu, (byBu.get(bu) ?? 0) + r.count);
      }
      return c.json(
        {
          units: [...byBu.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([unitCode, count]) => ({ unitCode, unitName: map.get(unitCode)?.name ?? unitCode, count })),
          total: counts.reduce((s, r) => s + r.count, 0),
        },
        200,
      );
    },
  )
  .get(
    '/colleagues',
    describe({
      summary: 'Find a colleague by name, kana or staff number (to address an I・メッセージ)',
      tags: ['review'],
    }),
    requireRole(),
    validate('query', z.object({ q: z.string().trim().min(1).max(50) })),
    async (c) => {
      const { q } = c.req.valid('query');
      const { db } = c.var.deps;
      const like = `%${q.normalize('NFKC').replace(/[%_\\]/g, '')}%`;
      const rows = await db
        .selectFrom('staff as s')
        .innerJoin('units as u', 'u.code', 's.unit_code')
        .select(['s.staff_no', 's.name', 'u.name as unit_name'])
        .where((eb) =>
          eb.or([eb('s.name', 'like', like), eb('s.name_kana', 'like', like), eb('s.staff_no', '=', q)]),
        )
        .orderBy('s.staff_no')
        .limit(20)
        .execute();
      return c.json(
        { staff: rows.map((r) => ({ staffNo: r.staff_no, name: r.name, unitName: r.unit_name })) },
        200,
      );
    },
  );
