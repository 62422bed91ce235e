// The policy as data (docs/interfaces.md "The policy"): grade standards, hiring tracks and their weights,
// KPIs.
import {
  GRADES,
  JOB_FAMILIES,
  KPI_QUESTIONS,
  LAYERS,
  TRACKS,
  familyByCode,
  kpiTarget,
  newWeightSetSchema,
  outcomeByCode,
} from '@jinzai/model';
import { Hono, type TypedResponse } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { guard } from '../http/guard.js';
import { actorOf } from '../http/actor.js';

import { validate } from '../openapi.js';
import { publishWeightSet, weightsInForce } from '../services/standards.service.js';

const competency = z.object({
  code: z.string(),
  layer: z.enum(['stance', 'interpersonal', 'problem']),
  nameJa: z.string(),
  descriptionJa: z.string(),
  nameEn: z.string(),
  descriptionEn: z.string(),
});
const family = z.object({ code: z.string(), nameJa: z.string(), nameEn: z.string() });
const gradesResponse = z.object({
  families: z.array(family),
  grades: z.array(
    z.object({
      code: z.string(),
      family,
      nameJa: z.string(),
      nameEn: z.string(),
      rank: z.number(),
      competencies: z.array(competency),
    }),
  ),
});
const weights = z.object({
  potential: z.number(),
  stance: z.number(),
  interpersonal: z.number(),
  problem: z.number(),
  ict: z.number(),
  technical: z.number(),
});
const tracksResponse = z.object({
  layers: z.array(z.object({ code: z.string(), nameJa: z.string(), nameEn: z.string() })),
  weightSet: z.object({ version: z.string(), effectiveFrom: z.string(), note: z.string().nullable() }),
  tracks: z.array(
    z.object({
      code: z.enum(['new-graduate', 'experienced', 'specialist']),
      nameJa: z.string(),
      nameEn: z.string(),
      descriptionJa: z.string(),
      descriptionEn: z.string(),
      weights,
      version: z.string(),
    }),
  ),
});
const kpisResponse = z.object({
  kpis: z.array(
    z.object({
      code: z.string(),
      outcome: z.string(),
      outcomeNameJa: z.string(),
      indicatorJa: z.string(),
      questionJa: z.string(),
      questionEn: z.string(),
      baseline: z.number(),
      target: z.number(),
    }),
  ),
});

const familyOut = (code: string) => {
  const f = familyByCode(code);
  return { code, nameJa: f?.nameJa ?? code, nameEn: f?.nameEn ?? code };
};

const GRADES_BODY = {
  families: JOB_FAMILIES.map((f) => familyOut(f.code)),
  grades: GRADES.map((g) => ({
    code: g.code,
    family: familyOut(g.familyCode),
    nameJa: g.nameJa,
    nameEn: g.nameEn,
    rank: g.rank,
    competencies: g.competencies.map((k) => ({
      code: k.code,
      layer: k.layer,
      nameJa: k.nameJa,
      descriptionJa: k.descriptionJa,
      nameEn: k.nameEn,
      descriptionEn: k.descriptionEn,
    })),
  })),
};
const GRADES_JSON = JSON.stringify(GRADES_BODY);
const JSON_HEADERS = { 'content-type': 'application/json; charset=UTF-8' };

/** Public reads for every signed-in user; publishing weights is HR's. */
export const standardsRoutes = new Hono<AppEnv>()
  .get(
    '/grades',
    guard({
      summary: 'The ten grades and their 標準職務遂行能力, as the policy has them',
      tags: ['policy'],
      responses: { 200: { description: 'Grades', schema: gradesResponse } },
    }),
    // The catalogue is the policy: fixed for the life of the process, so serialised once.
    (c) =>
      c.body(GRADES_JSON, 200, JSON_HEADERS) as unknown as TypedResponse<typeof GRADES_BODY, 200, 'json'>,
  )
  .get(
    '/tracks',
    guard({
      summary: 'Hiring tracks with the weights in force (per cent)',
      tags: ['policy'],
      responses: { 200: { description: 'Tracks', schema: tracksResponse } },
    }),
    async (c) => {
      const set = await weightsInForce(c.var.deps.db, c.var.deps.now());
      return c.json(
        {
          layers: LAYERS.map((l) => ({ code: l.code, nameJa: l.nameJa, nameEn: l.nameEn })),
          weightSet: { version: set.version, effectiveFrom: set.effectiveFrom, note: set.note },
          tracks: TRACKS.map((t) => ({
            code: t.code,
            nameJa: t.nameJa,
            nameEn: t.nameEn,
            descriptionJa: t.descriptionJa,
            descriptionEn: t.descriptionEn,
            weights: set.weights[t.code],
            version: set.version,
          })),
        },
        200,
      );
    },
  )
  .put(
    '/tracks/weights',
    guard({
      summary: 'Publish a new version of the hiring weights (HR); old versions stay as they were',
      tags: ['policy'],
      roles: ['hr'],
      responses: { 201: { description: 'Published' }, 409: { description: 'That version exists' } },
    }),
    bodyLimit({ maxSize: 64 * 1024 }),
    validate('json', newWeightSetSchema),
    async (c) => {
      const body = c.req.valid('json');
      await publishWeightSet(c.var.deps.db, actorOf(c), c.var.deps.now(), body);
      return c.json({ version: body.version, effectiveFrom: body.effectiveFrom }, 201);
    },
  )
  .get(
    '/kpis',
    guard({
      summary: 'The 15 KPI questions with baseline and target (target computed by the policy rule)',
      tags: ['policy'],
      responses: { 200: { description: 'KPIs', schema: kpisResponse } },
    }),
    (c) =>
      c.json(
        {
          kpis: KPI_QUESTIONS.map((k) => ({
            code: k.code,
            outcome: k.outcome,
            outcomeNameJa: outcomeByCode(k.outcome)?.nameJa ?? '',
            indicatorJa: k.indicatorJa,
            questionJa: k.questionJa,
            questionEn: k.questionEn,
            baseline: k.baseline,
            target: kpiTarget(k.baseline),
          })),
        },
        200,
      ),
  );
