// The signed-in person's notices (docs/interfaces.md "Daily work", docs/domain.md §12): newest first, a page at a
// time; marking one read. Only one's own: another person's notice is a 404.
import { MAIL_STATUSES, NOTICE_KINDS, noticeTitle } from '@jinzai/model';
import type { Notice } from '@jinzai/db';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { guard } from '../http/guard.js';
import { idParam } from '../http/params.js';
import { currentUser } from '../middleware/session.js';
import { validate } from '../openapi.js';
import { myNotices, readMyNotice } from '../services/notices.service.js';

const noticesQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  /** yes: only the unread ones. */
  unread: z.enum(['yes', 'no']).default('no'),
});

export const noticeSchema = z.object({
  id: z.number(),
  kind: z.enum(NOTICE_KINDS),
  /** In Japanese; also the mail's subject. */
  title: z.string(),
  titleEn: z.string(),
  /** A path on this origin, e.g. /review/evaluation/sheets/12. */
  href: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  mail: z.object({ status: z.enum(MAIL_STATUSES), sentAt: z.string().nullable() }),
});

const noticesPage = z.object({
  notices: z.array(noticeSchema),
  total: z.number(),
  unread: z.number(),
  /** Whether mail is configured; without it notices appear in the app only. */
  mail: z.object({ enabled: z.boolean() }),
});

const shape = (n: Notice): z.infer<typeof noticeSchema> => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  titleEn: noticeTitle(n.kind, n.params, 'en'),
  href: n.href,
  createdAt: n.createdAt,
  readAt: n.readAt,
  mail: { status: n.mail.status, sentAt: n.mail.sentAt },
});

export const noticesRoutes = new Hono<AppEnv>()
  .get(
    '/',
    guard({
      summary: "The signed-in person's notices, newest first, a page at a time (pageSize ≤ 100, default 20)",
      tags: ['notices'],
      responses: { 200: { description: 'A page of notices', schema: noticesPage } },
    }),
    validate('query', noticesQuery),
    async (c) => {
      const { db, mail } = c.var.deps;
      const q = c.req.valid('query');
      const page = await myNotices(db, currentUser(c), { ...q, unread: q.unread === 'yes' });
      return c.json(
        {
          notices: page.notices.map(shape),
          total: page.total,
          unread: page.unread,
          mail: { enabled: Boolean(mail) },
        },
        200,
      );
    },
  )
  .post(
    '/:id/read',
    guard({
      summary: 'Marks one of the signed-in person’s notices read (the first reading counts)',
      tags: ['notices'],
      responses: {
        200: { description: 'Read', schema: z.object({ notice: noticeSchema }) },
        404: { description: 'No such notice, or not this person’s' },
      },
    }),
    validate('param', idParam),
    async (c) => {
      const { db, now } = c.var.deps;
      const notice = await readMyNotice(db, currentUser(c), c.req.valid('param').id, now());
      return c.json({ notice: shape(notice) }, 200);
    },
  );
