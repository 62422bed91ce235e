// Scoring, results and exports of a round (docs/interfaces.md "Recruitment"): the interview queue, score
// sheets, an applicant's page, the keyed-in scores import, and a stage's results as JSON, .xlsx or CSV.
import { SCORE_COLUMNS, sheetInputSchema } from '@jinzai/model';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../deps.js';
import { guard } from '../http/guard.js';
import { uploadedFile, uploadLimit } from '../http/upload.js';
import { currentUser } from '../middleware/session.js';
import { validate } from '../openapi.js';
import { applicantDetail } from '../services/recruitment-applicants.service.js';
import { exportResults, type ExportFile } from '../services/recruitment-export.service.js';
import { importScoresForRound } from '../services/recruitment-import.service.js';
import { resultsFor } from '../services/recruitment-results.service.js';
import {
  interviewQueue,
  reopenRaterSheet,
  saveMySheet,
  sheetForm,
} from '../services/recruitment-sheets.service.js';
import {
  applicantParam,
  exportQuery,
  reopenSchema,
  resultsResponse,
  roundParam,
  sheetParam,
  stageQuery,
} from './recruitment-schemas.js';

const MANAGE = ['recruiter'] as const;
const PANEL = ['recruiter', 'interviewer'] as const;
const tags = ['recruitment'];

/** A file as a download. */
const attachment = (c: Context<AppEnv>, file: ExportFile) =>
  c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': file.contentType,
    'content-disposition': `attachment; filename="${file.fileName}"`,
  });

export const recruitmentScoringRoutes = new Hono<AppEnv>()
  .get(
    '/queue',
    guard({
      summary: 'My applicants per stage whose panel I sit on, with my sheets’ status',
      tags,
      roles: PANEL,
    }),
    async (c) =>
      c.json({ stages: await interviewQueue(c.var.deps.db, currentUser(c), c.var.deps.now()) }, 200),
  )
  .get(
    '/rounds/:id/stages/:stageId/sheets/:applicantNo',
    guard({
      summary:
        'The scoring form of an applicant at a stage: criteria with anchors, my sheet, others’ once I submitted',
      tags,
      roles: PANEL,
    }),
    validate('param', sheetParam),
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json(await sheetForm(db, currentUser(c), now(), c.req.valid('param')), 200);
    },
  )
  .put(
    '/rounds/:id/stages/:stageId/sheets/:applicantNo',
    guard({
      summary:
        'Save my sheet as a draft or submit it; `version` is the one read (0 for new): 409 when stale or locked',
      tags,
      roles: PANEL,
    }),
    validate('param', sheetParam),
    validate('json', sheetInputSchema),
    async (c) => {
      const { db, now } = c.var.deps;
      const sheet = await saveMySheet(db, currentUser(c), now(), c.req.valid('param'), c.req.valid('json'));
      return c.json(sheet, 200);
    },
  )
  .post(
    '/rounds/:id/stages/:stageId/sheets/:applicantNo/reopen',
    guard({ summary: 'Reopen a submitted sheet with a reason (audited)', tags, roles: MANAGE }),
    validate('param', sheetParam),
    validate('json', reopenSchema),
    async (c) => {
      const { db, now } = c.var.deps;
      const sheet = await reopenRaterSheet(
        db,
        currentUser(c),
        now(),
        c.req.valid('param'),
        c.req.valid('json'),
      );
      return c.json(sheet, 200);
    },
  )
  .get(
    '/rounds/:id/applicants/:applicantNo',
    guard({
      summary: 'An applicant with decisions and, per stage, the sheets I may see',
      tags,
      roles: MANAGE,
    }),
    validate('param', applicantParam),
    async (c) => {
      const { db, now } = c.var.deps;
      const { id, applicantNo } = c.req.valid('param');
      return c.json(await applicantDetail(db, currentUser(c), now(), id, applicantNo), 200);
    },
  )
  .post(
    '/rounds/:id/scores',
    guard({
      summary:
        'Import keyed-in scores (applicant_no,rater,criterion,score[,stage]); replaces existing; all or nothing',
      tags,
      roles: MANAGE,
      upload: { columns: SCORE_COLUMNS.required, optional: SCORE_COLUMNS.optional },
    }),
    uploadLimit,
    validate('param', roundParam),
    async (c) => {
      const { db, now } = c.var.deps;
      const file = await uploadedFile(c);
      return c.json(
        await importScoresForRound(db, currentUser(c), now(), c.req.valid('param').id, file),
        200,
      );
    },
  )
  .get(
    '/rounds/:id/results',
    guard({
      summary:
        'Results of a stage (default: the first): layer means, weighted and calibrated totals, ranks, reliability, leniency',
      tags,
      roles: PANEL,
      responses: { 200: { description: 'Results', schema: resultsResponse } },
    }),
    validate('param', roundParam),
    validate('query', stageQuery),
    async (c) => {
      const { db, now } = c.var.deps;
      const { id } = c.req.valid('param');
      return c.json(await resultsFor(db, currentUser(c), now(), id, c.req.valid('query').stage), 200);
    },
  )
  .get(
    '/rounds/:id/results.xlsx',
    guard({ summary: 'Results of a stage as .xlsx', tags, roles: MANAGE }),
    validate('param', roundParam),
    validate('query', exportQuery),
    async (c) => {
      const { db, now } = c.var.deps;
      const { id } = c.req.valid('param');
      return attachment(c, await exportResults(db, currentUser(c), now(), id, c.req.valid('query'), 'xlsx'));
    },
  )
  .get(
    '/rounds/:id/results.csv',
    guard({
      summary: 'Results of a stage as CSV: ?encoding=cp932 (default) or utf-8 (with BOM)',
      tags,
      roles: MANAGE,
    }),
    validate('param', roundParam),
    validate('query', exportQuery),
    async (c) => {
      const { db, now } = c.var.deps;
      const { id } = c.req.valid('param');
      return attachment(c, await exportResults(db, currentUser(c), now(), id, c.req.valid('query'), 'csv'));
    },
  );
