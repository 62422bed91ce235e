import {
  bumpScoresVersion,
  getApplicant,
  listCriteria,
  listDecisions,
  listRoundsOfPanelist,
  listSheets,
  listStages,
  reopenSheet,
  roundWeights,
  saveSheet,
  sheetStatusesOfRater,
  type Sheet,
} from '@jinzai/db';
import { SCORE_COLUMNS, sheetInputSchema, type User } from '@jinzai/model';
import { Hono, type Context } from 'hono';
import { audit } from '../audit.js';
import type { AppEnv } from '../deps.js';
import { errors } from '../errors.js';
import { currentUser, requireRole } from '../middleware/session.js';
import { describe, validate } from '../openapi.js';
import { exportResults } from '../services/recruitment-export.service.js';
import { importScoresFile } from '../services/recruitment-import.service.js';
import {
  canManage,
  interviewerHasSubmittedAll,
  requirePanel,
  roundFor,
  stageApplicants,
  stageOf,
  stageResults,
} from '../services/recruitment.service.js';
import { uploadedFile, uploadLimit } from '../http/upload.js';
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

type Db = AppEnv['Variables']['deps']['db'];

const sheetJson = (s: Sheet, codes: Map<number, string>) => ({
  rater: s.raterLoginId,
  raterName: s.raterName,
  status: s.status,
  version: s.version,
  submittedAt: s.submittedAt,
  updatedAt: s.updatedAt,
  scores: s.scores.map((x) => ({
    criterion: codes.get(x.criterionId) ?? String(x.criterionId),
    score: x.score,
    note: x.note,
  })),
});

/** The round, stage and applicant of a sheet route, with the caller's access checked (403 off the panel). */
async function sheetContext(c: Context<AppEnv>, p: { id: number; stageId: number; applicantNo: string }) {
  const db = c.var.deps.db;
  const user = currentUser(c);
  const round = await roundFor(db, user, p.id);
  const stage = await stageOf(db, round.id, String(p.stageId));
  await requirePanel(db, user, stage);
  const applicants = await stageApplicants(db, round.id, stage);
  const applicant = applicants.find((a) => a.applicantNo === p.applicantNo);
  if (!applicant) throw errors.notFound('応募者');
  const weights = await roundWeights(db, round);
  const criteria = (await listCriteria(db, round.id)).filter((cr) => weights[cr.layer] > 0);
  return { db, user, round, stage, applicant, criteria, weights };
}

/** Everyone's sheets are visible to recruiters, and to a panel member after submitting their own (DOMAIN §2). */
async function visibleSheets(
  db: Db,
  user: User,
  stageId: number,
  applicantId: number,
): Promise<{ mine: Sheet | null; others: Sheet[] | null }> {
  const sheets = await listSheets(db, stageId, applicantId);
  const mine = sheets.find((s) => s.raterId === user.id) ?? null;
  const open = canManage(user) || mine?.status === 'submitted';
  return { mine, others: open ? sheets.filter((s) => s.raterId !== user.id) : null };
}

