// HR finds and acts on a period's sheets (docs/interfaces.md "Daily work"): the list, and 確定, 開示 and 督促 of
// many sheets at once.
import { BULK_SHEET_ACTIONS, BULK_SKIP_REASONS, SHEET_RELATIONS, SHEET_STATES } from '@jinzai/model';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { actorOf } from '../http/actor.js';
import { guard } from '../http/guard.js';
import { idParam, optionalText, pageQuery } from '../http/params.js';
import { currentUser } from '../middleware/session.js';
import { validate } from '../openapi.js';
import { bulkSheetAction, listPeriodSheets } from '../services/evaluation-sheet-bulk.service.js';

const sheetQuery = z.object({
  // An empty state, as a search form sends it, is no filter.
  state: z
    .union([z.literal(''), z.enum(SHEET_STATES)])
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
  unit: optionalText,
  q: optionalText,
  ...pageQuery,
});

const person = z.object({ staffNo: z.string(), name: z.string() }).nullable();
const sheetPage = z.object({
  sheets: z.array(
    z.object({
      id: z.number(),
      staffNo: z.string(),
      name: z.string(),
      unitCode: z.string(),
      gradeCode: z.string(),
      state: z.enum(SHEET_STATES),
      firstEvaluator: person,
      secondEvaluator: person,
      updatedAt: z.string(),
      goalsSubmitted: z.boolean(),
      appealOpen: z.boolean(),
      waitingOn: z
        .object({ relation: z.enum(SHEET_RELATIONS), staffNo: z.string().nullable() })
        .nullable()
        .describe(
          'Who must act now: the relation, and their staff number (null for HR or an evaluator not named)',
        ),
    }),
  ),
  total: z.number(),
});

const matchingFilter = z
  .object({
    state: z.enum(SHEET_STATES).optional(),
    unit: z.string().trim().min(1).max(100).optional(),
    q: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
const actionsBody = z
  .object({
    action: z.enum(BULK_SHEET_ACTIONS),
    sheetIds: z.array(z.number().int().min(1).max(2_147_483_647)).min(1).max(1000).optional(),
    matching: matchingFilter
      .optional()
      .describe(
        'Instead of sheetIds: every sheet of the period the list’s filters find (state, unit with the units under it, q), chosen in one query on the server',
      ),
    dryRun: z.boolean().optional().describe('true: write nothing, answer what would be done and skipped'),
  })
  .strict()
  .refine((b) => (b.sheetIds === undefined) !== (b.matching === undefined), {
    message: 'sheetIds か matching のどちらか一方を指定してください',
    path: ['sheetIds'],
  });
const actionsResult = z.object({
  done: z.array(z.number()),
  skipped: z.array(
    z.object({
      id: z.number(),
      reason: z.enum(BULK_SKIP_REASONS),
      message: z.string(),
      state: z.enum(SHEET_STATES).nullable(),
    }),
  ),
  recipients: z
    .array(z.object({ sheetId: z.number(), staffNo: z.string(), relation: z.enum(SHEET_RELATIONS) }))
    .optional()
    .describe('remind: whom each sheet done is to remind'),
  matched: z
    .object({
      total: z.number(),
      states: z.array(z.object({ state: z.enum(SHEET_STATES), n: z.number() })),
    })
    .optional()
    .describe('matching: how many sheets the filters found, by step'),
});

/** HR's list of a period's sheets and the bulk actions on them, mounted at /api/review. */
export const sheetListRoutes = new Hono<AppEnv>()
  .get(
    '/periods/:id/sheets',
    guard({
      summary:
        'A period’s sheets, a page at a time in unit and staff-number order: state, unit (with the units under it), q (a 職員番号 prefix or part of the name or kana, width and kana insensitive)',
      tags: ['review'],
      roles: ['hr'],
      responses: {
        200: { description: 'A page of the sheets', schema: sheetPage },
        404: { description: 'Unknown period' },
      },
    }),
    validate('param', idParam),
    validate('query', sheetQuery),
    async (c) => {
      const { db, now } = c.var.deps;
      const { id } = c.req.valid('param');
      const { sheets, total } = await listPeriodSheets(db, actorOf(c), now(), id, c.req.valid('query'));
      return c.json(
        {
          sheets: sheets.map((s) => ({
            id: s.id,
            staffNo: s.staffNo,
            name: s.name,
            unitCode: s.unitCode,
            gradeCode: s.gradeCode,
            state: s.state,
            firstEvaluator: s.firstEvaluator,
            secondEvaluator: s.secondEvaluator,
            updatedAt: s.updatedAt,
            goalsSubmitted: s.goalsSubmitted,
            appealOpen: s.appealOpen,
            waitingOn: s.waitingOn,
          })),
          total,
        },
        200,
      );
    },
  )
  .post(
    '/periods/:id/sheets/actions',
    guard({
      summary:
        'Confirm, disclose or remind many sheets of a period: each follows the workflow, and a sheet the action does not apply to is skipped with the reason; the sheets done are written in one transaction',
      tags: ['review'],
      roles: ['hr'],
      responses: {
        200: { description: 'The sheets done and those skipped', schema: actionsResult },
        404: { description: 'Unknown period' },
      },
    }),
    validate('param', idParam),
    validate('json', actionsBody),
    async (c) => {
      const { db, now } = c.var.deps;
      const { id } = c.req.valid('param');
      const { action, sheetIds, matching, dryRun } = c.req.valid('json');
      const selection = matching ? { matching } : { sheetIds: sheetIds ?? [] };
      const { done, skipped, recipients, matched } = await bulkSheetAction(db, currentUser(c), now(), id, {
        action,
        dryRun,
        ...selection,
      });
      return c.json(
        { done, skipped, ...(recipients ? { recipients } : {}), ...(matched ? { matched } : {}) },
        200,
      );
    },
  );
