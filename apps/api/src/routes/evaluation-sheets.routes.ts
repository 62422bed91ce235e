// The evaluation sheet: the workflow, per person and stage (docs/domain.md §4); the evaluator's queue; one's
// own results.
import { goalsDraftSchema, ratingInputSchema, SHEET_ACTIONS } from '@jinzai/model';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { guard } from '../http/guard.js';
import { idParam, idText } from '../http/params.js';
import { currentUser } from '../middleware/session.js';
import { validate } from '../openapi.js';
import { evaluatorQueueView, myEvaluation } from '../services/evaluation-queue.service.js';
import { readSheet, saveSheetDraft, takeSheetStep } from '../services/evaluation-sheet-steps.service.js';

const saveBody = z
  .object({
    version: z.number().int().min(1).max(2_147_483_647),
    goals: goalsDraftSchema.optional(),
    ratings: z.array(ratingInputSchema).max(200).optional(),
  })
  .strict();
const actionBody = saveBody
  .extend({ action: z.enum(SHEET_ACTIONS), reason: z.string().max(2000).optional() })
  .strict();

/** The evaluation sheet: the workflow, per person and stage (docs/domain.md §4). */
export const sheetRoutes = new Hono<AppEnv>()
  .get(
    '/sheets/:id',
    guard({
      summary:
        'One evaluation sheet as the caller may see it now (ratings by stage and relation), with history',
      tags: ['review'],
      responses: { 404: { description: 'Unknown, or not the caller’s to see' } },
    }),
    validate('param', idParam),
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json(await readSheet(db, currentUser(c), now(), c.req.valid('param').id), 200);
    },
  )
  .put(
    '/sheets/:id',
    guard({
      summary:
        'Save a draft of the caller’s part (goals, or their own ratings); 409 when the version is stale',
      tags: ['review'],
      responses: {
        409: { description: 'Someone changed the sheet first: details.current is the sheet now' },
      },
    }),
    validate('param', idParam),
    validate('json', saveBody),
    async (c) => {
      const { db, now } = c.var.deps;
      const { id } = c.req.valid('param');
      return c.json(await saveSheetDraft(db, currentUser(c), now(), id, c.req.valid('json')), 200);
    },
  )
  .post(
    '/sheets/:id/actions',
    guard({
      summary:
        'Take a workflow step (submit-goals, agree-goals, self-evaluate, first-rate, second-rate, confirm, disclose, acknowledge, appeal, reopen, send-back)',
      tags: ['review'],
      responses: {
        403: { description: 'Not the caller’s step' },
        409: { description: 'Not allowed in this state, appeal period over, or a stale version' },
      },
    }),
    validate('param', idParam),
    validate('json', actionBody),
    async (c) => {
      const { db, now } = c.var.deps;
      const { id } = c.req.valid('param');
      return c.json(await takeSheetStep(db, currentUser(c), now(), id, c.req.valid('json')), 200);
    },
  )
  .get(
    '/queue',
    guard({
      summary:
        'The evaluator’s queue: sheets they evaluate in a period, with the step, whose turn it is, and the due date',
      tags: ['review'],
      roles: ['evaluator'],
    }),
    validate('query', z.object({ periodId: idText.optional() })),
    async (c) => {
      const { db, now } = c.var.deps;
      const { periodId } = c.req.valid('query');
      return c.json(await evaluatorQueueView(db, currentUser(c), now(), periodId), 200);
    },
  )
  .get(
    '/me',
    guard({
      summary:
        'The caller’s own sheets, past results and skill pyramid over the years (layer means, S = 5 … D = 1)',
      tags: ['review'],
    }),
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json(await myEvaluation(db, currentUser(c), now()), 200);
    },
  );