/** Scoring, results and exports of a round (INTERFACES "Recruitment"). */
export const recruitmentScoringRoutes = new Hono<AppEnv>()
  .get(
    '/queue',
    describe({
      summary: 'My applicants per stage whose panel I sit on, with my sheets’ status',
      tags,
      roles: PANEL,
    }),
    requireRole(...PANEL),
    async (c) => {
      const db = c.var.deps.db;
      const user = currentUser(c);
      const rounds = await listRoundsOfPanelist(db, user.id);
      const out = [];
      for (const round of rounds.filter((r) => r.status === 'open')) {
        const stages = await listStages(db, round.id);
        const panelStages = [];
        for (const s of stages) {
          const on = await db
            .selectFrom('recruit_panel')
            .select('user_id')
            .where('stage_id', '=', s.id)
            .where('user_id', '=', user.id)
            .executeTakeFirst();
          if (on) panelStages.push(s);
        }
        const sheets = await sheetStatusesOfRater(
          db,
          user.id,
          panelStages.map((s) => s.id),
        );
        for (const stage of panelStages) {
          const applicants = await stageApplicants(db, round.id, stage);
          out.push({
            round: { id: round.id, name: round.name, track: round.track },
            stage: { id: stage.id, name: stage.name },
            applicants: applicants.map((a) => ({
              applicantNo: a.applicantNo,
              name: a.name,
              status:
                sheets.find((s) => s.stageId === stage.id && s.applicantId === a.id)?.status ??
                ('none' as const),
            })),
          });
        }
      }
      await audit(c, { action: 'read', entity: 'recruit_queue', detail: { stages: out.length } });
      return c.json({ stages: out }, 200);
    },
  )
  .get(
    '/rounds/:id/stages/:stageId/sheets/:applicantNo',
    describe({
      summary:
        'The scoring form of an applicant at a stage: criteria with anchors, my sheet, others’ once I submitted',
      tags,
      roles: PANEL,
    }),
    requireRole(...PANEL),
    validate('param', sheetParam),
    async (c) => {
      const x = await sheetContext(c, c.req.valid('param'));
      const codes = new Map(x.criteria.map((cr) => [cr.id, cr.code]));
      const { mine, others } = await visibleSheets(x.db, x.user, x.stage.id, x.applicant.id);
      await audit(c, {
        action: 'read',
        entity: 'recruit_sheet',
        entityId: `${x.round.id}/${x.stage.id}/${x.applicant.applicantNo}`,
      });
      return c.json(
        {
          round: { id: x.round.id, name: x.round.name, track: x.round.track },
          stage: { id: x.stage.id, name: x.stage.name },
          applicant: {
            applicantNo: x.applicant.applicantNo,
            name: x.applicant.name,
            nameKana: x.applicant.nameKana,
          },
          weights: x.weights,
          criteria: x.criteria.filter((cr) => !cr.holistic),
          mine: mine ? sheetJson(mine, codes) : null,
          others: others ? others.map((s) => sheetJson(s, codes)) : null,
        },
        200,
      );
    },
  )
  .put(
    '/rounds/:id/stages/:stageId/sheets/:applicantNo',
    describe({
      summary:
        'Save my sheet as a draft or submit it; `version` is the one read (0 for new): 409 when stale or locked',
      tags,
      roles: PANEL,
    }),
    requireRole(...PANEL),
    validate('param', sheetParam),
    validate('json', sheetInputSchema),
    async (c) => {
      const x = await sheetContext(c, c.req.valid('param'));
      if (
        !(await x.db
          .selectFrom('recruit_panel')
          .select('user_id')
          .where('stage_id', '=', x.stage.id)
          .where('user_id', '=', x.user.id)
          .executeTakeFirst())
      ) {
        throw errors.forbidden();
      }
      const input = c.req.valid('json');
      const byCode = new Map(x.criteria.filter((cr) => !cr.holistic).map((cr) => [cr.code, cr]));
      const details: { path: string; message: string }[] = [];
      const seen = new Set<string>();
      for (const s of input.scores) {
        if (!byCode.has(s.criterion))
          details.push({ path: s.criterion, message: `評価項目「${s.criterion}」はこの選考にありません` });
        if (seen.has(s.criterion)) details.push({ path: s.criterion, message: '同じ評価項目が2回あります' });
        seen.add(s.criterion);
      }
      if (input.submit) {
        for (const cr of byCode.values()) {
          const s = input.scores.find((v) => v.criterion === cr.code);
          if (!s || s.score === null)
            details.push({ path: cr.code, message: `「${cr.nameJa}」を採点してください` });
        }
      }
      if (details.length > 0) {
        throw errors.badRequest(
          input.submit ? '未採点の評価項目があるため提出できません' : '入力内容に誤りがあります',
          details,
        );
      }
      const codes = new Map(x.criteria.map((cr) => [cr.id, cr.code]));
      const result = await x.db.transaction().execute(async (trx) => {
        const r = await saveSheet(trx, {
          stageId: x.stage.id,
          applicantId: x.applicant.id,
          raterId: x.user.id,
          expectedVersion: input.version,
          submit: input.submit,
          now: c.var.deps.now().toISOString(),
          scores: input.scores.map((s) => {
            const cr = byCode.get(s.criterion);
            return {
              criterionId: cr?.id ?? 0,
              layer: cr?.layer ?? 'potential',
              score: s.score,
              note: s.note,
            };
          }),
        });
        if (r.outcome === 'saved') {
          if (input.submit) await bumpScoresVersion(trx, x.round.id);
          await audit(
            c,
            {
              action: input.submit ? 'update' : 'create',
              entity: 'recruit_sheet',
              entityId: `${x.round.id}/${x.stage.id}/${x.applicant.applicantNo}`,
              after: sheetJson(r.sheet, codes),
              detail: { submit: input.submit },
            },
            trx,
          );
        }
        return r;
      });
      if (result.outcome !== 'saved') {
        if (result.outcome === 'locked') {
          throw errors.conflict(
            'この評価票は提出済みのため変更できません。採用担当に差し戻しを依頼してください',
            { current: sheetJson(result.current, codes) },
          );
        }
        throw errors.conflict(
          'この評価票は別の画面で更新されています。最新の内容を確認してから保存し直してください',
          { current: sheetJson(result.current, codes) },
        );
      }
      return c.json(sheetJson(result.sheet, codes), 200);
    },
  )
  .post(
    '/rounds/:id/stages/:stageId/sheets/:applicantNo/reopen',
    describe({ summary: 'Reopen a submitted sheet with a reason (audited)', tags, roles: MANAGE }),
    requireRole(...MANAGE),
    validate('param', sheetParam),
    validate('json', reopenSchema),
    async (c) => {
      const x = await sheetContext(c, c.req.valid('param'));
      const { rater, reason } = c.req.valid('json');
      const sheet = (await listSheets(x.db, x.stage.id, x.applicant.id)).find(
        (s) => s.raterLoginId === rater,
      );
      if (!sheet) throw errors.notFound('評価票');
      if (sheet.status !== 'submitted') throw errors.conflict('この評価票は提出されていません');
      const codes = new Map(x.criteria.map((cr) => [cr.id, cr.code]));
      const reopened = await x.db.transaction().execute(async (trx) => {
        const r = await reopenSheet(trx, sheet.id, c.var.deps.now().toISOString());
        await bumpScoresVersion(trx, x.round.id);
        await audit(
          c,
          {
            action: 'update',
            entity: 'recruit_sheet',
            entityId: `${x.round.id}/${x.stage.id}/${x.applicant.applicantNo}`,
            before: { status: 'submitted', rater },
            after: { status: 'draft', rater },
            detail: { reopen: true, reason },
          },
          trx,
        );
        return r;
      });
      return c.json(reopened ? sheetJson(reopened, codes) : null, 200);
    },
  )
  .get(
    '/rounds/:id/applicants/:applicantNo',
    describe({
      summary: 'An applicant with decisions and, per stage, the sheets I may see',
      tags,
      roles: MANAGE,
    }),
    requireRole(...MANAGE),
    validate('param', applicantParam),
    async (c) => {
      const db = c.var.deps.db;
      const user = currentUser(c);
      const { id, applicantNo } = c.req.valid('param');
      const round = await roundFor(db, user, id);
      const applicant = await getApplicant(db, round.id, applicantNo);
      if (!applicant) throw errors.notFound('応募者');
      const [stages, criteria, decisions, weights] = await Promise.all([
        listStages(db, round.id),
        listCriteria(db, round.id),
        listDecisions(db, round.id),
        roundWeights(db, round),
      ]);
      const codes = new Map(criteria.map((cr) => [cr.id, cr.code]));
      const perStage = [];
      for (const s of stages) {
        const sheets = await listSheets(db, s.id, applicant.id);
        const d = decisions.find((x) => x.stageId === s.id && x.applicantId === applicant.id);
        perStage.push({
          id: s.id,
          name: s.name,
          decision: d ? { decision: d.decision, reason: d.reason, decidedAt: d.decidedAt } : null,
          sheets: sheets.map((sh) => sheetJson(sh, codes)),
        });
      }
      await audit(c, { action: 'read', entity: 'recruit_applicant', entityId: `${round.id}/${applicantNo}` });
      return c.json(
        {
          round: { id: round.id, name: round.name, track: round.track, fiscalYear: round.fiscalYear },
          applicant: {
            applicantNo,
            name: applicant.name,
            nameKana: applicant.nameKana,
            email: applicant.email,
            consent: applicant.consent,
            anonymisedAt: applicant.anonymisedAt,
          },
          weights,
          criteria: criteria.filter((cr) => weights[cr.layer] > 0),
          stages: perStage,
        },
        200,
      );
    },
  )
  .post(
    '/rounds/:id/scores',
    describe({
      summary:
        'Import keyed-in scores (applicant_no,rater,criterion,score[,stage]); replaces existing; all or nothing',
      tags,
      roles: MANAGE,
      upload: { columns: SCORE_COLUMNS.required, optional: SCORE_COLUMNS.optional },
    }),
    requireRole(...MANAGE),
    uploadLimit,
    validate('param', roundParam),
    async (c) => {
      const db = c.var.deps.db;
      const user = currentUser(c);
      const round = await roundFor(db, user, c.req.valid('param').id);
      const { bytes, contentType } = await uploadedFile(c);
      return c.json(
        await importScoresFile(
          db,
          round,
          bytes,
          contentType,
          { userId: user.id, loginId: user.loginId },
          c.var.deps.now(),
        ),
        200,
      );
    },
  )
  .get(
    '/rounds/:id/results',
    describe({
      summary:
        'Results of a stage (default: the first): layer means, weighted and calibrated totals, ranks, reliability, leniency',
      tags,
      roles: PANEL,
      responses: { 200: { description: 'Results', schema: resultsResponse } },
    }),
    requireRole(...PANEL),
    validate('param', roundParam),
    validate('query', stageQuery),
    async (c) => {
      const db = c.var.deps.db;
      const user = currentUser(c);
      const round = await roundFor(db, user, c.req.valid('param').id);
      const stage = await stageOf(db, round.id, c.req.valid('query').stage);
      if (!canManage(user)) {
        await requirePanel(db, user, stage);
        if (!(await interviewerHasSubmittedAll(db, user, round.id, stage))) throw errors.forbidden();
      }
      const results = await stageResults(db, round, stage);
      await audit(c, { action: 'read', entity: 'recruit_results', entityId: `${round.id}/${stage.id}` });
      return c.json(results, 200);
    },
  )
  .get(
    '/rounds/:id/results.xlsx',
    describe({ summary: 'Results of a stage as .xlsx', tags, roles: MANAGE }),
    requireRole(...MANAGE),
    validate('param', roundParam),
    validate('query', exportQuery),
    async (c) => exportResults(c, c.req.valid('param').id, c.req.valid('query'), 'xlsx'),
  )
  .get(
    '/rounds/:id/results.csv',
    describe({
      summary: 'Results of a stage as CSV: ?encoding=cp932 (default) or utf-8 (with BOM)',
      tags,
      roles: MANAGE,
    }),
    requireRole(...MANAGE),
    validate('param', roundParam),
    validate('query', exportQuery),
    async (c) => exportResults(c, c.req.valid('param').id, c.req.valid('query'), 'csv'),
  );
