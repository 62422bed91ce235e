// Recruitment rounds (docs/interfaces.md "Recruitment"): recruiters and HR manage rounds, stages, panels,
// criteria, applicants and decisions; interviewers see the stages whose panel they sit on. Scoring and
// results are in recruitment-scoring.routes.ts.
import { APPLICANT_COLUMNS, newRoundSchema } from '@jinzai/model';
import { Hono } from 'hono';
import type { AppEnv } from '../deps.js';
import { guard } from '../http/guard.js';
import { actorOf } from '../http/actor.js';
import { uploadedFile, uploadLimit } from '../http/upload.js';
import { currentUser } from '../middleware/session.js';
import { validate } from '../openapi.js';
import {
  addApplicant,
  listRoundApplicants,
  recordDecision,
} from '../services/recruitment-applicants.service.js';
import { importApplicantsForRound } from '../services/recruitment-import.service.js';
import {
  createRecruitRound,
  listInterviewers,
  roundOverview,
  roundsFor,
  runRetention,
  updateRecruitRound,
} from '../services/recruitment-rounds.service.js';
import {
  addRoundStage,
  removeRoundStage,
  renameRoundStage,
  saveRoundCriterion,
  setStagePanel,
} from '../services/recruitment-stages.service.js';
import { applicantFromJson } from './recruitment-applicant.js';
import {
  applicantParam,
  criterionParam,
  criterionSchema,
  decisionSchema,
  panelSchema,
  roundParam,
  roundResponse,
  roundUpdateSchema,
  stageNameSchema,
  stageParam,
  stageQuery,
} from './recruitment-schemas.js';
import { recruitmentScoringRoutes } from './recruitment-scoring.routes.js';

const MANAGE = ['recruiter'] as const;
const PANEL = ['recruiter', 'interviewer'] as const;
const tags = ['recruitment'];

