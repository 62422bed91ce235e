import {
  askedLayers,
  DEFAULT_CRITERIA,
  DEFAULT_RETENTION_MONTHS,
  DEFAULT_STAGES,
  type LayerCode,
  type LayerWeights,
  type RoundStatus,
  type TrackCode,
} from '@jinzai/model';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../schema.js';
import type { RecruitCriterionTable, RecruitRoundTable } from '../schema-recruitment.js';
import { weightSetByVersion, weightSetInForce } from './weights.repository.js';

type Db = Kysely<Database>;

export interface Round {
  id: number;
  name: string;
  track: TrackCode;
  fiscalYear: number;
  weightVersion: string;
  status: RoundStatus;
  closedAt: string | null;
  retentionMonths: number;
  scoresVersion: number;
  createdAt: string;
  version: number;
}

export interface Stage {
  id: number;
  roundId: number;
  position: number;
  name: string;
}

export interface PanelMember {
  stageId: number;
  userId: number;
  loginId: string;
  displayName: string;
}

export interface RoundCriterion {
  id: number;
  code: string;
  layer: LayerCode;
  position: number;
  nameJa: string;
  nameEn: string;
  anchorsJa: string[];
  questionsJa: string[];
  holistic: boolean;
}

const toRound = (r: Selectable<RecruitRoundTable>): Round => ({
  id: r.id,
  name: r.name,
  track: r.track as TrackCode,
  fiscalYear: r.fiscal_year,
  weightVersion: r.weight_version,
  status: r.status as RoundStatus,
  closedAt: r.closed_at,
  retentionMonths: r.retention_months,
  scoresVersion: Number(r.scores_version),
  createdAt: r.created_at,
  version: Number(r.version),
});

const toCriterion = (r: Selectable<RecruitCriterionTable>): RoundCriterion => ({
  id: r.id,
  code: r.code,
  layer: r.layer as LayerCode,
  position: r.position,
  nameJa: r.name_ja,
  nameEn: r.name_en,
  anchorsJa: JSON.parse(r.anchors_json) as string[],
  questionsJa: JSON.parse(r.questions_json) as string[],
  holistic: r.holistic === 1,
});

export interface CreateRoundInput {
  name: string;
  track: TrackCode;
  fiscalYear: number;
  stages?: readonly string[] | undefined;
  retentionMonths?: number | undefined;
}

/**
 * Creates a round with the weight-set version in force today, its stages (the defaults unless given) and the
 * default criteria of the layers the track weighs (a layer of weight 0 is not asked), in the caller's transaction.
 */
export async function createRound(
  db: Db,
  input: CreateRoundInput,
  createdBy: number | null,
  now: string,
): Promise<Round> {
  const set = await weightSetInForce(db, now.slice(0, 10));
  const r = await db
    .insertInto('recruit_rounds')
    .values({
      name: input.name,
      track: input.track,
      fiscal_year: input.fiscalYear,
      weight_version: set.version,
      status: 'open',
      closed_at: null,
      retention_months: input.retentionMonths ?? DEFAULT_RETENTION_MONTHS,
      created_at: now,
      created_by: createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const stages = input.stages ?? DEFAULT_STAGES;
  await db
    .insertInto('recruit_stages')
    .values(stages.map((name, position) => ({ round_id: r.id, position, name })))
    .execute();
  const asked = new Set(askedLayers(set.weights[input.track]));
  const criteria = DEFAULT_CRITERIA.filter((c) => asked.has(c.layer));
  if (criteria.length > 0) {
    await db
      .insertInto('recruit_criteria')
      .values(
        criteria.map((c, position) => ({
          round_id: r.id,
          code: c.code,
          layer: c.layer,
          position,
          name_ja: c.nameJa,
          name_en: c.nameEn,
          anchors_json: JSON.stringify(c.anchorsJa),
          questions_json: JSON.stringify(c.questionsJa),
        })),
      )
      .execute();
  }
  return toRound(r);
}

/** Every round, newest first. */
export async function listRounds(db: Db): Promise<Round[]> {
  return (await db.selectFrom('recruit_rounds').selectAll().orderBy('id', 'desc').execute()).map(toRound);
}

/** The rounds with a stage whose panel the user sits on, newest first. */
export async function listRoundsOfPanelist(db: Db, userId: number): Promise<Round[]> {
  const rows = await db
    .selectFrom('recruit_rounds')
    .selectAll()
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('recruit_stages')
        .innerJoin('recruit_panel', 'recruit_panel.stage_id', 'recruit_stages.id')
        .select('recruit_stages.round_id')
        .where('recruit_panel.user_id', '=', userId),
    )
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toRound);
}

