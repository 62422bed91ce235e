// GET /api/health: up, and which database (docs/interfaces.md "Start, sign-in, demo").
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { describe } from '../openapi.js';
import { health as checkHealth } from '../services/health.service.js';

const health = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) });

export const healthRoutes = new Hono<AppEnv>().get(
  '/',
  describe({
    summary: 'Liveness and database kind',
    tags: ['system'],
    auth: false,
    responses: { 200: { description: 'Running', schema: health } },
  }),
  async (c) => c.json(await checkHealth(c.var.deps.db, c.var.deps.dialect), 200),
);
