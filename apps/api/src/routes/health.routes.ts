import { Hono } from 'hono';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { describe } from '../openapi.js';

const health = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) });

/** GET /api/health: up, and which database (INTERFACES "Start"). */
export const healthRoutes = new Hono<AppEnv>().get(
  '/',
  describe({
    summary: 'Liveness and database kind',
    tags: ['system'],
    auth: false,
    responses: { 200: { description: 'Running', schema: health } },
  }),
  async (c) => {
    await sql`select 1`.execute(c.var.deps.db);
    return c.json({ status: 'ok' as const, database: c.var.deps.dialect });
  },
);