export async function getRound(db: Db, id: number): Promise<Round | undefined> {
  const r = await db.selectFrom('recruit_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toRound(r) : undefined;
}

/** The layer weights a round scores with: its track's in the version it opened with. */
export async function roundWeights(db: Db, round: Round): Promise<LayerWeights> {
  const set =
    (await weightSetByVersion(db, round.weightVersion)) ?? (await weightSetInForce(db, round.createdAt));
  return set.weights[round.track];
}

export interface RoundUpdate {
  name?: string | undefined;
  status?: RoundStatus | undefined;
  retentionMonths?: number | undefined;
  /** The version the writer read (the screens send it); without it, the current one. */
  version?: number | undefined;
}

/**
 * Renames, closes or reopens a round; closing records when (retention counts from it). Answers 'stale' and changes
 * nothing when `version` is not the stored one.
 */
export async function updateRound(
  db: Db,
  id: number,
  update: RoundUpdate,
  now: string,
): Promise<Round | undefined | 'stale'> {
  const current = await getRound(db, id);
  if (!current) return undefined;
  const status = update.status ?? current.status;
  const closedAt = status === 'closed' ? (current.closedAt ?? now) : null;
  const r = await db
    .updateTable('recruit_rounds')
    .set((eb) => ({
      name: update.name ?? current.name,
      status,
      closed_at: closedAt,
      retention_months: update.retentionMonths ?? current.retentionMonths,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    // The version the writer read, when it names one: a stale one changes nothing.
    .where('version', '=', update.version ?? current.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return 'stale';
  return getRound(db, id);
}

/**
 * Bumps the round's scores version, the key of every process's cached results: call in the transaction of every
 * write that changes what the results show (scores, applicants, the round's name, a stage's name, a criterion).
 */
export async function bumpScoresVersion(db: Db, roundId: number): Promise<void> {
  await db
    .updateTable('recruit_rounds')
    .set((eb) => ({ scores_version: eb('scores_version', '+', 1) }))
    .where('id', '=', roundId)
    .execute();
}

/** The round's scores version alone: the one small query of a cached results read. */
export async function scoresVersionOf(db: Db, roundId: number): Promise<number | undefined> {
  const r = await db
    .selectFrom('recruit_rounds')
    .select('scores_version')
    .where('id', '=', roundId)
    .executeTakeFirst();
  return r ? Number(r.scores_version) : undefined;
}

export async function listStages(db: Db, roundId: number): Promise<Stage[]> {
  const rows = await db
    .selectFrom('recruit_stages')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ id: r.id, roundId: r.round_id, position: r.position, name: r.name }));
}

/** Adds a stage at the end of the round. */
export async function addStage(db: Db, roundId: number, name: string): Promise<Stage> {
  const stages = await listStages(db, roundId);
  const position = stages.reduce((m, s) => Math.max(m, s.position + 1), 0);
  const r = await db
    .insertInto('recruit_stages')
    .values({ round_id: roundId, position, name })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { id: r.id, roundId: r.round_id, position: r.position, name: r.name };
}

export async function renameStage(db: Db, stageId: number, name: string): Promise<void> {
  await db.updateTable('recruit_stages').set({ name }).where('id', '=', stageId).execute();
}

/** Removes a stage that has no score sheets or decisions yet; false when it has some. */
export async function removeStage(db: Db, stageId: number): Promise<boolean> {
  const used = await db
    .selectFrom('recruit_sheets')
    .select('id')
    .where('stage_id', '=', stageId)
    .union(db.selectFrom('recruit_decisions').select('stage_id as id').where('stage_id', '=', stageId))
    .limit(1)
    .execute();
  if (used.length > 0) return false;
  await db.deleteFrom('recruit_panel').where('stage_id', '=', stageId).execute();
  await db.deleteFrom('recruit_stages').where('id', '=', stageId).execute();
  return true;
}

/** The panel members of the round's stages. */
export async function listPanels(db: Db, roundId: number): Promise<PanelMember[]> {
  const rows = await db
    .selectFrom('recruit_panel')
    .innerJoin('recruit_stages', 'recruit_stages.id', 'recruit_panel.stage_id')
    .innerJoin('users', 'users.id', 'recruit_panel.user_id')
    .select(['recruit_panel.stage_id', 'users.id', 'users.login_id', 'users.display_name'])
    .where('recruit_stages.round_id', '=', roundId)
    .orderBy('users.login_id')
    .execute();
  return rows.map((r) => ({
    stageId: r.stage_id,
    userId: r.id,
    loginId: r.login_id,
    displayName: r.display_name,
  }));
}

/** Replaces a stage's panel with these users. */
export async function setPanel(db: Db, stageId: number, userIds: readonly number[]): Promise<void> {
  await db.deleteFrom('recruit_panel').where('stage_id', '=', stageId).execute();
  if (userIds.length > 0) {
    await db
      .insertInto('recruit_panel')
      .values([...new Set(userIds)].map((user_id) => ({ stage_id: stageId, user_id })))
      .execute();
  }
}

/** Puts users on a stage's panel (a keyed-in sheet's rater joins it), keeping those already there. */
export async function joinPanel(db: Db, stageId: number, userIds: readonly number[]): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insertInto('recruit_panel')
    .values([...new Set(userIds)].map((user_id) => ({ stage_id: stageId, user_id })))
    .onConflict((oc) => oc.columns(['stage_id', 'user_id']).doNothing())
    .execute();
}

/** Whether the user sits on the stage's panel. */
export async function onPanel(db: Db, stageId: number, userId: number): Promise<boolean> {
  const r = await db
    .selectFrom('recruit_panel')
    .select('user_id')
    .where('stage_id', '=', stageId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return r !== undefined;
}

/** The round's criteria in order; holistic (whole-layer) criteria last. */
export async function listCriteria(db: Db, roundId: number): Promise<RoundCriterion[]> {
  const rows = await db
    .selectFrom('recruit_criteria')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('holistic')
    .orderBy('position')
    .execute();
  return rows.map(toCriterion);
}

export interface CriterionInput {
  code: string;
  layer: LayerCode;
  nameJa: string;
  nameEn: string;
  anchorsJa: readonly string[];
  questionsJa: readonly string[];
  holistic?: boolean;
}

/** Adds a criterion to a round, or updates the one with that code. */
export async function saveCriterion(db: Db, roundId: number, input: CriterionInput): Promise<RoundCriterion> {
  const existing = await db
    .selectFrom('recruit_criteria')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('code', '=', input.code)
    .executeTakeFirst();
  const values = {
    layer: input.layer,
    name_ja: input.nameJa,
    name_en: input.nameEn,
    anchors_json: JSON.stringify(input.anchorsJa),
    questions_json: JSON.stringify(input.questionsJa),
  };
  if (existing) {
    const r = await db
      .updateTable('recruit_criteria')
      .set(values)
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toCriterion(r);
  }
  const max = await db
    .selectFrom('recruit_criteria')
    .select((eb) => eb.fn.max('position').as('m'))
    .where('round_id', '=', roundId)
    .executeTakeFirst();
  const r = await db
    .insertInto('recruit_criteria')
    .values({
      round_id: roundId,
      code: input.code,
      position: Number(max?.m ?? -1) + 1,
      holistic: input.holistic ? 1 : 0,
      ...values,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCriterion(r);
}
