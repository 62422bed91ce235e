import {
  addStage,
  anonymiseExpiredApplicants,
  bumpScoresVersion,
  createRound,
  getApplicant,
  listApplicants,
  listCriteria,
  listDecisions,
  listPanels,
  listRounds,
  listRoundsOfPanelist,
  listStages,
  listUsers,
  removeStage,
  renameStage,
  roundWeights,
  saveCriterion,
  saveDecision,
  setPanel,
  sheetCountsByStage,
  updateRound,
} from '@jinzai/db';
import { APPLICANT_COLUMNS, newRoundSchema } from '@jinzai/model';
import { Hono, type Context } from 'hono';
import { audit } from '../audit.js';
import type { AppEnv } from '../deps.js';
import { errors } from '../errors.js';
import { currentUser, requireRole } from '../middleware/session.js';
import { actorOf } from '../http/actor.js';
import { describe, validate } from '../openapi.js';
import { importApplicantsFile } from '../services/recruitment-import.service.js';
import {
  canManage,
  roundFor,
  stageApplicants,
  stageOf,
  requirePanel,
} from '../services/recruitment.service.js';
import { uploadedFile, uploadLimit } from '../http/upload.js';
import { addOneApplicant } from './recruitment-applicant.js';
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

const now = (c: Context<AppEnv>) => c.var.deps.now().toISOString();

