// I・メッセージ (品川式360°フィードバック, docs/domain.md §4): strengths only, no scores.
import { I_MESSAGE_SENDERS } from '@jinzai/model';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { guard } from '../http/guard.js';
import { currentUser } from '../middleware/session.js';
import { validate } from '../openapi.js';
import { colleagues, iMessageCounts, myIMessages, sendIMessage } from '../services/i-messages.service.js';

const SENDERS = I_MESSAGE_SENDERS;

/** I・メッセージ (品川式360°フィードバック, docs/domain.md §4): strengths only, no scores. */
export const iMessageRoutes = new Hono<AppEnv>()
  .post(
    '/messages',
    guard({
      summary: 'Send a colleague or supervisor an I・メッセージ about a strength (no scores)',
      tags: ['review'],
      roles: SENDERS,
    }),
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
      const { db, now } = c.var.deps;
      return c.json(await sendIMessage(db, currentUser(c), now(), c.req.valid('json')), 201);
    },
  )
  .get(
    '/messages',
    guard({ summary: 'The I・メッセージ the caller received and sent', tags: ['review'] }),
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json(await myIMessages(db, currentUser(c), now()), 200);
    },
  )
  .get(
    '/messages/counts',
    guard({
      summary: 'I・メッセージ counts by 部 (HR sees counts only, never the messages)',
      tags: ['review'],
      roles: ['hr'],
    }),
    async (c) => {
      return c.json(await iMessageCounts(c.var.deps.db), 200);
    },
  )
  .get(
    '/colleagues',
    guard({
      summary: 'Find a colleague by name, kana or staff number (to address an I・メッセージ); audited',
      tags: ['review'],
      roles: SENDERS,
    }),
    validate('query', z.object({ q: z.string().trim().min(1).max(50) })),
    async (c) => {
      const { db, now } = c.var.deps;
      const user = currentUser(c);
      return c.json(
        await colleagues(db, { userId: user.id, loginId: user.loginId }, now(), c.req.valid('query').q),
        200,
      );
    },
  );
