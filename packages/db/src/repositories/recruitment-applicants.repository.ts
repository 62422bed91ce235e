import { retentionDue, type ApplicantRow, type Decision } from '@jinzai/model';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.js';
import type { RecruitApplicantTable } from '../schema-recruitment.js';
import { redactAudit } from './audit.repository.js';
import { bulkWrite } from './bulk.js';

type Db = Kysely<Database>;

export interface Applicant {
  id: number;
  roundId: number;
  applicantNo: string;
  /** Null once anonymised (docs/domain.md §9). */
  name: string | null;
  nameKana: string | null;
  email: string | null;
  consent: boolean;
  anonymisedAt: string | null;
}

const toApplicant = (r: Selectable<RecruitApplicantTable>): Applicant => ({
  id: r.id,
  roundId: r.round_id,
  applicantNo: r.applicant_no,
  name: r.name,
  nameKana: r.name_kana,
  email: r.email,
  consent: r.consent === 1,
  anonymisedAt: r.anonymised_at,
});

/** The round's applicants, by applicant number. */
export async function listApplicants(db: Db, roundId: number): Promise<Applicant[]> {
  const rows = await db
    .selectFrom('recruit_applicants')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('applicant_no')
    .execute();
  return rows.map(toApplicant);
}

export async function getApplicant(
  db: Db,
  roundId: number,
  applicantNo: string,
): Promise<Applicant | undefined> {
  const r = await db
    .selectFrom('recruit_applicants')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('applicant_no', '=', applicantNo)
    .executeTakeFirst();
  return r ? toApplicant(r) : undefined;
}

/** Inserts new applicants set-based (the caller has checked for duplicates). */
export async function insertApplicants(
  db: Db,
  roundId: number,
  rows: readonly (ApplicantRow & { consent?: boolean })[],
  now: string,
): Promise<void> {
  await bulkWrite(
    db,
    {
      table: 'recruit_applicants',
      columns: [
        { name: 'round_id', type: 'integer' },
        { name: 'applicant_no', type: 'text' },
        { name: 'name', type: 'text' },
        { name: 'name_kana', type: 'text' },
        { name: 'email', type: 'text' },
        { name: 'consent', type: 'integer' },
        { name: 'created_at', type: 'text' },
      ],
    },
    rows.map((r) => [
      roundId,
      r.applicant_no,
      r.name,
      r.name_kana || null,
      r.email || null,
      r.consent ? 1 : 0,
      now,
    ]),
  );
}

export interface DecisionRecord {
  stageId: number;
  applicantId: number;
  decision: Decision;
  reason: string;
  decidedAt: string;
  decidedBy: number | null;
}

/** Every decision of the round's stages. */
export async function listDecisions(db: Db, roundId: number): Promise<DecisionRecord[]> {
  const rows = await db
    .selectFrom('recruit_decisions')
    .innerJoin('recruit_stages', 'recruit_stages.id', 'recruit_decisions.stage_id')
    .selectAll('recruit_decisions')
    .where('recruit_stages.round_id', '=', roundId)
    .execute();
  return rows.map((r) => ({
    stageId: r.stage_id,
    applicantId: r.applicant_id,
    decision: r.decision as Decision,
    reason: r.reason,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by,
  }));
}

/** Records (or changes) the decision on an applicant at a stage; returns the one it replaced. */
export async function saveDecision(db: Db, d: DecisionRecord): Promise<DecisionRecord | undefined> {
  const before = await db
    .selectFrom('recruit_decisions')
    .selectAll()
    .where('stage_id', '=', d.stageId)
    .where('applicant_id', '=', d.applicantId)
    .executeTakeFirst();
  await db
    .insertInto('recruit_decisions')
    .values({
      stage_id: d.stageId,
      applicant_id: d.applicantId,
      decision: d.decision,
      reason: d.reason,
      decided_at: d.decidedAt,
      decided_by: d.decidedBy,
    })
    .onConflict((oc) =>
      oc.columns(['stage_id', 'applicant_id']).doUpdateSet({
        decision: d.decision,
        reason: d.reason,
        decided_at: d.decidedAt,
        decided_by: d.decidedBy,
      }),
    )
    .execute();
  return before
    ? {
        stageId: before.stage_id,
        applicantId: before.applicant_id,
        decision: before.decision as Decision,
        reason: before.reason,
        decidedAt: before.decided_at,
        decidedBy: before.decided_by,
      }
    : undefined;
}

