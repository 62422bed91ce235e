import type { LayerCode } from '@jinzai/model';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { bulkWrite } from './bulk.js';

type Db = Kysely<Database>;

export type SheetStatus = 'draft' | 'submitted';

export interface SheetScore {
  criterionId: number;
  score: number | null;
  note: string;
}

export interface Sheet {
  id: number;
  stageId: number;
  applicantId: number;
  raterId: number;
  raterLoginId: string;
  raterName: string;
  status: SheetStatus;
  version: number;
  submittedAt: string | null;
  updatedAt: string;
  scores: SheetScore[];
}

async function scoresOf(db: Db, sheetIds: readonly number[]): Promise<Map<number, SheetScore[]>> {
  const map = new Map<number, SheetScore[]>();
  if (sheetIds.length === 0) return map;
  const rows = await db
    .selectFrom('recruit_scores')
    .select(['sheet_id', 'criterion_id', 'score', 'note'])
    .where('sheet_id', 'in', [...sheetIds])
    .execute();
  for (const r of rows) {
    const list = map.get(r.sheet_id) ?? [];
    list.push({
      criterionId: r.criterion_id,
      score: r.score === null ? null : Number(r.score),
      note: r.note,
    });
    map.set(r.sheet_id, list);
  }
  return map;
}

function sheetQuery(db: Db) {
  return db
    .selectFrom('recruit_sheets')
    .innerJoin('users', 'users.id', 'recruit_sheets.rater_id')
    .selectAll('recruit_sheets')
    .select(['users.login_id', 'users.display_name']);
}

/** The sheets of one applicant at one stage (every rater), with their scores. */
export async function listSheets(
  db: Db,
  stageId: number,
  applicantId: number,
  raterId?: number,
): Promise<Sheet[]> {
  let q = sheetQuery(db).where('stage_id', '=', stageId).where('applicant_id', '=', applicantId);
  if (raterId !== undefined) q = q.where('rater_id', '=', raterId);
  const rows = await q.orderBy('users.login_id').execute();
  const scores = await scoresOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    stageId: r.stage_id,
    applicantId: r.applicant_id,
    raterId: r.rater_id,
    raterLoginId: r.login_id,
    raterName: r.display_name,
    status: r.status as SheetStatus,
    version: r.version,
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
    scores: scores.get(r.id) ?? [],
  }));
}

export async function getSheetById(db: Db, sheetId: number): Promise<Sheet | undefined> {
  const r = await sheetQuery(db).where('recruit_sheets.id', '=', sheetId).executeTakeFirst();
  if (!r) return undefined;
  return (await listSheets(db, r.stage_id, r.applicant_id, r.rater_id))[0];
}

/** Status of every sheet a rater has in the given stages: for their queue. */
export async function sheetStatusesOfRater(
  db: Db,
  raterId: number,
  stageIds: readonly number[],
): Promise<{ stageId: number; applicantId: number; status: SheetStatus; version: number }[]> {
  if (stageIds.length === 0) return [];
  const rows = await db
    .selectFrom('recruit_sheets')
    .select(['stage_id', 'applicant_id', 'status', 'version'])
    .where('rater_id', '=', raterId)
    .where('stage_id', 'in', [...stageIds])
    .execute();
  return rows.map((r) => ({
    stageId: r.stage_id,
    applicantId: r.applicant_id,
    status: r.status as SheetStatus,
    version: r.version,
  }));
}

export interface SaveSheetInput {
  stageId: number;
  applicantId: number;
  raterId: number;
  /** The version the rater read: 0 for a sheet not yet saved. */
  expectedVersion: number;
  scores: readonly { criterionId: number; layer: LayerCode; score: number | null; note: string }[];
  submit: boolean;
  now: string;
}

export type SaveSheetResult =
  { outcome: 'saved'; sheet: Sheet } | { outcome: 'stale' | 'locked'; current: Sheet };

/**
 * Saves a rater's sheet with optimistic locking: the write goes through only when the stored version is the one the
 * rater read (0: none yet), and a submitted sheet is locked until a recruiter reopens it. A stale or locked sheet
 * returns before any write; the caller throws its 409 inside the transaction.
 */
