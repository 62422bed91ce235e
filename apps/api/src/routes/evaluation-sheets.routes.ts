import { evaluatorQueue, getPeriod, listPeriods, listUnits, resultsOfStaff, sheetsOfStaff } from '@jinzai/db';
import {
  evaluationPoints,
  goalsDraftSchema,
  gradeByCode,
  LAYERS,
  ratingInputSchema,
  SHEET_ACTIONS,
  type SheetState,
} from '@jinzai/model';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { audit } from '../audit.js';
import type { AppEnv } from '../deps.js';
import { currentUser, requireRole } from '../middleware/session.js';
import { describe, validate } from '../openapi.js';
import {
  actOnSheet,
  saveSheet,
  sheetFor,
  sheetView,
  type AuditIn,
} from '../services/evaluation-sheets.service.js';
import { idParam } from '../http/params.js';

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

const auditIn =
  (c: Context<AppEnv>): AuditIn =>
  (trx, fields) =>
    audit(c, fields, trx);

/** The due date of a sheet's current step in its period. */
function dueOf(
  period: {
    goalsDue: string | null;
    selfDue: string | null;
    firstDue: string | null;
    secondDue: string | null;
    adjustDue: string | null;
    discloseDue: string | null;
  },
  state: SheetState,
): string | null {
  const due: Partial<Record<SheetState, string | null>> = {
    'goal-setting': period.goalsDue,
    self: period.selfDue,
    first: period.firstDue,
    second: period.secondDue,
    adjust: period.adjustDue,
    confirmed: period.discloseDue,
  };
  return due[state] ?? null;
}