export const recruitmentRoutes = new Hono<AppEnv>()
  .get(
    '/rounds',
    guard({
      summary: 'Rounds: all for recruiters, those with a panel of mine for interviewers',
      tags,
      roles: PANEL,
    }),
    async (c) => c.json({ rounds: await roundsFor(c.var.deps.db, currentUser(c)) }, 200),
  )
  .post(
    '/rounds',
    guard({
      summary:
        'Create a round with its stages and the default criteria; it keeps the weights version in force',
      tags,
      roles: MANAGE,
      responses: { 201: { description: 'Created', schema: roundResponse } },
    }),
    validate('json', newRoundSchema),
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json(await createRecruitRound(db, currentUser(c), now(), c.req.valid('json')), 201);
    },
  )
  .get(
    '/interviewers',
    guard({ summary: 'Users with the interviewer role, for panels', tags, roles: MANAGE }),
    async (c) => c.json({ interviewers: await listInterviewers(c.var.deps.db) }, 200),
  )
  .post(
    '/retention/run',
    guard({
      summary: 'Anonymise the personal data of applicants whose retention period has ended (scores stay)',
      tags,
      roles: ['hr'],
    }),
    async (c) => c.json(await runRetention(c.var.deps.db, actorOf(c), c.var.deps.now()), 200),
  )
  .get(
    '/rounds/:id',
    guard({
      summary: 'A round: stages with panels and sheet counts, criteria, weights',
      tags,
      roles: PANEL,
    }),
    validate('param', roundParam),
    async (c) => c.json(await roundOverview(c.var.deps.db, currentUser(c), c.req.valid('param').id), 200),
  )
  .patch(
    '/rounds/:id',
    guard({ summary: 'Rename, close or reopen a round; set its retention period', tags, roles: MANAGE }),
    validate('param', roundParam),
    validate('json', roundUpdateSchema),
    async (c) => {
      const { db, now } = c.var.deps;
      const { id } = c.req.valid('param');
      return c.json(await updateRecruitRound(db, currentUser(c), now(), id, c.req.valid('json')), 200);
    },
  )
  .post(
    '/rounds/:id/stages',
    guard({ summary: 'Add a stage at the end', tags, roles: MANAGE }),
    validate('param', roundParam),
    validate('json', stageNameSchema),
    async (c) => {
      const { db, now } = c.var.deps;
      const { id } = c.req.valid('param');
      return c.json(await addRoundStage(db, currentUser(c), now(), id, c.req.valid('json').name), 201);
    },
  )
  .patch(
    '/rounds/:id/stages/:stageId',
    guard({ summary: 'Rename a stage', tags, roles: MANAGE }),
    validate('param', stageParam),
    validate('json', stageNameSchema),
    async (c) => {
      const { db, now } = c.var.deps;
      const { id, stageId } = c.req.valid('param');
      const { name } = c.req.valid('json');
      return c.json(await renameRoundStage(db, currentUser(c), now(), id, stageId, name), 200);
    },
  )
  .delete(
    '/rounds/:id/stages/:stageId',
    guard({
      summary: 'Remove a stage that has no sheets or decisions (409 otherwise)',
      tags,
      roles: MANAGE,
    }),
    validate('param', stageParam),
    async (c) => {
      const { db, now } = c.var.deps;
      const { id, stageId } = c.req.valid('param');
      await removeRoundStage(db, currentUser(c), now(), id, stageId);
      return c.json({ removed: true }, 200);
    },
  )
  .put(
    '/rounds/:id/stages/:stageId/panel',
    guard({ summary: 'Set the panel of a stage (users with the interviewer role)', tags, roles: MANAGE }),
    validate('param', stageParam),
    validate('json', panelSchema),
    async (c) => {
      const { db, now } = c.var.deps;
      const { id, stageId } = c.req.valid('param');
      const { loginIds } = c.req.valid('json');
      return c.json(await setStagePanel(db, currentUser(c), now(), id, stageId, loginIds), 200);
    },
  )
  .put(
    '/rounds/:id/criteria/:code',
    guard({
      summary: 'Add or edit a criterion with its five anchors (not under a layer of weight 0)',
      tags,
      roles: MANAGE,
    }),
    validate('param', criterionParam),
    validate('json', criterionSchema),
    async (c) => {
      const { db, now } = c.var.deps;
      const { id, code } = c.req.valid('param');
      return c.json(await saveRoundCriterion(db, currentUser(c), now(), id, code, c.req.valid('json')), 200);
    },
  )
  .get(
    '/rounds/:id/applicants',
    guard({
      summary:
        'Applicants of a round (interviewers: those of a stage whose panel they sit on, ?stage= required)',
      tags,
      roles: PANEL,
    }),
    validate('param', roundParam),
    validate('query', stageQuery),
    async (c) => {
      const { db, now } = c.var.deps;
      const { id } = c.req.valid('param');
      const applicants = await listRoundApplicants(db, currentUser(c), now(), id, c.req.valid('query').stage);
      return c.json({ applicants }, 200);
    },
  )
  .post(
    '/rounds/:id/applicants',
    guard({
      summary:
        'Import applicants (CSV/.xlsx, all or nothing), or add one (JSON); duplicates by number or name + email refused',
      tags,
      roles: MANAGE,
      upload: { columns: APPLICANT_COLUMNS.required, optional: APPLICANT_COLUMNS.optional },
    }),
    uploadLimit,
    validate('param', roundParam),
    async (c) => {
      const { db, now } = c.var.deps;
      const { id } = c.req.valid('param');
      if (/^application\/json/i.test(c.req.header('content-type') ?? '')) {
        const row = await applicantFromJson(c);
        return c.json(await addApplicant(db, currentUser(c), now(), id, row), 201);
      }
      const file = await uploadedFile(c);
      return c.json(await importApplicantsForRound(db, currentUser(c), now(), id, file), 200);
    },
  )
  .put(
    '/rounds/:id/stages/:stageId/decisions/:applicantNo',
    guard({
      summary: 'Record pass / hold / fail with a reason for an applicant at a stage (audited)',
      tags,
      roles: MANAGE,
    }),
    validate('param', applicantParam.extend({ stageId: stageParam.shape.stageId })),
    validate('json', decisionSchema),
    async (c) => {
      const { db, now } = c.var.deps;
      const { id, stageId, applicantNo } = c.req.valid('param');
      const ref = { roundId: id, stageId, applicantNo };
      return c.json(await recordDecision(db, currentUser(c), now(), ref, c.req.valid('json')), 200);
    },
  )
  .route('/', recruitmentScoringRoutes);
