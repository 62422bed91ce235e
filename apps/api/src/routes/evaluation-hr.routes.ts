import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { guard } from '../http/guard.js';
import { cachedJson } from '../http/json.js';
import { actorOf } from '../http/actor.js';
import { fiscalYearText, idParam } from '../http/params.js';
import { uploadedFile, uploadLimit } from '../http/upload.js';
import { ASSIGNMENT_COLUMNS } from '../import/evaluation-import.js';

import { validate } from '../openapi.js';
import { importAssignments, reassignSheet } from '../services/evaluation-evaluators.service.js';
import {
  analyticsReport,
  createDefaultSheets,
  exportPeriod,
  progressReport,
} from '../services/evaluation-hr.service.js';

/** HR's side of a period (docs/domain.md §4): assignments, progress, analytics, export. */
export const evaluationHrRoutes = new Hono<AppEnv>()
  .post(
    '/periods/:id/assignments/defaults',
    guard({
      summary:
        'Create the sheets of every staff member without one, with default evaluators from the org tree (課長 first, 部長 second)',
      tags: ['review'],
      roles: ['hr'],
    }),
    validate('param', idParam),
    async (c) => {
      const { id } = c.req.valid('param');
      const { db, now } = c.var.deps;
      return c.json(await createDefaultSheets(db, actorOf(c), now(), id), 200);
    },
  )
  .post(
    '/periods/:id/assignments',
    guard({
      summary: 'Set first and second evaluators in bulk (staff numbers; empty for none); all or nothing',
      tags: ['review'],
      roles: ['hr'],
      upload: { columns: ASSIGNMENT_COLUMNS.required },
    }),
    validate('param', idParam),
    uploadLimit,
    async (c) => {
      const { id } = c.req.valid('param');
      const { db, now } = c.var.deps;
      return c.json(await importAssignments(db, actorOf(c), now(), id, () => uploadedFile(c)), 200);
    },
  )
  .put(
    '/sheets/:id/assignment',
    guard({
      summary: 'Change the evaluators of one sheet (before confirmation)',
      tags: ['review'],
      roles: ['hr'],
    }),
    validate('param', idParam),
    validate(
      'json',
      z
        .object({
          firstStaffNo: z.string().trim().min(1).max(32).nullable(),
          secondStaffNo: z.string().trim().min(1).max(32).nullable(),
        })
        .strict(),
    ),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const { db, now } = c.var.deps;
      await reassignSheet(db, actorOf(c), now(), id, body);
      return c.json({ id, ...body }, 200);
    },
  )
  .get(
    '/periods/:id/progress',
    guard({ summary: 'Progress of a period: sheets by 部 and step', tags: ['review'], roles: ['hr'] }),
    validate('param', idParam),
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json(await progressReport(db, actorOf(c), now(), c.req.valid('param').id), 200);
    },
  )
  .get(
    '/analytics',
    guard({
      summary:
        'Distributions of overall grades by 部, grade and evaluator; five-year trend; evaluator tendencies; first/second agreement',
      tags: ['review'],
      roles: ['hr'],
    }),
    validate('query', z.object({ fiscalYear: fiscalYearText })),
    async (c) => {
      const { db, now } = c.var.deps;
      const report = await analyticsReport(db, actorOf(c), now(), c.req.valid('query').fiscalYear);
      return cachedJson(c, report, (r) => r);
    },
  )
  .get(
    '/periods/:id/export',
    guard({
      summary: 'Export the sheets of a period with their ratings (.xlsx, or CSV in CP932 / UTF-8 with BOM)',
      tags: ['review'],
      roles: ['hr'],
    }),
    validate('param', idParam),
    validate(
      'query',
      z.object({
        format: z.enum(['xlsx', 'csv']).default('xlsx'),
        encoding: z.enum(['cp932', 'utf-8-bom']).default('utf-8-bom'),
      }),
    ),
    async (c) => {
      const { format, encoding } = c.req.valid('query');
      const { db, now } = c.var.deps;
      const file = await exportPeriod(db, actorOf(c), now(), c.req.valid('param').id, format, encoding);
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.filename}"`,
      });
    },
  );
