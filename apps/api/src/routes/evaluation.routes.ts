import { createPeriod, getPeriod, listPeriods } from '@jinzai/db';
import {
  defaultPhaseDates,
  EVALUATION_SCALE,
  newPeriodSchema,
  periodName,
  RESULT_COLUMNS,
} from '@jinzai/model';
import { Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../audit.js';
import type { AppEnv } from '../deps.js';
import { errors } from '../errors.js';
import { requireRole } from '../middleware/session.js';
import { actorOf } from '../http/actor.js';
import { describe, validate } from '../openapi.js';
import { importResults } from '../services/evaluation-results.service.js';
import { idParam } from '../http/params.js';
import { evaluationHrRoutes } from './evaluation-hr.routes.js';
import { sheetRoutes } from './evaluation-sheets.routes.js';
import { iMessageRoutes } from './i-messages.routes.js';
import { uploadedFile, uploadLimit } from '../http/upload.js';

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

/** Personnel evaluation (INTERFACES "Evaluation", DOMAIN §4), mounted at /api/review. */
export const evaluationRoutes = new Hono<AppEnv>()
  .post(
    '/periods',
    describe({
      summary: 'Open an evaluation period (fiscal year, or the calendar-year preset) with its phase dates',
      tags: ['review'],
      roles: ['hr'],
      responses: { 201: { description: 'Created', schema: period } },
    }),
    requireRole('hr'),
    validate('json', newPeriodSchema),
    async (c) => {
      const input = c.req.valid('json');
      const dates = defaultPhaseDates(input.fiscalYear, input.kind);
      const { db } = c.var.deps;
      const created = await db.transaction().execute(async (trx) => {
        const p = await createPeriod(
          trx,
          {
            fiscalYear: input.fiscalYear,
            kind: input.kind,
            name: input.name ?? periodName(input.fiscalYear, input.kind),
            startsOn: dates.startsOn,
            endsOn: dates.endsOn,
            goalsDue: input.goalsDue ?? dates.goalsDue,
            selfDue: input.selfDue ?? dates.selfDue,
            firstDue: input.firstDue ?? dates.firstDue,
            secondDue: input.secondDue ?? dates.secondDue,
            adjustDue: input.adjustDue ?? dates.adjustDue,
            discloseDue: input.discloseDue ?? dates.discloseDue,
            scaleVersion: EVALUATION_SCALE.version,
          },
          c.var.deps.now().toISOString(),
        );
        await audit(c, { action: 'create', entity: 'review_period', entityId: String(p.id), after: p }, trx);
        return p;
      });
      return c.json(created, 201);
    },
  )
  .get(
    '/periods',
    describe({ summary: 'Every evaluation period, newest first', tags: ['review'] }),
    requireRole(),
    async (c) => c.json({ periods: await listPeriods(c.var.deps.db) }, 200),
  )
  .post(
    '/periods/:id/results',
    describe({
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
    requireRole('hr'),
    validate('param', idParam),
    uploadLimit,
    async (c) => {
      const { id } = c.req.valid('param');
      if (!(await getPeriod(c.var.deps.db, id))) throw errors.notFound('評価期間');
      const { bytes, contentType } = await uploadedFile(c);
      return c.json(
        await importResults(c.var.deps.db, id, bytes, contentType, actorOf(c), c.var.deps.now()),
        200,
      );
    },
  )
  .route('/', sheetRoutes)
  .route('/', evaluationHrRoutes)
  .route('/', iMessageRoutes);
