// Routes of evaluation data beside the KPIs (HR only).
import { KPI_CODES } from '@jinzai/model';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { guard } from '../http/guard.js';
import { actorOf } from '../http/actor.js';
import { fiscalYearParam } from '../http/params.js';

import { validate } from '../openapi.js';
import { evaluationDistribution, evaluationVsKpi } from '../services/survey-analytics.service.js';

const evaluationVsKpiQuery = fiscalYearParam.extend({ kpi: z.enum(KPI_CODES) });
const evaluationVsKpiResponse = z.object({
  fiscalYear: z.number(),
  kpi: z.string(),
  units: z.array(
    z.object({
      unitCode: z.string(),
      name: z.string(),
      evaluationMean: z.number(),
      kpiMean: z.number(),
      n: z.number(),
      evaluated: z.number(),
    }),
  ),
  leftOut: z.number(),
  spearman: z.object({
    rho: z.number().nullable(),
    n: z.number(),
    ci95: z.tuple([z.number(), z.number()]).nullable(),
  }),
});

/**
 * Evaluation beside the KPIs (docs/domain.md §5, docs/interfaces.md "Survey and KPIs"): HR only. Evaluation
 * grades are scored S = 5 … D = 1; every read is in the audit log, since it reads evaluation data.
 */
export const analyticsRoutes = new Hono<AppEnv>()
  .get(
    '/evaluation-vs-kpi',
    guard({
      summary:
        "By unit named in the survey answers: the mean evaluation (the unit and the units under it) against a KPI's mean, with Spearman's rho; units under 5 answers or 5 evaluated staff left out",
      tags: ['analytics'],
      roles: ['hr'],
      responses: { 200: { description: 'The scatter', schema: evaluationVsKpiResponse } },
    }),
    validate('query', evaluationVsKpiQuery),
    async (c) => {
      const { fiscalYear, kpi } = c.req.valid('query');
      const { db, now } = c.var.deps;
      return c.json(await evaluationVsKpi(db, actorOf(c), now(), fiscalYear, kpi), 200);
    },
  )
  .get(
    '/evaluation-distribution',
    guard({
      summary:
        'The distribution of final evaluation grades of a year beside outcome 06 (頑張りが認められる, q15)',
      tags: ['analytics'],
      roles: ['hr'],
    }),
    validate('query', fiscalYearParam),
    async (c) => {
      const { fiscalYear } = c.req.valid('query');
      const { db, now } = c.var.deps;
      return c.json(await evaluationDistribution(db, actorOf(c), now(), fiscalYear), 200);
    },
  );