export async function saveSheet(db: Db, input: SaveSheetInput): Promise<SaveSheetResult> {
  const [existing] = await listSheets(db, input.stageId, input.applicantId, input.raterId);
  if (existing && existing.status === 'submitted') return { outcome: 'locked', current: existing };
  // The version first, before anything is written; the conditional update below guards a concurrent writer.
  if (existing && existing.version !== input.expectedVersion) return { outcome: 'stale', current: existing };
  const status: SheetStatus = input.submit ? 'submitted' : 'draft';
  let sheetId: number;
  if (!existing) {
    if (input.expectedVersion !== 0) return { outcome: 'stale', current: await emptySheet(db, input) };
    const r = await db
      .insertInto('recruit_sheets')
      .values({
        stage_id: input.stageId,
        applicant_id: input.applicantId,
        rater_id: input.raterId,
        status,
        version: 1,
        submitted_at: input.submit ? input.now : null,
        updated_at: input.now,
      })
      .onConflict((oc) => oc.columns(['stage_id', 'applicant_id', 'rater_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!r) {
      const [now] = await listSheets(db, input.stageId, input.applicantId, input.raterId);
      if (now) return { outcome: 'stale', current: now };
      throw new Error('sheet vanished');
    }
    sheetId = r.id;
  } else {
    const r = await db
      .updateTable('recruit_sheets')
      .set({
        status,
        version: existing.version + 1,
        submitted_at: input.submit ? input.now : null,
        updated_at: input.now,
      })
      .where('id', '=', existing.id)
      .where('version', '=', input.expectedVersion)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) {
      const [now] = await listSheets(db, input.stageId, input.applicantId, input.raterId);
      return { outcome: now?.status === 'submitted' ? 'locked' : 'stale', current: now ?? existing };
    }
    sheetId = existing.id;
    await db.deleteFrom('recruit_scores').where('sheet_id', '=', sheetId).execute();
  }
  if (input.scores.length > 0) {
    await db
      .insertInto('recruit_scores')
      .values(
        input.scores.map((s) => ({
          sheet_id: sheetId,
          criterion_id: s.criterionId,
          layer: s.layer,
          score: s.score,
          note: s.note,
        })),
      )
      .execute();
  }
  const sheet = await getSheetById(db, sheetId);
  if (!sheet) throw new Error('sheet vanished');
  return { outcome: 'saved', sheet };
}

async function emptySheet(db: Db, input: SaveSheetInput): Promise<Sheet> {
  const u = await db
    .selectFrom('users')
    .select(['login_id', 'display_name'])
    .where('id', '=', input.raterId)
    .executeTakeFirst();
  return {
    id: 0,
    stageId: input.stageId,
    applicantId: input.applicantId,
    raterId: input.raterId,
    raterLoginId: u?.login_id ?? '',
    raterName: u?.display_name ?? '',
    status: 'draft',
    version: 0,
    submittedAt: null,
    updatedAt: input.now,
    scores: [],
  };
}

/** Reopens a submitted sheet (a recruiter, with a reason the caller audits); bumps its version. */
export async function reopenSheet(db: Db, sheetId: number, now: string): Promise<Sheet | undefined> {
  await db
    .updateTable('recruit_sheets')
    .set((eb) => ({ status: 'draft', submitted_at: null, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', sheetId)
    .execute();
  return getSheetById(db, sheetId);
}

export interface ImportedScore {
  stageId: number;
  applicantId: number;
  raterId: number;
  criterionId: number;
  layer: string;
  score: number;
}

/**
 * Writes keyed-in scores set-based (docs/interfaces.md "Recruitment" scores CSV): one submitted sheet per
 * stage, applicant and rater (created, or its version bumped), and the scores upserted by sheet and
 * criterion, replacing those there.
 */
export async function importScores(db: Db, rows: readonly ImportedScore[], now: string): Promise<number> {
  if (rows.length === 0) return 0;
  const key = (s: number, a: number, r: number) => `${s}|${a}|${r}`;
  const stageIds = [...new Set(rows.map((r) => r.stageId))];
  /** The sheets of these stages by stage, applicant and rater: read before the write (versions) and after (ids). */
  const sheetsByKey = async () => {
    const found = await db
      .selectFrom('recruit_sheets')
      .select(['id', 'stage_id', 'applicant_id', 'rater_id', 'version'])
      .where('stage_id', 'in', stageIds)
      .execute();
    return new Map(found.map((s) => [key(s.stage_id, s.applicant_id, s.rater_id), s]));
  };
  const existing = await sheetsByKey();
  const sheets = new Map<string, (string | number | null)[]>();
  // One key per row, built once: 180,000 rows would otherwise build each string twice.
  const keys = rows.map((r) => key(r.stageId, r.applicantId, r.raterId));
  for (const [i, r] of rows.entries()) {
    const k = keys[i] ?? '';
    if (!sheets.has(k))
      sheets.set(k, [
        r.stageId,
        r.applicantId,
        r.raterId,
        'submitted',
        (existing.get(k)?.version ?? 0) + 1,
        now,
        now,
      ]);
  }
  await bulkWrite(
    db,
    {
      table: 'recruit_sheets',
      columns: [
        { name: 'stage_id', type: 'integer' },
        { name: 'applicant_id', type: 'integer' },
        { name: 'rater_id', type: 'integer' },
        { name: 'status', type: 'text' },
        { name: 'version', type: 'integer' },
        { name: 'submitted_at', type: 'text' },
        { name: 'updated_at', type: 'text' },
      ],
      conflict: ['stage_id', 'applicant_id', 'rater_id'],
    },
    [...sheets.values()],
  );
  const written = await sheetsByKey();
  await bulkWrite(
    db,
    {
      table: 'recruit_scores',
      columns: [
        { name: 'sheet_id', type: 'integer' },
        { name: 'criterion_id', type: 'integer' },
        { name: 'layer', type: 'text' },
        { name: 'score', type: 'integer' },
      ],
      conflict: ['sheet_id', 'criterion_id'],
    },
    rows.map((r, i) => [written.get(keys[i] ?? '')?.id ?? null, r.criterionId, r.layer, r.score]),
  );
  return sheets.size;
}

/** A sheet of a stage with what marks a change: every write bumps its version. */
export interface StageSheetRef {
  id: number;
  raterId: number;
  applicantId: number;
  status: SheetStatus;
  version: number;
}

/** Every sheet of a stage with its version: the one cheap query that tells which sheets changed since last read. */
export async function stageSheetRefs(db: Db, stageId: number): Promise<StageSheetRef[]> {
  const rows = await db
    .selectFrom('recruit_sheets')
    .select(['id', 'rater_id', 'applicant_id', 'status', 'version'])
    .where('stage_id', '=', stageId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    raterId: r.rater_id,
    applicantId: r.applicant_id,
    status: r.status as SheetStatus,
    version: r.version,
  }));
}

export interface ScoreRow {
  sheetId: number;
  criterionId: number;
  layer: LayerCode;
  score: number;
}

/**
 * The given scores of the stage's submitted sheets, or of only the listed sheets (the ones that changed), read
 * through the covering index.
 */
export async function submittedScoreRows(
  db: Db,
  stageId: number,
  sheetIds?: readonly number[],
): Promise<ScoreRow[]> {
  const map = (rows: { sheet_id: number; criterion_id: number; layer: string; score: number | null }[]) =>
    rows.map((r) => ({
      sheetId: r.sheet_id,
      criterionId: r.criterion_id,
      layer: r.layer as LayerCode,
      score: Number(r.score),
    }));
  const base = () =>
    db
      .selectFrom('recruit_sheets as sh')
      .innerJoin('recruit_scores as sc', 'sc.sheet_id', 'sh.id')
      .select(['sc.sheet_id', 'sc.criterion_id', 'sc.layer', 'sc.score'])
      .where('sh.stage_id', '=', stageId)
      .where('sh.status', '=', 'submitted')
      .where('sc.score', 'is not', null);
  if (!sheetIds) return map(await base().execute());
  const out: ScoreRow[] = [];
  for (let i = 0; i < sheetIds.length; i += 1000) {
    out.push(
      ...map(
        await base()
          .where('sh.id', 'in', sheetIds.slice(i, i + 1000))
          .execute(),
      ),
    );
  }
  return out;
}

/** Counts of submitted and draft sheets per stage of a round. */
export async function sheetCountsByStage(
  db: Db,
  roundId: number,
): Promise<Map<number, { submitted: number; draft: number }>> {
  const rows = await db
    .selectFrom('recruit_sheets as sh')
    .innerJoin('recruit_stages as st', 'st.id', 'sh.stage_id')
    .select(['sh.stage_id', 'sh.status'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('st.round_id', '=', roundId)
    .groupBy(['sh.stage_id', 'sh.status'])
    .execute();
  const map = new Map<number, { submitted: number; draft: number }>();
  for (const r of rows) {
    const c = map.get(r.stage_id) ?? { submitted: 0, draft: 0 };
    if (r.status === 'submitted') c.submitted = Number(r.n);
    else c.draft = Number(r.n);
    map.set(r.stage_id, c);
  }
  return map;
}
