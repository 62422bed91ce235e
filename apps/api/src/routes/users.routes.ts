// HR's account administration (docs/interfaces.md "Accounts"): the users import and list, disable, enable, an
// initial or reset password, how an account signs in.
import { loginIdSchema, passwordResetSchema, roleSchema, USER_COLUMNS } from '@jinzai/model';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { actorOf } from '../http/actor.js';
import { guard } from '../http/guard.js';
import { uploadedFile, uploadLimit } from '../http/upload.js';
import { validate } from '../openapi.js';
import {
  importUsers,
  issueInitialPassword,
  listUsers,
  setUserAuthSource,
} from '../services/accounts.service.js';
import { disableUser, enableUser, resetPassword } from '../services/users.service.js';

const loginParam = z.object({ loginId: loginIdSchema });
const accountResponse = z.object({
  user: z.object({ loginId: z.string(), active: z.boolean() }),
  sessionsEnded: z.number(),
});
const responses = {
  200: { description: 'Done', schema: accountResponse },
  404: { description: 'No such user' },
};

const answer = (r: { loginId: string; active: boolean; sessionsEnded: number }) => ({
  user: { loginId: r.loginId, active: r.active },
  sessionsEnded: r.sessionsEnded,
});

const yesNo = z
  .enum(['yes', 'no'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'yes'));

const listQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: roleSchema.optional(),
  signedIn: yesNo,
  active: yesNo,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const userListSchema = z.object({
  users: z.array(
    z.object({
      loginId: z.string(),
      staffNo: z.string().nullable(),
      roles: z.array(z.string()),
      active: z.boolean(),
      displayName: z.string(),
      email: z.string().nullable(),
      grantedRoles: z.array(z.string()),
      authSource: z.enum(['local', 'directory']),
      disabledReason: z.enum(['left', 'hr']).nullable(),
      lastSignInAt: z.string().nullable(),
      mustChangePassword: z.boolean(),
    }),
  ),
  total: z.number(),
});

const importSummary = z.object({
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
});

export const usersRoutes = new Hono<AppEnv>()
  .post(
    '/',
    guard({
      summary:
        'Import users (login_id,staff_no,roles,email): re-importing a login id updates it; all or nothing',
      tags: ['users'],
      roles: ['hr'],
      upload: { columns: [...USER_COLUMNS.required, ...USER_COLUMNS.optional] },
      responses: {
        200: { description: 'Imported; no account was created', schema: importSummary },
        201: { description: 'Imported; accounts were created', schema: importSummary },
      },
    }),
    uploadLimit,
    async (c) => {
      const { db, now, directory } = c.var.deps;
      const r = await importUsers(db, await uploadedFile(c), actorOf(c), now(), { directory: !!directory });
      return c.json(r, r.created > 0 ? 201 : 200);
    },
  )
  .get(
    '/',
    guard({
      summary:
        'Accounts, filtered (q: login id, name or staff number; role; signedIn; active), a page at a time',
      tags: ['users'],
      roles: ['hr'],
      responses: { 200: { description: 'The page', schema: userListSchema } },
    }),
    validate('query', listQuery),
    async (c) => {
      const { db, now } = c.var.deps;
      const { accounts, total } = await listUsers(db, actorOf(c), now(), c.req.valid('query'));
      return c.json(
        {
          users: accounts.map((a) => ({
            loginId: a.loginId,
            staffNo: a.staffNo,
            roles: a.roles,
            active: a.active,
            displayName: a.displayName,
            email: a.email,
            grantedRoles: a.grantedRoles,
            authSource: a.authSource,
            disabledReason: a.disabledReason,
            lastSignInAt: a.lastSignInAt,
            mustChangePassword: a.mustChangePassword,
          })),
          total,
        },
        200,
      );
    },
  )
  .post(
    '/:loginId/initial-password',
    guard({
      summary:
        'Issue a one-time initial password (shown once, valid 14 days, to be replaced at first sign-in)',
      tags: ['users'],
      roles: ['hr'],
      responses: {
        200: {
          description: 'Issued',
          schema: z.object({ loginId: z.string(), password: z.string(), expiresAt: z.string() }),
        },
        404: { description: 'No such user' },
      },
    }),
    validate('param', loginParam),
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json(await issueInitialPassword(db, actorOf(c), now(), c.req.valid('param').loginId), 200);
    },
  )
  .post(
    '/:loginId/auth-source',
    guard({
      summary: 'Choose how an account signs in: a local password or the directory; every session ends',
      tags: ['users'],
      roles: ['hr'],
      responses: {
        200: {
          description: 'Set',
          schema: z.object({ loginId: z.string(), authSource: z.enum(['local', 'directory']) }),
        },
        404: { description: 'No such user' },
      },
    }),
    validate('param', loginParam),
    validate('json', z.object({ source: z.enum(['local', 'directory']) })),
    async (c) => {
      const { db, now } = c.var.deps;
      const { loginId } = c.req.valid('param');
      return c.json(await setUserAuthSource(db, actorOf(c), now(), loginId, c.req.valid('json').source), 200);
    },
  )
  .post(
    '/:loginId/disable',
    guard({
      summary: 'Disable a user: no more sign-in, and every session of theirs ends for good',
      tags: ['users'],
      roles: ['hr'],
      responses: { ...responses, 409: { description: 'HR cannot disable themselves' } },
    }),
    validate('param', loginParam),
    async (c) => {
      const { db, now } = c.var.deps;
      const r = await disableUser(db, actorOf(c), now(), c.req.valid('param').loginId);
      return c.json(answer(r), 200);
    },
  )
  .post(
    '/:loginId/enable',
    guard({
      summary: 'Enable a user again (old sessions stay ended)',
      tags: ['users'],
      roles: ['hr'],
      responses,
    }),
    validate('param', loginParam),
    async (c) => {
      const { db, now } = c.var.deps;
      const r = await enableUser(db, actorOf(c), now(), c.req.valid('param').loginId);
      return c.json(answer(r), 200);
    },
  )
  .post(
    '/:loginId/password',
    guard({
      summary: "Set a user's password; every session of theirs ends",
      tags: ['users'],
      roles: ['hr'],
      responses: { ...responses, 400: { description: 'Password too short or too long' } },
    }),
    validate('param', loginParam),
    validate('json', passwordResetSchema),
    async (c) => {
      const { db, now } = c.var.deps;
      const r = await resetPassword(
        db,
        actorOf(c),
        now(),
        c.req.valid('param').loginId,
        c.req.valid('json').password,
      );
      return c.json(answer(r), 200);
    },
  );
