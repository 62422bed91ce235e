// Routes of the staff survey: importing answers, answering online, the years and the response rate.
import { SURVEY_RESPONSE_COLUMNS, onlineAnswersSchema } from '@jinzai/model';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { guard } from '../http/guard.js';
import { actorOf } from '../http/actor.js';
import { fiscalYearParam } from '../http/params.js';
import { uploadedFile, uploadLimit } from '../http/upload.js';
import { currentUser } from '../middleware/session.js';
import { validate } from '../openapi.js';
import { answerKpiSurvey, kpiSurveyStatus } from '../services/survey-online.service.js';
import { importKpiResponses, kpiResponseRate, kpiSurveyYearList } from '../services/survey.service.js';

const statusResponse = z.object({
  fiscalYear: z.number(),
  open: z.boolean(),
  canAnswer: z.boolean(),
  answered: z.boolean(),
});

/**
 * The staff survey (docs/domain.md §5, docs/interfaces.md "Survey and KPIs"): HR imports a year's answers;
 * staff answer the current year's KPI survey online, once and anonymously; HR sees the response rate by unit.
 */
export const surveyRoutes = new Hono<AppEnv>()
  .post(
    '/kpi/:fiscalYear/responses',
    guard({
      summary: "Import a year's KPI survey responses (replaces that year's previous import); all or nothing",
      tags: ['survey'],
      roles: ['hr'],
      upload: { columns: SURVEY_RESPONSE_COLUMNS.required },
      responses: {
        200: { description: 'Imported', schema: z.object({ rows: z.number(), replaced: z.number() }) },
      },
    }),
    validate('param', fiscalYearParam),
    uploadLimit,
    async (c) => {
      const { fiscalYear } = c.req.valid('param');
      const { db, now } = c.var.deps;
      return c.json(await importKpiResponses(db, fiscalYear, await uploadedFile(c), actorOf(c), now()), 200);
    },
  )
  .get(
    '/kpi/:fiscalYear/status',
    guard({
      summary: 'Whether the KPI survey of a year is open and whether the signed-in person has answered it',
      tags: ['survey'],
      responses: { 200: { description: 'Status', schema: statusResponse } },
    }),
    validate('param', fiscalYearParam),
    async (c) => {
      const { fiscalYear } = c.req.valid('param');
      const { db, now } = c.var.deps;
      return c.json(await kpiSurveyStatus(db, currentUser(c).staffNo, now(), fiscalYear), 200);
    },
  )
  .post(
    '/kpi/:fiscalYear/answers',
    guard({
      summary:
        "Answer the current year's KPI survey online, once: stored with unit, grade, age band and employment type only",
      tags: ['survey'],
      responses: {
        201: { description: 'Answered', schema: z.object({ answered: z.literal(true) }) },
        409: { description: 'Already answered, or the survey is not open' },
      },
    }),
    validate('param', fiscalYearParam),
    validate('json', onlineAnswersSchema),
    async (c) => {
      const { fiscalYear } = c.req.valid('param');
      const { db, now } = c.var.deps;
      await answerKpiSurvey(db, currentUser(c).staffNo, now(), fiscalYear, c.req.valid('json').answers);
      return c.json({ answered: true as const }, 201);
    },
  )
  .get(
    '/kpi/years',
    guard({ summary: 'The fiscal years with KPI survey responses', tags: ['survey'], roles: ['hr'] }),
    async (c) => c.json({ years: await kpiSurveyYearList(c.var.deps.db) }, 200),
  )
  .get(
    '/kpi/:fiscalYear/response-rate',
    guard({
      summary: 'Response rate by unit (課) against the staff roster; counts under 5 are withheld',
      tags: ['survey'],
      roles: ['hr'],
    }),
    validate('param', fiscalYearParam),
    async (c) => {
      const { fiscalYear } = c.req.valid('param');
      return c.json(await kpiResponseRate(c.var.deps.db, fiscalYear), 200);
    },
  );