/** The evaluation sheet: the workflow, per person and stage (DOMAIN §4). */
export const sheetRoutes = new Hono<AppEnv>()
  .get(
    '/sheets/:id',
    describe({
      summary:
        'One evaluation sheet as the caller may see it now (ratings by stage and relation), with history',
      tags: ['review'],
      responses: { 404: { description: 'Unknown, or not the caller’s to see' } },
    }),
    requireRole(),
    validate('param', idParam),
    async (c) => {
      const user = currentUser(c);
      const { db, now } = c.var.deps;
      const { sheet, relations } = await sheetFor(db, user, c.req.valid('param').id);
      await audit(c, {
        action: 'read',
        entity: 'review_sheet',
        entityId: String(sheet.id),
        detail: { relations },
      });
      return c.json(await sheetView(db, user, sheet, relations, now()), 200);
    },
  )
  .put(
    '/sheets/:id',
    describe({
      summary:
        'Save a draft of the caller’s part (goals, or their own ratings); 409 when the version is stale',
      tags: ['review'],
      responses: {
        409: { description: 'Someone changed the sheet first: details.current is the sheet now' },
      },
    }),
    requireRole(),
    validate('param', idParam),
    validate('json', saveBody),
    async (c) => {
      const user = currentUser(c);
      const { db, now } = c.var.deps;
      const id = c.req.valid('param').id;
      await saveSheet(db, user, id, c.req.valid('json'), now(), auditIn(c));
      const { sheet, relations } = await sheetFor(db, user, id);
      return c.json(await sheetView(db, user, sheet, relations, now()), 200);
    },
  )
  .post(
    '/sheets/:id/actions',
    describe({
      summary:
        'Take a workflow step (submit-goals, agree-goals, self-evaluate, first-rate, second-rate, confirm, disclose, acknowledge, appeal, reopen, send-back)',
      tags: ['review'],
      responses: {
        403: { description: 'Not the caller’s step' },
        409: { description: 'Not allowed in this state, appeal period over, or a stale version' },
      },
    }),
    requireRole(),
    validate('param', idParam),
    validate('json', actionBody),
    async (c) => {
      const user = currentUser(c);
      const { db, now } = c.var.deps;
      const id = c.req.valid('param').id;
      await actOnSheet(db, user, id, c.req.valid('json'), now(), auditIn(c));
      const { sheet, relations } = await sheetFor(db, user, id);
      return c.json(await sheetView(db, user, sheet, relations, now()), 200);
    },
  )
  .get(
    '/queue',
    describe({
      summary:
        'The evaluator’s queue: sheets they evaluate in a period, with the step, whose turn it is, and the due date',
      tags: ['review'],
      roles: ['evaluator'],
    }),
    requireRole('evaluator'),
    validate(
      'query',
      z.object({ periodId: z.coerce.number().int().positive().max(2_147_483_647).optional() }),
    ),
    async (c) => {
      const user = currentUser(c);
      const { db, now } = c.var.deps;
      const { periodId } = c.req.valid('query');
      const period = periodId ? await getPeriod(db, periodId) : (await listPeriods(db))[0];
      if (!period) return c.json({ period: null, sheets: [] }, 200);
      const rows = user.staffNo ? await evaluatorQueue(db, period.id, user.staffNo) : [];
      const today = now().toISOString().slice(0, 10);
      const sheets = rows.map((r) => {
        const relation = r.firstStaffNo === user.staffNo ? 'first' : 'second';
        const myTurn =
          (relation === 'first' &&
            (r.state === 'first' || (r.state === 'goal-setting' && r.goalsSubmitted))) ||
          (r.secondStaffNo === user.staffNo && r.state === 'second');
        const due = dueOf(period, r.state);
        return {
          sheetId: r.sheetId,
          staffNo: r.staffNo,
          name: r.name,
          unitCode: r.unitCode,
          gradeCode: r.gradeCode,
          gradeName: gradeByCode(r.gradeCode)?.nameJa ?? r.gradeCode,
          state: r.state,
          relation,
          myTurn,
          due,
          overdue: myTurn && due !== null && due < today,
        };
      });
      await audit(c, {
        action: 'read',
        entity: 'review_queue',
        entityId: String(period.id),
        detail: { n: sheets.length },
      });
      return c.json({ period, sheets }, 200);
    },
  )
  .get(
    '/me',
    describe({
      summary:
        'The caller’s own sheets, past results and skill pyramid over the years (layer means, S = 5 … D = 1)',
      tags: ['review'],
    }),
    requireRole(),
    async (c) => {
      const user = currentUser(c);
      const { db } = c.var.deps;
      if (!user.staffNo) return c.json({ sheets: [], results: [], pyramid: [] }, 200);
      const [sheets, results, periods, units] = await Promise.all([
        sheetsOfStaff(db, user.staffNo),
        resultsOfStaff(db, user.staffNo),
        listPeriods(db),
        listUnits(db),
      ]);
      const periodById = new Map(periods.map((p) => [p.id, p]));
      const unitName = new Map(units.map((u) => [u.code, u.name]));
      const layers = LAYERS.filter((l) => ['stance', 'interpersonal', 'problem'].includes(l.code));
      const pyramid = results.map((r) => {
        const grade = gradeByCode(r.gradeCode);
        return {
          fiscalYear: r.fiscalYear,
          gradeCode: r.gradeCode,
          layers: layers.map((l) => {
            const pts = (grade?.competencies ?? [])
              .filter((k) => k.layer === l.code && r.items[k.code])
              .map((k) => evaluationPoints(r.items[k.code] as 'S'));
            return {
              layer: l.code,
              nameJa: l.nameJa,
              nameEn: l.nameEn,
              mean: pts.length ? pts.reduce((a, b) => a + b, 0) / pts.length : null,
            };
          }),
        };
      });
      await audit(c, { action: 'read', entity: 'review_results', entityId: user.staffNo });
      return c.json(
        {
          sheets: sheets.map((s) => ({
            id: s.id,
            periodId: s.periodId,
            periodName: periodById.get(s.periodId)?.name ?? '',
            fiscalYear: periodById.get(s.periodId)?.fiscalYear ?? null,
            state: s.state,
            due: periodById.get(s.periodId) ? dueOf(periodById.get(s.periodId) as never, s.state) : null,
          })),
          results: results.map((r) => ({
            fiscalYear: r.fiscalYear,
            periodName: r.periodName,
            overall: r.overall,
            unitCode: r.unitCode,
            unitName: unitName.get(r.unitCode) ?? r.unitCode,
            gradeCode: r.gradeCode,
            gradeName: gradeByCode(r.gradeCode)?.nameJa ?? r.gradeCode,
            source: r.source,
          })),
          pyramid,
        },
        200,
      );
    },
  );
