// GET /api/me/tasks: the signed-in person's to-do list across both apps (docs/interfaces.md "Daily work").
import { TASK_KINDS } from '@jinzai/model';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { guard } from '../http/guard.js';
import { currentUser } from '../middleware/session.js';
import { myTasks } from '../services/tasks.service.js';

const taskSchema = z.object({
  kind: z.enum(TASK_KINDS),
  title: z.string(),
  titleEn: z.string(),
  href: z.string(),
  due: z.string().nullable(),
  overdue: z.boolean(),
  count: z.number(),
});

export const tasksRoutes = new Hono<AppEnv>().get(
  '/',
  guard({
    summary:
      'What the signed-in person must do now: sheets waiting for them, applicants waiting for their scores, surveys to answer, HR steps and appeals; overdue first',
    tags: ['auth'],
    responses: { 200: { description: 'The to-do list', schema: z.object({ tasks: z.array(taskSchema) }) } },
  }),
  async (c) => {
    const { db, now } = c.var.deps;
    return c.json({ tasks: await myTasks(db, currentUser(c), now()) }, 200);
  },
);
