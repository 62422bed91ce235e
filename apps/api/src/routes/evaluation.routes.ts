// Personnel evaluation (docs/interfaces.md "Evaluation", docs/domain.md §4): periods and imported results;
// mounts the sheets, HR's views and I・メッセージ.
import { newPeriodSchema, RESULT_COLUMNS } from '@jinzai/model';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { guard } from '../http/guard.js';
import { actorOf } from '../http/actor.js';
import { idParam } from '../http/params.js';
import { uploadedFile, uploadLimit } from '../http/upload.js';

import { validate } from '../openapi.js';
import { importResultsInto, openPeriod, periods } from '../services/evaluation-periods.service.js';
import { evaluationHrRoutes } from './evaluation-hr.routes.js';
import { sheetListRoutes } from './evaluation-sheet-list.routes.js';
import { sheetRoutes } from './evaluation-sheets.routes.js';
import { iMessageRoutes } from './i-messages.routes.js';

const period = z.object({
  id: z.number(),
  fiscalYear: z.number(),
  kind: z.enum(['fiscal', 'calendar']),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  goalsDue: z.string().nullable(),
  selfDue: z.string().nullable(),
  firstDue: z.string().nullable(),
  secondDue: z.string().nullable(),
  adjustDue: z.string().nullable(),
  discloseDue: z.string().nullable(),
  scaleVersion: z.string(),
  createdAt: z.string(),
});
const importResult = z.object({ rows: z.number(), created: z.number(), updated: z.number() });

/** Personnel evaluation (docs/interfaces.md "Evaluation", docs/domain.md §4), mounted at /api/review. */
export const evaluationRoutes = new Hono<AppEnv>()
  .post(
    '/periods',
    guard({
      summary: 'Open an evaluation period (fiscal year, or the calendar-year preset) with its phase dates',
      tags: ['review'],
      roles: ['hr'],
      responses: { 201: { description: 'Created', schema: period } },
    }),
    validate('json', newPeriodSchema),
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json(await openPeriod(db, actorOf(c), now(), c.req.valid('json')), 201);
    },
  )
  .get('/periods', guard({ summary: 'Every evaluation period, newest first', tags: ['review'] }), async (c) =>
    c.json(await periods(c.var.deps.db), 200),
  )
  .post(
    '/periods/:id/results',
    guard({
      summary:
        'Import results from an earlier system: staff_no, overall (S–D), optional competency columns; all or nothing',
      tags: ['review'],
      roles: ['hr'],
      upload: {
        columns: RESULT_COLUMNS.required,
        optional: [...RESULT_COLUMNS.optional, '<competency code or name>'],
      },
      responses: {
        200: { description: 'Imported', schema: importResult },
        404: { description: 'Unknown period' },
      },
    }),
    validate('param', idParam),
    uploadLimit,
    async (c) => {
      const { id } = c.req.valid('param');
      const { db, now } = c.var.deps;
      return c.json(await importResultsInto(db, actorOf(c), now(), id, () => uploadedFile(c)), 200);
    },
  )
  .route('/', sheetRoutes)
  .route('/', sheetListRoutes)
  .route('/', evaluationHrRoutes)
  .route('/', iMessageRoutes);