/** Recruitment rounds (INTERFACES "Recruitment"): recruiters and HR manage; interviewers see their panels' stages. */
export const recruitmentRoutes = new Hono<AppEnv>()
  .get(
    '/rounds',
    describe({
      summary: 'Rounds: all for recruiters, those with a panel of mine for interviewers',
      tags,
      roles: PANEL,
    }),
    requireRole(...PANEL),
    async (c) => {
      const user = currentUser(c);
      const rounds = canManage(user)
        ? await listRounds(c.var.deps.db)
        : await listRoundsOfPanelist(c.var.deps.db, user.id);
      return c.json({ rounds }, 200);
    },
  )
  .post(
    '/rounds',
    describe({
      summary:
        'Create a round with its stages and the default criteria; it keeps the weights version in force',
      tags,
      roles: MANAGE,
      responses: { 201: { description: 'Created', schema: roundResponse } },
    }),
    requireRole(...MANAGE),
    validate('json', newRoundSchema),
    async (c) => {
      const input = c.req.valid('json');
      const round = await c.var.deps.db.transaction().execute(async (trx) => {
        const r = await createRound(trx, input, currentUser(c).id, now(c));
        await audit(c, { action: 'create', entity: 'recruit_round', entityId: String(r.id), after: r }, trx);
        return r;
      });
      return c.json(round, 201);
    },
  )
  .get(
    '/interviewers',
    describe({ summary: 'Users with the interviewer role, for panels', tags, roles: MANAGE }),
    requireRole(...MANAGE),
    async (c) => {
      const users = (await listUsers(c.var.deps.db)).filter((u) => u.roles.includes('interviewer'));
      return c.json(
        { interviewers: users.map((u) => ({ loginId: u.loginId, displayName: u.displayName })) },
        200,
      );
    },
  )
  .post(
    '/retention/run',
    describe({
      summary: 'Anonymise the personal data of applicants whose retention period has ended (scores stay)',
      tags,
      roles: ['hr'],
    }),
    requireRole('hr'),
    async (c) => {
      const rounds = await c.var.deps.db.transaction().execute(async (trx) => {
        const done = await anonymiseExpiredApplicants(trx, now(c));
        for (const r of done) await bumpScoresVersion(trx, r.roundId);
        await audit(c, { action: 'update', entity: 'recruit_retention', detail: { rounds: done } }, trx);
        return done;
      });
      return c.json({ rounds, applicants: rounds.reduce((s, r) => s + r.applicants, 0) }, 200);
    },
  )
  .get(
    '/rounds/:id',
    describe({
      summary: 'A round: stages with panels and sheet counts, criteria, weights',
      tags,
      roles: PANEL,
    }),
    requireRole(...PANEL),
    validate('param', roundParam),
    async (c) => {
      const db = c.var.deps.db;
      const user = currentUser(c);
      const round = await roundFor(db, user, c.req.valid('param').id);
      const [stages, panels, criteria, weights, counts, applicants] = await Promise.all([
        listStages(db, round.id),
        listPanels(db, round.id),
        listCriteria(db, round.id),
        roundWeights(db, round),
        sheetCountsByStage(db, round.id),
        listApplicants(db, round.id),
      ]);
      return c.json(
        {
          round,
          weights,
          canManage: canManage(user),
          applicants: applicants.length,
          stages: stages.map((s) => ({
            ...s,
            panel: panels
              .filter((p) => p.stageId === s.id)
              .map((p) => ({ loginId: p.loginId, displayName: p.displayName })),
            mine: panels.some((p) => p.stageId === s.id && p.userId === user.id),
            sheets: counts.get(s.id) ?? { submitted: 0, draft: 0 },
          })),
          criteria,
        },
        200,
      );
    },
  )
  .patch(
    '/rounds/:id',
    describe({ summary: 'Rename, close or reopen a round; set its retention period', tags, roles: MANAGE }),
    requireRole(...MANAGE),
    validate('param', roundParam),
    validate('json', roundUpdateSchema),
    async (c) => {
      const db = c.var.deps.db;
      const before = await roundFor(db, currentUser(c), c.req.valid('param').id);
      const after = await db.transaction().execute(async (trx) => {
        const r = await updateRound(trx, before.id, c.req.valid('json'), now(c));
        await audit(
          c,
          { action: 'update', entity: 'recruit_round', entityId: String(before.id), before, after: r },
          trx,
        );
        return r;
      });
      return c.json(after, 200);
    },
  )
  .post(
    '/rounds/:id/stages',
    describe({ summary: 'Add a stage at the end', tags, roles: MANAGE }),
    requireRole(...MANAGE),
    validate('param', roundParam),
    validate('json', stageNameSchema),
    async (c) => {
      const round = await roundFor(c.var.deps.db, currentUser(c), c.req.valid('param').id);
      const stage = await c.var.deps.db.transaction().execute(async (trx) => {
        const s = await addStage(trx, round.id, c.req.valid('json').name);
        await audit(c, { action: 'create', entity: 'recruit_stage', entityId: String(s.id), after: s }, trx);
        return s;
      });
      return c.json(stage, 201);
    },
  )
  .patch(
    '/rounds/:id/stages/:stageId',
    describe({ summary: 'Rename a stage', tags, roles: MANAGE }),
    requireRole(...MANAGE),
    validate('param', stageParam),
    validate('json', stageNameSchema),
    async (c) => {
      const { id, stageId } = c.req.valid('param');
      const round = await roundFor(c.var.deps.db, currentUser(c), id);
      const stage = await stageOf(c.var.deps.db, round.id, String(stageId));
      const { name } = c.req.valid('json');
      await c.var.deps.db.transaction().execute(async (trx) => {
        await renameStage(trx, stage.id, name);
        await audit(
          c,
          {
            action: 'update',
            entity: 'recruit_stage',
            entityId: String(stage.id),
            before: stage,
            after: { ...stage, name },
          },
          trx,
        );
      });
      return c.json({ ...stage, name }, 200);
    },
  )
  .delete(
    '/rounds/:id/stages/:stageId',
    describe({
      summary: 'Remove a stage that has no sheets or decisions (409 otherwise)',
      tags,
      roles: MANAGE,
    }),
    requireRole(...MANAGE),
    validate('param', stageParam),
    async (c) => {
      const { id, stageId } = c.req.valid('param');
      const round = await roundFor(c.var.deps.db, currentUser(c), id);
      const stage = await stageOf(c.var.deps.db, round.id, String(stageId));
      const removed = await c.var.deps.db.transaction().execute(async (trx) => {
        const ok = await removeStage(trx, stage.id);
        if (ok)
          await audit(
            c,
            { action: 'delete', entity: 'recruit_stage', entityId: String(stage.id), before: stage },
            trx,
          );
        return ok;
      });
      if (!removed) throw errors.conflict('評価票または合否が記録された選考段階は削除できません');
      return c.json({ removed: true }, 200);
    },
  )
  .put(
    '/rounds/:id/stages/:stageId/panel',
    describe({ summary: 'Set the panel of a stage (users with the interviewer role)', tags, roles: MANAGE }),
    requireRole(...MANAGE),
    validate('param', stageParam),
    validate('json', panelSchema),
    async (c) => {
      const db = c.var.deps.db;
      const { id, stageId } = c.req.valid('param');
      const round = await roundFor(db, currentUser(c), id);
      const stage = await stageOf(db, round.id, String(stageId));
      const users = await listUsers(db);
      const byLogin = new Map(users.map((u) => [u.loginId, u]));
      const details = c.req
        .valid('json')
        .loginIds.filter((l) => !byLogin.get(l)?.roles.includes('interviewer'))
        .map((l) => ({ path: 'loginIds', message: `「${l}」は面接官として登録されていません` }));
      if (details.length > 0) throw errors.badRequest('面接官でない利用者が含まれています', details);
      const ids = c.req.valid('json').loginIds.map((l) => byLogin.get(l)?.id ?? 0);
      await db.transaction().execute(async (trx) => {
        await setPanel(trx, stage.id, ids);
        await audit(
          c,
          {
            action: 'update',
            entity: 'recruit_panel',
            entityId: String(stage.id),
            after: c.req.valid('json').loginIds,
          },
          trx,
        );
      });
      return c.json({ stageId: stage.id, loginIds: c.req.valid('json').loginIds }, 200);
    },
  )
  .put(
    '/rounds/:id/criteria/:code',
    describe({
      summary: 'Add or edit a criterion with its five anchors (not under a layer of weight 0)',
      tags,
      roles: MANAGE,
    }),
    requireRole(...MANAGE),
    validate('param', criterionParam),
    validate('json', criterionSchema),
    async (c) => {
      const db = c.var.deps.db;
      const { id, code } = c.req.valid('param');
      const round = await roundFor(db, currentUser(c), id);
      const input = c.req.valid('json');
      if (!((await roundWeights(db, round))[input.layer] > 0)) {
        throw errors.badRequest('この採用区分では配点が0の階層です', [
          { path: 'layer', message: '配点が0の階層には評価項目を置けません' },
        ]);
      }
      if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(code)) {
        throw errors.badRequest('評価項目のコードは英小文字・数字・. _ - で指定してください');
      }
      const saved = await db.transaction().execute(async (trx) => {
        const r = await saveCriterion(trx, round.id, {
          ...input,
          nameEn: input.nameEn || input.nameJa,
          code,
        });
        await audit(
          c,
          { action: 'update', entity: 'recruit_criterion', entityId: `${round.id}/${code}`, after: r },
          trx,
        );
        return r;
      });
      return c.json(saved, 200);
    },
  )
  .get(
    '/rounds/:id/applicants',
    describe({
      summary:
        'Applicants of a round (interviewers: those of a stage whose panel they sit on, ?stage= required)',
      tags,
      roles: PANEL,
    }),
    requireRole(...PANEL),
    validate('param', roundParam),
    validate('query', stageQuery),
    async (c) => {
      const db = c.var.deps.db;
      const user = currentUser(c);
      const round = await roundFor(db, user, c.req.valid('param').id);
      const ref = c.req.valid('query').stage;
      if (!canManage(user) && !ref) throw errors.forbidden();
      const stage = ref ? await stageOf(db, round.id, ref) : undefined;
      if (stage) await requirePanel(db, user, stage);
      const [applicants, decisions] = await Promise.all([
        stage ? stageApplicants(db, round.id, stage) : listApplicants(db, round.id),
        listDecisions(db, round.id),
      ]);
      await audit(c, {
        action: 'read',
        entity: 'recruit_applicants',
        entityId: String(round.id),
        detail: { stage: stage?.id ?? null, count: applicants.length },
      });
      return c.json(
        {
          applicants: applicants.map((a) => ({
            applicantNo: a.applicantNo,
            name: a.name,
            nameKana: a.nameKana,
            email: canManage(user) ? a.email : null,
            consent: a.consent,
            anonymised: a.anonymisedAt !== null,
            decisions: Object.fromEntries(
              decisions
                .filter((d) => d.applicantId === a.id)
                .map((d) => [String(d.stageId), { decision: d.decision, reason: d.reason }]),
            ),
          })),
        },
        200,
      );
    },
  )
  .post(
    '/rounds/:id/applicants',
    describe({
      summary:
        'Import applicants (CSV/.xlsx, all or nothing), or add one (JSON); duplicates by number or name + email refused',
      tags,
      roles: MANAGE,
      upload: { columns: APPLICANT_COLUMNS.required, optional: APPLICANT_COLUMNS.optional },
    }),
    requireRole(...MANAGE),
    uploadLimit,
    validate('param', roundParam),
    async (c) => {
      const db = c.var.deps.db;
      const round = await roundFor(db, currentUser(c), c.req.valid('param').id);
      if (/^application\/json/i.test(c.req.header('content-type') ?? '')) {
        return c.json(await addOneApplicant(c, round.id), 201);
      }
      const { bytes, contentType } = await uploadedFile(c);
      return c.json(
        await importApplicantsFile(db, round, bytes, contentType, actorOf(c), c.var.deps.now()),
        200,
      );
    },
  )
  .put(
    '/rounds/:id/stages/:stageId/decisions/:applicantNo',
    describe({
      summary: 'Record pass / hold / fail with a reason for an applicant at a stage (audited)',
      tags,
      roles: MANAGE,
    }),
    requireRole(...MANAGE),
    validate('param', applicantParam.extend({ stageId: stageParam.shape.stageId })),
    validate('json', decisionSchema),
    async (c) => {
      const db = c.var.deps.db;
      const { id, stageId, applicantNo } = c.req.valid('param');
      const round = await roundFor(db, currentUser(c), id);
      const stage = await stageOf(db, round.id, String(stageId));
      const applicant = await getApplicant(db, round.id, applicantNo);
      if (!applicant) throw errors.notFound('応募者');
      const input = c.req.valid('json');
      const record = {
        stageId: stage.id,
        applicantId: applicant.id,
        decision: input.decision,
        reason: input.reason,
        decidedAt: now(c),
        decidedBy: currentUser(c).id,
      };
      await db.transaction().execute(async (trx) => {
        const before = await saveDecision(trx, record);
        await bumpScoresVersion(trx, round.id);
        await audit(
          c,
          {
            action: before ? 'update' : 'create',
            entity: 'recruit_decision',
            entityId: `${round.id}/${stage.id}/${applicantNo}`,
            before,
            after: record,
          },
          trx,
        );
      });
      return c.json({ applicantNo, stageId: stage.id, decision: input.decision, reason: input.reason }, 200);
    },
  )
  .route('/', recruitmentScoringRoutes);
