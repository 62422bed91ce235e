// HR's account administration (docs/interfaces.md "Accounts"): disable, enable, reset a password.
import { loginIdSchema, passwordResetSchema } from '@jinzai/model';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { actorOf } from '../http/actor.js';
import { guard } from '../http/guard.js';
import { validate } from '../openapi.js';
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

export const usersRoutes = new Hono<AppEnv>()
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
