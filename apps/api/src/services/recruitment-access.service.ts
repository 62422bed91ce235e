// Who may reach what in a recruitment round: the round, its stages, the applicants a stage sees
// (docs/domain.md §2).
import {
  getRound,
  listApplicants,
  listDecisions,
  listPanels,
  listStages,
  onPanel,
  sheetStatusesOfRater,
  type Applicant,
  type Database,
  type Round,
  type Stage,
} from '@jinzai/db';
import { hasRole, type User } from '@jinzai/model';
import type { Kysely } from 'kysely';
import { errors } from '../errors.js';
import type { Actor } from './actor.js';

export type Db = Kysely<Database>;

/** The signed-in user as the audit log records them. */
export const actorOfUser = (user: User): Actor => ({ userId: user.id, loginId: user.loginId });

/** Recruiters (and HR) manage rounds; interviewers see the stages whose panel they sit on. */
export const canManage = (user: User) => hasRole(user, 'recruiter');

/** The round, or a 404; an interviewer not on any of its panels gets a 403. */
export async function roundFor(db: Db, user: User, id: number): Promise<Round> {
  const round = await getRound(db, id);
  if (!round) throw errors.notFound('選考');
  if (canManage(user)) return round;
  const panels = await listPanels(db, id);
  if (!panels.some((p) => p.userId === user.id)) throw errors.forbidden();
  return round;
}

/**
 * A stage of the round by id or name; the first stage when none is named (docs/interfaces.md "Recruitment"
 * scores CSV `stage`).
 */
export async function stageOf(db: Db, roundId: number, ref: string | undefined | null): Promise<Stage> {
  const stages = await listStages(db, roundId);
  const v = ref?.normalize('NFKC').trim();
  const stage = !v ? stages[0] : stages.find((s) => String(s.id) === v || s.name.normalize('NFKC') === v);
  if (!stage) throw errors.notFound('選考段階');
  return stage;
}

/** A stage of a round the user may see, by the stage's id (404 for a stage of another round). */
export async function stageOfRound(db: Db, user: User, roundId: number, stageId: number) {
  const round = await roundFor(db, user, roundId);
  return { round, stage: await stageOf(db, round.id, String(stageId)) };
}

/** Interviewers may act only on the stages whose panel they sit on (403 otherwise). */
export async function requirePanel(db: Db, user: User, stage: Stage): Promise<void> {
  if (canManage(user)) return;
  if (!(await onPanel(db, stage.id, user.id))) throw errors.forbidden();
}

/** The applicants who reach a stage: all of the round's, less those failed at an earlier stage. */
export async function stageApplicants(db: Db, roundId: number, stage: Stage): Promise<Applicant[]> {
  const [applicants, decisions, stages] = await Promise.all([
    listApplicants(db, roundId),
    listDecisions(db, roundId),
    listStages(db, roundId),
  ]);
  const earlier = new Set(stages.filter((s) => s.position < stage.position).map((s) => s.id));
  const out = new Set(
    decisions.filter((d) => d.decision === 'fail' && earlier.has(d.stageId)).map((d) => d.applicantId),
  );
  return applicants.filter((a) => !out.has(a.id));
}

/**
 * Whether an interviewer may see the stage's results and others' scores: only after submitting their own sheet for
 * every applicant of the stage (docs/domain.md §2: a rater sees the others' scores only after submitting).
 */
export async function interviewerHasSubmittedAll(
  db: Db,
  user: User,
  roundId: number,
  stage: Stage,
): Promise<boolean> {
  const [applicants, sheets] = await Promise.all([
    stageApplicants(db, roundId, stage),
    sheetStatusesOfRater(db, user.id, [stage.id]),
  ]);
  const submitted = new Set(sheets.filter((s) => s.status === 'submitted').map((s) => s.applicantId));
  return applicants.length > 0 && applicants.every((a) => submitted.has(a.id));
}
