// The shape of a round: its stages, the panel of each stage, and the criteria with their anchors.
import {
  addStage,
  bumpScoresVersion,
  listPanels,
  listUsers,
  removeStage,
  renameStage,
  roundWeights,
  saveCriterion,
  setPanel,
  type RoundCriterion,
  type Stage,
} from '@jinzai/db';
import type { LayerCode, User } from '@jinzai/model';
import { audited } from '../audit.js';
import { errors } from '../errors.js';
import { noticePanelMembers } from './notices.service.js';
import { actorOfUser, roundFor, stageOfRound, type Db } from './recruitment-access.service.js';

/** Adds a stage at the end of the round. */
export async function addRoundStage(db: Db, user: User, now: Date, roundId: number, name: string) {
  const round = await roundFor(db, user, roundId);
  return audited(
    db,
    actorOfUser(user),
    now,
    (trx) => addStage(trx, round.id, name),
    (s) => ({ action: 'create', entity: 'recruit_stage', entityId: String(s.id), after: s }),
  );
}

/** Renames a stage. */
export async function renameRoundStage(
  db: Db,
  user: User,
  now: Date,
  roundId: number,
  stageId: number,
  name: string,
): Promise<Stage> {
  const { stage } = await stageOfRound(db, user, roundId, stageId);
  const after = { ...stage, name };
  await audited(
    db,
    actorOfUser(user),
    now,
    async (trx) => {
      await renameStage(trx, stage.id, name);
      // The results name their stage: cached results of every process must not keep the old name.
      await bumpScoresVersion(trx, stage.roundId);
    },
    () => ({ action: 'update', entity: 'recruit_stage', entityId: String(stage.id), before: stage, after }),
  );
  return after;
}

/** Removes a stage that has no sheets or decisions (409 otherwise). */
export async function removeRoundStage(
  db: Db,
  user: User,
  now: Date,
  roundId: number,
  stageId: number,
): Promise<void> {
  const { stage } = await stageOfRound(db, user, roundId, stageId);
  const removed = await audited(
    db,
    actorOfUser(user),
    now,
    (trx) => removeStage(trx, stage.id),
    (ok) =>
      ok ? { action: 'delete', entity: 'recruit_stage', entityId: String(stage.id), before: stage } : null,
  );
  if (!removed) throw errors.conflict('評価票または合否が記録された選考段階は削除できません');
}

/** Sets the panel of a stage; every login must be a user with the interviewer role (400 naming the others). */
export async function setStagePanel(
  db: Db,
  user: User,
  now: Date,
  roundId: number,
  stageId: number,
  loginIds: string[],
): Promise<{ stageId: number; loginIds: string[] }> {
  const { round, stage } = await stageOfRound(db, user, roundId, stageId);
  const byLogin = new Map((await listUsers(db)).map((u) => [u.loginId, u]));
  const details = loginIds
    .filter((l) => !byLogin.get(l)?.roles.includes('interviewer'))
    .map((l) => ({ path: 'loginIds', message: `「${l}」は面接官として登録されていません` }));
  if (details.length > 0) throw errors.badRequest('面接官でない利用者が含まれています', details);
  const ids = loginIds.map((l) => byLogin.get(l)?.id ?? 0);
  await audited(
    db,
    actorOfUser(user),
    now,
    async (trx) => {
      const before = (await listPanels(trx, round.id))
        .filter((m) => m.stageId === stage.id)
        .map((m) => m.userId);
      await setPanel(trx, stage.id, ids);
      // The interviewers new to the panel are told (docs/domain.md §12).
      await noticePanelMembers(
        trx,
        { roundName: round.name, stageId: stage.id, stageName: stage.name, before, after: ids },
        now,
      );
    },
    () => ({ action: 'update', entity: 'recruit_panel', entityId: String(stage.id), after: loginIds }),
  );
  return { stageId: stage.id, loginIds };
}

export interface CriterionInput {
  layer: LayerCode;
  nameJa: string;
  nameEn: string;
  anchorsJa: string[];
  questionsJa: string[];
}

/** Adds or edits a criterion with its five anchors; none may sit under a layer of weight 0. */
export async function saveRoundCriterion(
  db: Db,
  user: User,
  now: Date,
  roundId: number,
  code: string,
  input: CriterionInput,
): Promise<RoundCriterion> {
  const round = await roundFor(db, user, roundId);
  if (!((await roundWeights(db, round))[input.layer] > 0)) {
    throw errors.badRequest('この採用区分では配点が0の階層です', [
      { path: 'layer', message: '配点が0の階層には評価項目を置けません' },
    ]);
  }
  if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(code)) {
    throw errors.badRequest('評価項目のコードは英小文字・数字・. _ - で指定してください');
  }
  return audited(
    db,
    actorOfUser(user),
    now,
    async (trx) => {
      const saved = await saveCriterion(trx, round.id, {
        ...input,
        nameEn: input.nameEn || input.nameJa,
        code,
      });
      // A criterion's layer and names are part of the results (layer means, disagreement).
      await bumpScoresVersion(trx, round.id);
      return saved;
    },
    (r) => ({ action: 'update', entity: 'recruit_criterion', entityId: `${round.id}/${code}`, after: r }),
  );
}
