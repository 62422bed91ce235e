// The applicants of a round: listing them (audited), adding one, an applicant's page, and stage decisions.
import {
  bumpScoresVersion,
  getApplicant,
  insertApplicants,
  listApplicants,
  listCriteria,
  listDecisions,
  listSheets,
  listStages,
  roundWeights,
  saveDecision,
} from '@jinzai/db';
import type { ApplicantRow, Decision, User } from '@jinzai/model';
import { recordAudit } from '../audit.js';
import { errors } from '../errors.js';
import { throwIfAny } from '../import/errors.js';
import {
  actorOfUser,
  canManage,
  type Db,
  requirePanel,
  roundFor,
  stageApplicants,
  stageOf,
  stageOfRound,
} from './recruitment-access.service.js';
import { applicantDuplicates } from './recruitment-import.service.js';
import { sheetJson } from './recruitment-sheets.service.js';

/**
 * The applicants of a round with their decisions; an interviewer must name a stage whose panel they sit on and sees
 * those who reach it, without e-mail addresses. The read is audited.
 */
export async function listRoundApplicants(
  db: Db,
  user: User,
  now: Date,
  roundId: number,
  stageRef: string | undefined,
) {
  const round = await roundFor(db, user, roundId);
  if (!canManage(user) && !stageRef) throw errors.forbidden();
  const stage = stageRef ? await stageOf(db, round.id, stageRef) : undefined;
  if (stage) await requirePanel(db, user, stage);
  const [applicants, decisions] = await Promise.all([
    stage ? stageApplicants(db, round.id, stage) : listApplicants(db, round.id),
    listDecisions(db, round.id),
  ]);
  await recordAudit(db, actorOfUser(user), now, {
    action: 'read',
    entity: 'recruit_applicants',
    entityId: String(round.id),
    detail: { stage: stage?.id ?? null, count: applicants.length },
  });
  return applicants.map((a) => ({
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
  }));
}

/** Adds one applicant from the screen, with the same duplicate checks as a file row. */
export async function addApplicant(
  db: Db,
  user: User,
  now: Date,
  roundId: number,
  row: ApplicantRow & { consent: boolean },
) {
  const round = await roundFor(db, user, roundId);
  return db.transaction().execute(async (trx) => {
    throwIfAny('invalid_input', await applicantDuplicates(trx, round.id, [{ ...row, row: 1 }]));
    await insertApplicants(trx, round.id, [row], now.toISOString());
    await bumpScoresVersion(trx, round.id);
    const applicant = await getApplicant(trx, round.id, row.applicant_no);
    await recordAudit(trx, actorOfUser(user), now, {
      action: 'create',
      entity: 'recruit_applicant',
      entityId: `${round.id}/${row.applicant_no}`,
      after: applicant,
    });
    return applicant;
  });
}

/** An applicant with their decisions and, per stage, every sheet; the read is audited. */
export async function applicantDetail(db: Db, user: User, now: Date, roundId: number, applicantNo: string) {
  const round = await roundFor(db, user, roundId);
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
  await recordAudit(db, actorOfUser(user), now, {
    action: 'read',
    entity: 'recruit_applicant',
    entityId: `${round.id}/${applicantNo}`,
  });
  return {
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
  };
}

/** Records pass / hold / fail with a reason for an applicant at a stage. */
export async function recordDecision(
  db: Db,
  user: User,
  now: Date,
  p: { roundId: number; stageId: number; applicantNo: string },
  input: { decision: Decision; reason: string },
) {
  const { round, stage } = await stageOfRound(db, user, p.roundId, p.stageId);
  const applicant = await getApplicant(db, round.id, p.applicantNo);
  if (!applicant) throw errors.notFound('応募者');
  const record = {
    stageId: stage.id,
    applicantId: applicant.id,
    decision: input.decision,
    reason: input.reason,
    decidedAt: now.toISOString(),
    decidedBy: user.id,
  };
  await db.transaction().execute(async (trx) => {
    const before = await saveDecision(trx, record);
    await bumpScoresVersion(trx, round.id);
    await recordAudit(trx, actorOfUser(user), now, {
      action: before ? 'update' : 'create',
      entity: 'recruit_decision',
      entityId: `${round.id}/${stage.id}/${p.applicantNo}`,
      before,
      after: record,
    });
  });
  return { applicantNo: p.applicantNo, stageId: stage.id, decision: input.decision, reason: input.reason };
}
