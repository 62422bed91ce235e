// Interview score sheets: a panel member's queue, the scoring form, saving or submitting a sheet, reopening one.
import {
  bumpScoresVersion,
  listCriteria,
  listRoundsOfPanelist,
  listSheets,
  listStages,
  onPanel,
  reopenSheet,
  roundWeights,
  saveSheet,
  sheetStatusesOfRater,
  type Sheet,
} from '@jinzai/db';
import type { SheetInput, User } from '@jinzai/model';
import { recordAudit } from '../audit.js';
import { errors } from '../errors.js';
import {
  actorOfUser,
  canManage,
  type Db,
  requirePanel,
  stageApplicants,
  stageOfRound,
} from './recruitment-access.service.js';

/** Names the sheet of an applicant at a stage: round id, stage id, applicant number. */
export interface SheetRef {
  id: number;
  stageId: number;
  applicantNo: string;
}

/** A sheet as the API shows it: criteria by code. */
export const sheetJson = (s: Sheet, codes: Map<number, string>) => ({
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

/** The round, stage and applicant of a sheet, with the caller's access checked (403 off the panel). */
async function sheetContext(db: Db, user: User, p: SheetRef) {
  const { round, stage } = await stageOfRound(db, user, p.id, p.stageId);
  await requirePanel(db, user, stage);
  const applicants = await stageApplicants(db, round.id, stage);
  const applicant = applicants.find((a) => a.applicantNo === p.applicantNo);
  if (!applicant) throw errors.notFound('応募者');
  const weights = await roundWeights(db, round);
  const criteria = (await listCriteria(db, round.id)).filter((cr) => weights[cr.layer] > 0);
  const codes = new Map(criteria.map((cr) => [cr.id, cr.code]));
  const entityId = `${round.id}/${stage.id}/${applicant.applicantNo}`;
  return { round, stage, applicant, criteria, weights, codes, entityId };
}

/** My applicants per open round and stage whose panel I sit on, with my sheets' status; the read is audited. */
export async function interviewQueue(db: Db, user: User, now: Date) {
  const out = await panelWork(db, user);
  await recordAudit(db, actorOfUser(user), now, {
    action: 'read',
    entity: 'recruit_queue',
    detail: { stages: out.length },
  });
  return out;
}

/**
 * The stages of open rounds whose panel the user sits on, each with its applicants and the user's sheet status for
 * each (none, draft, submitted), those still to score first: the interview queue, and the scoring left on the
 * to-do list.
 */
export async function panelWork(db: Db, user: User) {
  const rounds = await listRoundsOfPanelist(db, user.id);
  const out = [];
  for (const round of rounds.filter((r) => r.status === 'open')) {
    const panelStages = [];
    for (const s of await listStages(db, round.id)) if (await onPanel(db, s.id, user.id)) panelStages.push(s);
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
        // Those still to score first (drafts and untouched, in applicant order), the submitted after them.
        applicants: applicants
          .map((a) => ({
            applicantNo: a.applicantNo,
            name: a.name,
            status:
              sheets.find((s) => s.stageId === stage.id && s.applicantId === a.id)?.status ??
              ('none' as const),
          }))
          .sort((a, b) => Number(a.status === 'submitted') - Number(b.status === 'submitted')),
      });
    }
  }
  return out;
}

/**
 * The scoring form: criteria with anchors, my sheet, and the others' sheets, which recruiters always see and a
 * panel member once they have submitted their own (docs/domain.md §2). The read is audited.
 */
export async function sheetForm(db: Db, user: User, now: Date, p: SheetRef) {
  const x = await sheetContext(db, user, p);
  const sheets = await listSheets(db, x.stage.id, x.applicant.id);
  const mine = sheets.find((s) => s.raterId === user.id) ?? null;
  const open = canManage(user) || mine?.status === 'submitted';
  const others = open ? sheets.filter((s) => s.raterId !== user.id) : null;
  await recordAudit(db, actorOfUser(user), now, {
    action: 'read',
    entity: 'recruit_sheet',
    entityId: x.entityId,
  });
  return {
    round: { id: x.round.id, name: x.round.name, track: x.round.track },
    stage: { id: x.stage.id, name: x.stage.name },
    applicant: {
      applicantNo: x.applicant.applicantNo,
      name: x.applicant.name,
      nameKana: x.applicant.nameKana,
    },
    weights: x.weights,
    criteria: x.criteria.filter((cr) => !cr.holistic),
    mine: mine ? sheetJson(mine, x.codes) : null,
    others: others ? others.map((s) => sheetJson(s, x.codes)) : null,
  };
}

/**
 * Saves my sheet as a draft or submits it (only panel members score, recruiters included); `version` is the one
 * read: 409 when stale or already submitted. Every criterion must be scored to submit.
 */
export async function saveMySheet(db: Db, user: User, now: Date, p: SheetRef, input: SheetInput) {
  const x = await sheetContext(db, user, p);
  if (!(await onPanel(db, x.stage.id, user.id))) throw errors.forbidden();
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
  // One transaction: a stale or locked sheet throws its 409 inside it, so nothing of the write is kept.
  const saved = await db.transaction().execute(async (trx) => {
    const r = await saveSheet(trx, {
      stageId: x.stage.id,
      applicantId: x.applicant.id,
      raterId: user.id,
      expectedVersion: input.version,
      submit: input.submit,
      now: now.toISOString(),
      scores: input.scores.map((s) => {
        const cr = byCode.get(s.criterion);
        return { criterionId: cr?.id ?? 0, layer: cr?.layer ?? 'potential', score: s.score, note: s.note };
      }),
    });
    if (r.outcome !== 'saved') {
      throw errors.conflict(
        r.outcome === 'locked'
          ? 'この評価票は提出済みのため変更できません。採用担当に差し戻しを依頼してください'
          : 'この評価票は別の画面で更新されています。最新の内容を確認してから保存し直してください',
        { current: sheetJson(r.current, x.codes) },
      );
    }
    if (input.submit) await bumpScoresVersion(trx, x.round.id);
    await recordAudit(trx, actorOfUser(user), now, {
      action: input.submit ? 'update' : 'create',
      entity: 'recruit_sheet',
      entityId: x.entityId,
      after: sheetJson(r.sheet, x.codes),
      detail: { submit: input.submit },
    });
    return r.sheet;
  });
  return sheetJson(saved, x.codes);
}

/** Reopens a rater's submitted sheet with a reason, so that they can change it. */
export async function reopenRaterSheet(
  db: Db,
  user: User,
  now: Date,
  p: SheetRef,
  input: { rater: string; reason: string },
) {
  const x = await sheetContext(db, user, p);
  const { rater, reason } = input;
  const sheet = (await listSheets(db, x.stage.id, x.applicant.id)).find((s) => s.raterLoginId === rater);
  if (!sheet) throw errors.notFound('評価票');
  if (sheet.status !== 'submitted') throw errors.conflict('この評価票は提出されていません');
  const reopened = await db.transaction().execute(async (trx) => {
    const r = await reopenSheet(trx, sheet.id, now.toISOString());
    await bumpScoresVersion(trx, x.round.id);
    await recordAudit(trx, actorOfUser(user), now, {
      action: 'update',
      entity: 'recruit_sheet',
      entityId: x.entityId,
      before: { status: 'submitted', rater },
      after: { status: 'draft', rater },
      detail: { reopen: true, reason },
    });
    return r;
  });
  return reopened ? sheetJson(reopened, x.codes) : null;
}
