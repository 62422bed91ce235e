// Recruitment rounds: listing, creating, the overview of one round, updating, and the retention run
// (docs/domain.md §2).
import {
  anonymiseExpiredApplicants,
  bumpScoresVersion,
  createRound,
  getRound,
  listApplicants,
  listCriteria,
  listPanels,
  listRounds,
  listRoundsOfPanelist,
  listStages,
  listUsers,
  roundWeights,
  sheetCountsByStage,
  updateRound,
  type CreateRoundInput,
  type Round,
  type RoundUpdate,
} from '@jinzai/db';
import type { User } from '@jinzai/model';
import { audited, recordAudit } from '../audit.js';
import { errors } from '../errors.js';
import type { Actor } from './actor.js';
import { actorOfUser, canManage, roundFor, type Db } from './recruitment-access.service.js';

/** All rounds for recruiters; for an interviewer, those with a panel they sit on. */
export async function roundsFor(db: Db, user: User): Promise<Round[]> {
  return canManage(user) ? listRounds(db) : listRoundsOfPanelist(db, user.id);
}

/** Creates a round with its stages and default criteria; it keeps the weights version in force. */
export async function createRecruitRound(
  db: Db,
  user: User,
  now: Date,
  input: CreateRoundInput,
): Promise<Round> {
  return audited(
    db,
    actorOfUser(user),
    now,
    (trx) => createRound(trx, input, user.id, now.toISOString()),
    (r) => ({ action: 'create', entity: 'recruit_round', entityId: String(r.id), after: r }),
  );
}

/** The users with the interviewer role, who may sit on a panel. */
export async function listInterviewers(db: Db): Promise<{ loginId: string; displayName: string }[]> {
  return (await listUsers(db))
    .filter((u) => u.roles.includes('interviewer'))
    .map((u) => ({ loginId: u.loginId, displayName: u.displayName }));
}

/** Anonymises the applicants whose retention period has ended (scores stay), round by round. */
export async function runRetention(db: Db, actor: Actor, now: Date) {
  const rounds = await db.transaction().execute(async (trx) => {
    const done = await anonymiseExpiredApplicants(trx, now.toISOString());
    for (const r of done) await bumpScoresVersion(trx, r.roundId);
    await recordAudit(trx, actor, now, {
      action: 'update',
      entity: 'recruit_retention',
      detail: { rounds: done },
    });
    return done;
  });
  return { rounds, applicants: rounds.reduce((s, r) => s + r.applicants, 0) };
}

/** A round as its page shows it: stages with panels and sheet counts, criteria, weights. */
export async function roundOverview(db: Db, user: User, id: number) {
  const round = await roundFor(db, user, id);
  const [stages, panels, criteria, weights, counts, applicants] = await Promise.all([
    listStages(db, round.id),
    listPanels(db, round.id),
    listCriteria(db, round.id),
    roundWeights(db, round),
    sheetCountsByStage(db, round.id),
    listApplicants(db, round.id),
  ]);
  return {
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
  };
}

/** Renames, closes or reopens a round, or sets its retention period. */
export async function updateRecruitRound(
  db: Db,
  user: User,
  now: Date,
  id: number,
  input: RoundUpdate,
): Promise<Round | undefined> {
  const before = await roundFor(db, user, id);
  return audited(
    db,
    actorOfUser(user),
    now,
    async (trx) => {
      // The results carry the round's name: cached results of every process are keyed by this version.
      await bumpScoresVersion(trx, before.id);
      const r = await updateRound(trx, before.id, input, now.toISOString());
      // Thrown inside the transaction: nothing of the write, and no audit row, is kept.
      if (r === 'stale') {
        throw errors.conflict(
          'この選考は他の利用者が先に更新しました。画面を開き直して最新の内容を確認してください',
          { current: await getRound(db, before.id) },
        );
      }
      return r;
    },
    (r) => ({ action: 'update', entity: 'recruit_round', entityId: String(before.id), before, after: r }),
  );
}
