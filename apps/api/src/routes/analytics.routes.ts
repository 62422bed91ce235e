import { finalOverallResults, kpiMomentsBy, listUnits } from '@jinzai/db';
import {
  EVALUATION_GRADES,
  KPI_CODES,
  MIN_GROUP_SIZE,
  NO_MOMENTS,
  evaluationPoints,
  kpiFigures,
  spearman,
  suppressedCells,
} from '@jinzai/model';
import { Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../audit.js';
import type { AppEnv } from '../deps.js';
import { requireRole } from '../middleware/session.js';
import { describe, validate } from '../openapi.js';
import { kpiBoardOf } from '../services/survey.service.js';
import { fiscalYearParam } from '../http/params.js';

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
 * Evaluation beside the KPIs (DOMAIN §5, INTERFACES "Survey and KPIs"): HR only. Evaluation grades are scored
 * S = 5 … D = 1; every read is in the audit log, since it reads evaluation data.
 */
export const analyticsRoutes = new Hono<AppEnv>()
  .get(
    '/evaluation-vs-kpi',
    describe({
      summary:
        "By unit named in the survey answers: the mean evaluation (the unit and the units under it) against a KPI's mean, with Spearman's rho; units under 5 answers or 5 evaluated staff left out",
      tags: ['analytics'],
      roles: ['hr'],
      responses: { 200: { description: 'The scatter', schema: evaluationVsKpiResponse } },
    }),
    requireRole('hr'),
    validate('query', evaluationVsKpiQuery),
    async (c) => {
      const { fiscalYear, kpi } = c.req.valid('query');
      const { db } = c.var.deps;
      const [units, results, answers] = await Promise.all([
        listUnits(db),
        finalOverallResults(db, fiscalYear),
        kpiMomentsBy(db, fiscalYear, 'unit_code'),
      ]);
      const children = new Map<string, string[]>();
      for (const u of units) {
        if (u.parentCode) children.set(u.parentCode, [...(children.get(u.parentCode) ?? []), u.code]);
      }
      const subtree = (code: string): Set<string> => {
        const out = new Set<string>([code]);
        const stack = [code];
        while (stack.length > 0) {
          for (const ch of children.get(stack.pop() as string) ?? []) {
            if (!out.has(ch)) {
              out.add(ch);
              stack.push(ch);
            }
          }
        }
        return out;
      };
      const pointsByUnit = new Map<string, number[]>();
      for (const r of results)
        pointsByUnit.set(r.unitCode, [...(pointsByUnit.get(r.unitCode) ?? []), evaluationPoints(r.overall)]);

      // Units whose answers to this question are under 5 are left out, and so are their complements, so that the
      // published total minus the plotted units never gives a small unit's mean.
      const cells = answers.map((g) => ({ key: g.key, n: (g.questions.get(kpi) ?? NO_MOMENTS).n }));
      const hidden = suppressedCells(cells);
      const names = new Map(units.map((u) => [u.code, u.name]));
      const plotted: z.infer<typeof evaluationVsKpiResponse>['units'] = [];
      for (const g of answers) {
        if (hidden.has(g.key)) continue;
        const points = [...subtree(g.key)].flatMap((code) => pointsByUnit.get(code) ?? []);
        if (points.length < MIN_GROUP_SIZE) continue;
        const f = kpiFigures(g.questions.get(kpi) ?? NO_MOMENTS);
        if (f.mean === null) continue;
        plotted.push({
          unitCode: g.key,
          name: names.get(g.key) ?? g.key,
          evaluationMean: points.reduce((a, b) => a + b, 0) / points.length,
          kpiMean: f.mean,
          n: f.n,
          evaluated: points.length,
        });
      }
      const rho = spearman(
        plotted.map((u) => u.evaluationMean),
        plotted.map((u) => u.kpiMean),
      );
      await audit(c, {
        action: 'read',
        entity: 'evaluation_results',
        entityId: String(fiscalYear),
        detail: { view: 'evaluation-vs-kpi', kpi },
      });
      return c.json(
        { fiscalYear, kpi, units: plotted, leftOut: answers.length - plotted.length, spearman: rho },
        200,
      );
    },
  )
  .get(
    '/evaluation-distribution',
    describe({
      summary:
        'The distribution of final evaluation grades of a year beside outcome 06 (頑張りが認められる, q15)',
      tags: ['analytics'],
      roles: ['hr'],
    }),
    requireRole('hr'),
    validate('query', fiscalYearParam),
    async (c) => {
      const { fiscalYear } = c.req.valid('query');
      const { db } = c.var.deps;
      const [results, board] = await Promise.all([
        finalOverallResults(db, fiscalYear),
        kpiBoardOf(db, fiscalYear),
      ]);
      const total = results.length;
      const grades = EVALUATION_GRADES.map((grade) => {
        const count = results.filter((r) => r.overall === grade).length;
        return { grade, count, share: total === 0 ? null : count / total };
      });
      await audit(c, {
        action: 'read',
        entity: 'evaluation_results',
        entityId: String(fiscalYear),
        detail: { view: 'evaluation-distribution' },
      });
      const q15 = board.kpis.find((k) => k.code === 'q15');
      return c.json({ fiscalYear, total, grades, outcome: '06', kpi: q15 ?? null }, 200);
    },
  );