export interface AnonymisedRound {
  roundId: number;
  applicants: number;
}

type PersonalFields = Pick<
  Selectable<RecruitApplicantTable>,
  'applicant_no' | 'name' | 'name_kana' | 'email'
>;

/** The audit entities whose rows name an applicant by `round/applicant` or `round/stage/applicant`. */
const APPLICANT_AUDIT = ['recruit_applicant', 'recruit_decision', 'recruit_sheet'];

/**
 * Removes the applicants' name, kana and e-mail from the audit rows about them (their creation, decisions and
 * sheets), set-based, once the applicants themselves are anonymised (docs/domain.md §9).
 */
async function redactApplicantAudit(db: Db, roundId: number, people: readonly PersonalFields[]) {
  const stages = await db.selectFrom('recruit_stages').select('id').where('round_id', '=', roundId).execute();
  const redactions = people.flatMap((p) => {
    const texts = [p.name, p.name_kana, p.email];
    return [
      { entityId: `${roundId}/${p.applicant_no}`, texts },
      ...stages.map((s) => ({ entityId: `${roundId}/${s.id}/${p.applicant_no}`, texts })),
    ];
  });
  await redactAudit(db, APPLICANT_AUDIT, redactions);
}

/**
 * Anonymises the personal data (name, kana, email) of every applicant whose retention ended by `now`
 * (docs/domain.md §9): closed rounds only, the round's retention period, extended by consent. Scores and
 * decisions stay; the audit rows about them lose the same fields.
 */
export async function anonymiseExpiredApplicants(db: Db, now: string): Promise<AnonymisedRound[]> {
  const rounds = await db
    .selectFrom('recruit_rounds')
    .select(['id', 'closed_at', 'retention_months'])
    .where('status', '=', 'closed')
    .where('closed_at', 'is not', null)
    .execute();
  const result: AnonymisedRound[] = [];
  for (const round of rounds) {
    const due: (PersonalFields & { id: number })[] = [];
    for (const consent of [false, true]) {
      if (!retentionDue(round.closed_at, round.retention_months, consent, now)) continue;
      const rows = await db
        .selectFrom('recruit_applicants')
        .select(['id', 'applicant_no', 'name', 'name_kana', 'email'])
        .where('round_id', '=', round.id)
        .where('consent', '=', consent ? 1 : 0)
        .where('anonymised_at', 'is', null)
        .execute();
      due.push(...rows);
    }
    // Only the rows this run anonymises count: a run in another process at the same moment read the same rows, but
    // on PostgreSQL the second UPDATE waits for the first one's commit and then finds them anonymised already, so
    // each applicant is anonymised, redacted and reported by one run only.
    const done = new Set<number>();
    for (let i = 0; i < due.length; i += 1000) {
      const ids = await db
        .updateTable('recruit_applicants')
        .set({ name: null, name_kana: null, email: null, anonymised_at: now })
        .where(
          'id',
          'in',
          due.slice(i, i + 1000).map((r) => r.id),
        )
        .where('anonymised_at', 'is', null)
        .returning('id')
        .execute();
      for (const r of ids) done.add(r.id);
    }
    if (done.size === 0) continue;
    await redactApplicantAudit(
      db,
      round.id,
      due.filter((r) => done.has(r.id)),
    );
    result.push({ roundId: round.id, applicants: done.size });
  }
  return result;
}
