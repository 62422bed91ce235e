// Routes of the KPI screens: board, breakdown, trends, programme counts and exports.
import { PROGRAMME_CODES } from '@jinzai/model';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { guard } from '../http/guard.js';
import { cachedJson } from '../http/json.js';
import { actorOf } from '../http/actor.js';
import { fiscalYearParam, fiscalYearText } from '../http/params.js';

import { validate } from '../openapi.js';
import { kpiProgrammeCounts, kpiTrends, setProgrammeCounts } from '../services/kpi.service.js';
import { exportFile } from '../services/survey-export.service.js';
import { BREAKDOWN_BY, kpiBoardOf, kpiBreakdownOf } from '../services/survey.service.js';

const yearQuery = fiscalYearParam;
const interval = z.tuple([z.number(), z.number()]).nullable();
const kpisResponse = z.object({
  fiscalYear: z.number(),
  respondents: z.number(),
  kpis: z.array(
    z.object({
      code: z.string(),
      outcome: z.string(),
      baseline: z.number(),
      target: z.number(),
      mean: z.number().nullable(),
      n: z.number(),
      ci95: interval,
      favourable: z.number().nullable(),
      delta: z.number().nullable(),
      status: z.enum(['achieved', 'improving', 'not-improving', 'no-data']),
      progress: z.number().nullable(),
    }),
  ),
});
const breakdownQuery = yearQuery.extend({ by: z.enum(BREAKDOWN_BY) });
const breakdownResponse = z.object({
  fiscalYear: z.number(),
  by: z.enum(BREAKDOWN_BY),
  groups: z.array(
    z.object({
      key: z.string(),
      labelJa: z.string(),
      labelEn: z.string(),
      n: z.number().nullable(),
      suppressed: z.boolean(),
      kpis: z.array(
        z.object({
          code: z.string(),
          mean: z.number().nullable(),
          n: z.number().nullable(),
          favourable: z.number().nullable(),
          suppressed: z.boolean(),
        }),
      ),
    }),
  ),
});
const exportQuery = z.object({
  view: z.enum(['board', 'breakdown', 'trends', 'programmes']),
  fiscalYear: fiscalYearText.optional(),
  by: z.enum(BREAKDOWN_BY).optional(),
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
});
const programmeCounts = z.object({
  counts: z.partialRecord(z.enum(PROGRAMME_CODES), z.number().int().min(0).max(10_000_000).nullable()),
});

/**
 * KPIs against the logic model (docs/domain.md §5–§6, docs/interfaces.md "Survey and KPIs"): the board,
 * breakdowns with suppression, trends, programme counts and exports. HR only; no route returns a single
 * response.
 */
export const kpiRoutes = new Hono<AppEnv>()
  .get(
    '/',
    guard({
      summary:
        'The KPI board of a year: mean, n, 95% CI, favourable share, change from the year before, status',
      tags: ['kpi'],
      roles: ['hr'],
      responses: { 200: { description: 'The board', schema: kpisResponse } },
    }),
    validate('query', yearQuery),
    async (c) => {
      const { fiscalYear } = c.req.valid('query');
      const board = await kpiBoardOf(c.var.deps.db, fiscalYear);
      return cachedJson(c, board, (b) => ({ fiscalYear, ...b }));
    },
  )
  .get(
    '/breakdown',
    guard({
      summary:
        "A year's KPIs by unit (課), grade, age band or employment type; groups under 5 and their complements withheld",
      tags: ['kpi'],
      roles: ['hr'],
      responses: { 200: { description: 'The breakdown', schema: breakdownResponse } },
    }),
    validate('query', breakdownQuery),
    async (c) => {
      const { fiscalYear, by } = c.req.valid('query');
      const groups = await kpiBreakdownOf(c.var.deps.db, fiscalYear, by);
      return cachedJson(c, groups, (g) => ({ fiscalYear, by, groups: g }));
    },
  )
  .get(
    '/trends',
    guard({ summary: 'Every KPI over the years with responses', tags: ['kpi'], roles: ['hr'] }),
    async (c) => c.json(await kpiTrends(c.var.deps.db), 200),
  )
  .get(
    '/programmes',
    guard({
      summary: 'Programme use counts per year (policy IV-3 ※6), without targets',
      tags: ['kpi'],
      roles: ['hr'],
    }),
    async (c) => c.json(await kpiProgrammeCounts(c.var.deps.db), 200),
  )
  .put(
    '/programmes/:fiscalYear',
    guard({
      summary: "Enter a year's programme use counts (a null count is left as it was)",
      tags: ['kpi'],
      roles: ['hr'],
    }),
    validate('param', fiscalYearParam),
    validate('json', programmeCounts),
    async (c) => {
      const { fiscalYear } = c.req.valid('param');
      const { counts } = c.req.valid('json');
      const { db, now } = c.var.deps;
      return c.json(await setProgrammeCounts(db, actorOf(c), now(), fiscalYear, counts), 200);
    },
  )
  .get(
    '/export',
    guard({
      summary:
        'Export the board, a breakdown, the trends or the programme counts as .xlsx or CSV (UTF-8 with BOM)',
      tags: ['kpi'],
      roles: ['hr'],
    }),
    validate('query', exportQuery),
    async (c) => {
      const file = await exportFile(c.var.deps.db, c.req.valid('query'));
      return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.filename}"`,
      });
    },
  );
