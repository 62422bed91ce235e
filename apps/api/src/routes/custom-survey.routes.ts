// Routes of HR-defined surveys: definitions, online answers, imports, results and cross-tabs.
import { customAnswersSchema, customSurveyDefinitionSchema } from '@jinzai/model';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { guard } from '../http/guard.js';
import { errors } from '../errors.js';
import { actorOf } from '../http/actor.js';
import { uploadedFile, uploadLimit } from '../http/upload.js';
import { currentUser } from '../middleware/session.js';
import { validate } from '../openapi.js';
import {
  customCrossTab,
  customResults,
  customSurvey,
  customSurveys,
  defineCustomSurvey,
  importCustomResponses,
} from '../services/custom-survey.service.js';
import { answerCustomSurvey, openCustomSurveys } from '../services/survey-online.service.js';
import { BREAKDOWN_BY } from '../services/survey.service.js';

const idParam = z.object({ id: z.string().regex(/^c-[0-9a-z-]{1,40}$/) });
const crossTabQuery = z.object({
  item: z.coerce.number().int().min(0).max(19),
  by: z.enum(BREAKDOWN_BY).default('age_band'),
});

/**
 * HR-defined surveys (docs/domain.md §5): HR defines a survey (4-point and multiple-choice items), imports
 * answers and sees results and cross-tabs with suppression enforced here; staff answer the open ones online,
 * once and anonymously. No route returns a single answer.
 */
export const customSurveyRoutes = new Hono<AppEnv>()
  .get(
    '/',
    guard({ summary: 'HR-defined surveys with their response counts', tags: ['survey'], roles: ['hr'] }),
    async (c) => c.json({ surveys: await customSurveys(c.var.deps.db) }, 200),
  )
  .post(
    '/',
    guard({
      summary: 'Define a survey: 4-point items and multiple-choice items with a limit on choices',
      tags: ['survey'],
      roles: ['hr'],
      responses: { 201: { description: 'Created' } },
    }),
    validate('json', customSurveyDefinitionSchema),
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json(await defineCustomSurvey(db, now(), c.req.valid('json')), 201);
    },
  )
  .get(
    '/open',
    guard({
      summary: "The current year's HR-defined surveys, with whether the signed-in person has answered each",
      tags: ['survey'],
    }),
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json({ surveys: await openCustomSurveys(db, currentUser(c).staffNo, now()) }, 200);
    },
  )
  .get(
    '/:id',
    guard({ summary: 'The definition of an HR-defined survey', tags: ['survey'], roles: ['hr'] }),
    validate('param', idParam),
    async (c) => c.json(await customSurvey(c.var.deps.db, c.req.valid('param').id), 200),
  )
  .post(
    '/:id/answers',
    guard({
      summary:
        'Answer an open HR-defined survey online, once: stored with unit, grade, age band and employment type only',
      tags: ['survey'],
      responses: {
        201: { description: 'Answered', schema: z.object({ answered: z.literal(true) }) },
        409: { description: 'Already answered, or the survey is not open' },
      },
    }),
    validate('param', idParam),
    validate('json', customAnswersSchema),
    async (c) => {
      const { db, now } = c.var.deps;
      const staffNo = currentUser(c).staffNo;
      await answerCustomSurvey(db, staffNo, now(), c.req.valid('param').id, c.req.valid('json').answers);
      return c.json({ answered: true as const }, 201);
    },
  )
  .post(
    '/:id/responses',
    guard({
      summary:
        "Import an HR-defined survey's responses (unit_code,grade_code,age_band,employment_type,q01…); all or nothing",
      tags: ['survey'],
      roles: ['hr'],
      upload: { columns: ['unit_code', 'grade_code', 'age_band', 'employment_type', 'q01'] },
      responses: {
        200: { description: 'Imported', schema: z.object({ rows: z.number(), replaced: z.number() }) },
      },
    }),
    validate('param', idParam),
    uploadLimit,
    async (c) => {
      const { db, now } = c.var.deps;
      const survey = await customSurvey(db, c.req.valid('param').id);
      return c.json(await importCustomResponses(db, survey, await uploadedFile(c), actorOf(c), now()), 200);
    },
  )
  .get(
    '/:id/results',
    guard({
      summary: 'Results: per 4-point item mean, 95% CI and favourable share (under 5 answers withheld)',
      tags: ['survey'],
      roles: ['hr'],
    }),
    validate('param', idParam),
    async (c) => {
      const survey = await customSurvey(c.var.deps.db, c.req.valid('param').id);
      return c.json({ survey, ...(await customResults(c.var.deps.db, survey)) }, 200);
    },
  )
  .get(
    '/:id/crosstab',
    guard({
      summary:
        'Cross-tab of a multiple-choice item by unit, grade, age band or employment type: counts per option × group and the total; small groups suppressed',
      tags: ['survey'],
      roles: ['hr'],
    }),
    validate('param', idParam),
    validate('query', crossTabQuery),
    async (c) => {
      const survey = await customSurvey(c.var.deps.db, c.req.valid('param').id);
      const { item, by } = c.req.valid('query');
      if (survey.items[item]?.kind !== 'choice')
        throw errors.badRequest('複数選択の設問を指定してください', [
          { path: 'item', message: '複数選択の設問ではありません' },
        ]);
      return c.json({ item, by, ...(await customCrossTab(c.var.deps.db, survey, item, by)) }, 200);
    },
  );
