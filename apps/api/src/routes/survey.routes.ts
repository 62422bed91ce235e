import {
  AlreadyAnsweredError,
  hasAnswered,
  kpiSurveyId,
  kpiSurveyYears,
  listUnits,
  recordOnlineKpiAnswer,
  responseAttributesOf,
  responseCountsByUnit,
  rosterCountsByUnit,
} from '@jinzai/db';
import {
  KPI_CODES,
  SURVEY_RESPONSE_COLUMNS,
  ageBandOf,
  fiscalYearOf,
  onlineAnswersSchema,
  reportingUnitOf,
  suppressedCells,
  type KpiResponse,
} from '@jinzai/model';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { ApiError, errors } from '../errors.js';
import { currentUser, requireRole } from '../middleware/session.js';
import { actorOf } from '../http/actor.js';
import { fiscalYearParam } from '../http/params.js';
import { describe, validate } from '../openapi.js';
import { importKpiResponses } from '../services/survey.service.js';
import { uploadedFile, uploadLimit } from '../http/upload.js';

const statusResponse = z.object({
  fiscalYear: z.number(),
  open: z.boolean(),
  canAnswer: z.boolean(),
  answered: z.boolean(),
});

/**
 * The staff survey (DOMAIN §5, INTERFACES "Survey and KPIs"): HR imports a year's answers; staff answer the
 * current year's KPI survey online, once and anonymously; HR sees the response rate by unit.
 */
export const surveyRoutes = new Hono<AppEnv>()
  .post(
    '/kpi/:fiscalYear/responses',
    describe({
      summary: "Import a year's KPI survey responses (replaces that year's previous import); all or nothing",
      tags: ['survey'],
      roles: ['hr'],
      upload: { columns: SURVEY_RESPONSE_COLUMNS.required },
      responses: {
        200: { description: 'Imported', schema: z.object({ rows: z.number(), replaced: z.number() }) },
      },
    }),
    requireRole('hr'),
    validate('param', fiscalYearParam),
    uploadLimit,
    async (c) => {
      const { fiscalYear } = c.req.valid('param');
      const { bytes, contentType } = await uploadedFile(c);
      const result = await importKpiResponses(
        c.var.deps.db,
        fiscalYear,
        bytes,
        contentType,
        actorOf(c),
        c.var.deps.now(),
      );
      return c.json(result, 200);
    },
  )
  .get(
    '/kpi/:fiscalYear/status',
    describe({
      summary: 'Whether the KPI survey of a year is open and whether the signed-in person has answered it',
      tags: ['survey'],
      responses: { 200: { description: 'Status', schema: statusResponse } },
    }),
    requireRole(),
    validate('param', fiscalYearParam),
    async (c) => {
      const { fiscalYear } = c.req.valid('param');
      const user = currentUser(c);
      const open = fiscalYear === fiscalYearOf(c.var.deps.now());
      const answered = user.staffNo
        ? await hasAnswered(c.var.deps.db, kpiSurveyId(fiscalYear), user.staffNo)
        : false;
      return c.json({ fiscalYear, open, canAnswer: open && !!user.staffNo && !answered, answered }, 200);
    },
  )
  .post(
    '/kpi/:fiscalYear/answers',
    describe({
      summary:
        "Answer the current year's KPI survey online, once: stored with unit, grade, age band and employment type only",
      tags: ['survey'],
      responses: {
        201: { description: 'Answered', schema: z.object({ answered: z.literal(true) }) },
        409: { description: 'Already answered, or the survey is not open' },
      },
    }),
    requireRole(),
    validate('param', fiscalYearParam),
    validate('json', onlineAnswersSchema),
    async (c) => {
      const { fiscalYear } = c.req.valid('param');
      const { answers } = c.req.valid('json');
      const user = currentUser(c);
      const { db, now } = c.var.deps;
      if (fiscalYear !== fiscalYearOf(now()))
        throw errors.conflict('この年度の職員アンケートは受け付けていません');
      if (!user.staffNo) throw notOnRoster();
      const attributes = await responseAttributesOf(db, user.staffNo, fiscalYear, ageBandOf);
      if (!attributes) throw notOnRoster();
      const response: KpiResponse = {
        ...attributes,
        answers: Object.fromEntries(KPI_CODES.map((k) => [k, answers[k] ?? null])) as KpiResponse['answers'],
      };
      try {
        await recordOnlineKpiAnswer(db, fiscalYear, user.staffNo, response);
      } catch (e) {
        if (e instanceof AlreadyAnsweredError) throw errors.conflict('この職員アンケートには回答済みです');
        throw e;
      }
      // No audit entry: an entry with the person and the time would link them to the response.
      return c.json({ answered: true as const }, 201);
    },
  )
  .get(
    '/kpi/years',
    describe({ summary: 'The fiscal years with KPI survey responses', tags: ['survey'], roles: ['hr'] }),
    requireRole('hr'),
    async (c) => c.json({ years: await kpiSurveyYears(c.var.deps.db) }, 200),
  )
  .get(
    '/kpi/:fiscalYear/response-rate',
    describe({
      summary: 'Response rate by unit (課) against the staff roster; counts under 5 are withheld',
      tags: ['survey'],
      roles: ['hr'],
    }),
    requireRole('hr'),
    validate('param', fiscalYearParam),
    async (c) => {
      const { fiscalYear } = c.req.valid('param');
      const { db } = c.var.deps;
      const [units, roster, answers] = await Promise.all([
        listUnits(db),
        rosterCountsByUnit(db),
        responseCountsByUnit(db, fiscalYear),
      ]);
      const tree = new Map(units.map((u) => [u.code, u]));
      const staff = new Map<string, number>();
      const responses = new Map<string, number>();
      for (const [code, n] of roster)
        staff.set(reportingUnitOf(code, tree), (staff.get(reportingUnitOf(code, tree)) ?? 0) + n);
      for (const [code, n] of answers)
        responses.set(reportingUnitOf(code, tree), (responses.get(reportingUnitOf(code, tree)) ?? 0) + n);
      const keys = [...new Set([...staff.keys(), ...responses.keys()])].sort();
      const hidden = suppressedCells(keys.map((k) => ({ key: k, n: responses.get(k) ?? 0 })));
      const totalStaff = [...staff.values()].reduce((a, b) => a + b, 0);
      const totalResponses = [...responses.values()].reduce((a, b) => a + b, 0);
      return c.json(
        {
          fiscalYear,
          staff: totalStaff,
          responses: totalResponses,
          rate: totalStaff > 0 ? totalResponses / totalStaff : null,
          units: keys.map((k) => {
            const s = staff.get(k) ?? 0;
            const suppressed = hidden.has(k);
            const n = suppressed ? null : (responses.get(k) ?? 0);
            return {
              unitCode: k,
              name: tree.get(k)?.name ?? k,
              staff: s,
              responses: n,
              rate: n === null || s === 0 ? null : n / s,
              suppressed,
            };
          }),
        },
        200,
      );
    },
  );

const notOnRoster = () => new ApiError(403, 'forbidden', '職員名簿に登録された職員だけが回答できます');
