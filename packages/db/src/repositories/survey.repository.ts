// The KPI survey (docs/domain.md §5): responses stored with attributes only, the per-cell sums the figures
// are read from, online answers once per person, and the roster counts behind the response rate.
import { randomBytes } from 'node:crypto';
import {
  FAVOURABLE_MIN,
  KPI_CODES,
  NO_MOMENTS,
  type AnswerMoments,
  type EmploymentType,
  type KpiCode,
  type KpiResponse,
  type ResponseAttributes,
  type SurveyCell,
} from '@jinzai/model';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { bulkWrite, type BulkColumnType } from './bulk.js';

type Db = Kysely<Database>;

/** The id of the KPI survey of a fiscal year. */
export const kpiSurveyId = (fiscalYear: number) => `kpi-${fiscalYear}`;

/** A random response id: nothing in it orders or dates the response. */
const randomId = () => randomBytes(12).toString('base64url');

/** n random response ids, from one draw of random bytes (one draw per id costs more than the insert of its row). */
const randomIds = (n: number): string[] => {
  const bytes = randomBytes(12 * n);
  return Array.from({ length: n }, (_, i) => bytes.toString('base64url', 12 * i, 12 * i + 12));
};

export type ResponseSource = 'online' | 'import';

/** The columns every response row starts with, KPI survey or HR-defined, before its answers. */
export const RESPONSE_HEAD_COLUMNS: readonly {
  name: keyof Database['survey_responses'] & string;
  type: BulkColumnType;
}[] = [
  { name: 'survey_id', type: 'text' },
  { name: 'id', type: 'text' },
  { name: 'source', type: 'text' },
  { name: 'unit_code', type: 'text' },
  { name: 'grade_code', type: 'text' },
  { name: 'age_band', type: 'text' },
  { name: 'employment_type', type: 'text' },
];

const RESPONSE_COLUMNS: { name: keyof Database['survey_responses'] & string; type: BulkColumnType }[] = [
  ...RESPONSE_HEAD_COLUMNS,
  ...KPI_CODES.map((c) => ({ name: c, type: 'integer' as const })),
];

/** The row values of a response in RESPONSE_COLUMNS order (for bulkWrite and the bench's raw baseline). */
export function responseRow(
  surveyId: string,
  source: ResponseSource,
  r: KpiResponse,
  id: string = randomId(),
): (string | number | null)[] {
  return [
    surveyId,
    id,
    source,
    r.unitCode,
    r.gradeCode,
    r.ageBand,
    r.employmentType,
    ...KPI_CODES.map((c) => r.answers[c]),
  ];
}

/**
 * The rows of responses, each with a new random id, in the order of those ids: the order of the rows then says
 * nothing of the order of the responses (the file's), and the rows fill the table's B-tree from one end.
 */
export function sortedById<T>(
  responses: readonly T[],
  row: (response: T, id: string) => (string | number | null)[],
): (string | number | null)[][] {
  const ids = randomIds(responses.length);
  const out = responses.map((r, i) => ({ id: ids[i] as string, r }));
  out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out.map(({ id, r }) => row(r, id));
}

export const SURVEY_RESPONSE_COLUMN_NAMES = RESPONSE_COLUMNS.map((c) => c.name);

/**
 * Inserts anonymous KPI survey responses set-based (docs/domain.md §5) and brings the year's cell sums up to
 * date; run it in the caller's transaction.
 */
export async function insertKpiResponses(
  db: Db,
  fiscalYear: number,
  source: ResponseSource,
  responses: readonly KpiResponse[],
): Promise<void> {
  const id = kpiSurveyId(fiscalYear);
  await bulkWrite(
    db,
    { table: 'survey_responses', columns: RESPONSE_COLUMNS },
    // In key order: the rows then fill the table's B-tree from one end instead of splitting pages at random.
    sortedById(responses, (r, key) => responseRow(id, source, r, key)),
  );
  await refreshKpiCells(db, fiscalYear);
}

const ATTRIBUTES = ['unit_code', 'grade_code', 'age_band', 'employment_type'] as const;
const cellColumns = KPI_CODES.flatMap((c) => [`${c}_n`, `${c}_s`, `${c}_ss`, `${c}_f`]);

/** Recomputes a year's cell sums from its responses (one grouped pass). */
export async function refreshKpiCells(db: Db, fiscalYear: number): Promise<void> {
  const id = kpiSurveyId(fiscalYear);
  await db.deleteFrom('survey_cells').where('survey_id', '=', id).execute();
  const sums = KPI_CODES.map(
    (c) =>
      sql`count(${sql.ref(c)}), coalesce(sum(${sql.ref(c)}), 0), coalesce(sum(${sql.ref(c)} * ${sql.ref(c)}), 0), sum(case when ${sql.ref(c)} >= ${sql.lit(FAVOURABLE_MIN)} then 1 else 0 end)`,
  );
  await sql`insert into survey_cells (survey_id, ${sql.join(ATTRIBUTES.map((a) => sql.ref(a)))}, respondents, ${sql.join(
    cellColumns.map((c) => sql.ref(c)),
  )})
    select survey_id, ${sql.join(ATTRIBUTES.map((a) => sql.ref(a)))}, count(*), ${sql.join(sums)}
    from survey_responses where survey_id = ${id}
    group by survey_id, ${sql.join(ATTRIBUTES.map((a) => sql.ref(a)))}`.execute(db);
}

/** Adds one response to its cell's sums (an online answer), without a pass over the year. */
async function addToCell(db: Db, surveyId: string, r: KpiResponse): Promise<void> {
  const values: Record<string, string | number> = {
    survey_id: surveyId,
    unit_code: r.unitCode,
    grade_code: r.gradeCode,
    age_band: r.ageBand,
    employment_type: r.employmentType,
    respondents: 1,
  };
  for (const c of KPI_CODES) {
    const v = r.answers[c];
    values[`${c}_n`] = v === null ? 0 : 1;
    values[`${c}_s`] = v ?? 0;
    values[`${c}_ss`] = v === null ? 0 : v * v;
    values[`${c}_f`] = v !== null && v >= FAVOURABLE_MIN ? 1 : 0;
  }
  const add = ['respondents', ...cellColumns];
  await sql`insert into survey_cells (${sql.join(Object.keys(values).map((k) => sql.ref(k)))})
    values (${sql.join(Object.values(values))})
    on conflict (survey_id, unit_code, grade_code, age_band, employment_type) do update set ${sql.join(
      add.map((k) => sql`${sql.ref(k)} = survey_cells.${sql.ref(k)} + excluded.${sql.ref(k)}`),
    )}`.execute(db);
}

/** Removes a year's responses of one source (an import replaces the previous import of that year). */
export async function deleteKpiResponses(
  db: Db,
  fiscalYear: number,
  source: ResponseSource,
): Promise<number> {
  const r = await db
    .deleteFrom('survey_responses')
    .where('survey_id', '=', kpiSurveyId(fiscalYear))
    .where('source', '=', source)
    .executeTakeFirst();
  await refreshKpiCells(db, fiscalYear);
  return Number(r.numDeletedRows);
}

/** Whether this member of staff has answered the survey online. */
export async function hasAnswered(db: Db, surveyId: string, staffNo: string): Promise<boolean> {
  const r = await db
    .selectFrom('survey_participants')
    .select('staff_no')
    .where('survey_id', '=', surveyId)
    .where('staff_no', '=', staffNo)
    .executeTakeFirst();
  return r !== undefined;
}

export class AlreadyAnsweredError extends Error {
  override readonly name = 'AlreadyAnsweredError';
}

/** The sources the answers of these surveys came from, by survey (docs/domain.md §5: one source a survey). */
export async function responseSources(
  db: Db,
  surveyIds: readonly string[],
): Promise<Map<string, Set<ResponseSource>>> {
  const out = new Map<string, Set<ResponseSource>>(surveyIds.map((id) => [id, new Set()]));
  if (surveyIds.length === 0) return out;
  const rows = await db
    .selectFrom('survey_responses')
    .select(['survey_id', 'source'])
    .distinct()
    .where('survey_id', 'in', surveyIds)
    .execute();
  for (const r of rows) out.get(r.survey_id)?.add(r.source as ResponseSource);
  // An online answer may still be waiting to join the figures: whoever has answered makes the survey online.
  const answered = await db
    .selectFrom('survey_participants')
    .select('survey_id')
    .distinct()
    .where('survey_id', 'in', surveyIds)
    .execute();
  for (const r of answered) out.get(r.survey_id)?.add('online');
  return out;
}

/**
 * Marks that a person has answered a survey online, in a transaction of its own (docs/domain.md §5): the row holds
 * the survey and the staff number, nothing that could link it to the answer. A second answer throws
 * AlreadyAnsweredError.
 */
export async function recordParticipation(db: Db, surveyId: string, staffNo: string): Promise<void> {
  const inserted = await db
    .insertInto('survey_participants')
    .values({ survey_id: surveyId, staff_no: staffNo })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0)
    throw new AlreadyAnsweredError('already answered');
}

/**
 * Holds an online answer apart (docs/domain.md §5 "Rows that cannot be linked") and, once at least `batch` answers
 * of the survey are waiting, hands them all back, in random order, for the caller to write in the same transaction
 * (see takePending). Run it in a transaction other than the participation's.
 */
export async function holdAnswer<T>(db: Db, surveyId: string, payload: T, batch: number): Promise<T[]> {
  await db
    .insertInto('survey_pending')
    .values({ survey_id: surveyId, id: randomId(), payload: JSON.stringify(payload) })
    .execute();
  return takePending<T>(db, surveyId, batch);
}

/**
 * Takes the waiting answers of a survey when at least `min` are waiting (else none): deletes them and returns them
 * in the order of their random keys, which is no order at all.
 */
export async function takePending<T>(db: Db, surveyId: string, min: number): Promise<T[]> {
  const rows = await db
    .selectFrom('survey_pending')
    .select(['id', 'payload'])
    .where('survey_id', '=', surveyId)
    .orderBy('id')
    .execute();
  if (rows.length === 0 || rows.length < min) return [];
  await db.deleteFrom('survey_pending').where('survey_id', '=', surveyId).execute();
  return rows.map((r) => JSON.parse(r.payload) as T);
}

/** The surveys with answers waiting to join their figures, and how many wait for each. */
export async function pendingCounts(db: Db, surveyIds?: readonly string[]): Promise<Map<string, number>> {
  let q = db
    .selectFrom('survey_pending')
    .select(['survey_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('survey_id');
  if (surveyIds) {
    if (surveyIds.length === 0) return new Map();
    q = q.where('survey_id', 'in', surveyIds);
  }
  return new Map((await q.execute()).map((r) => [r.survey_id, Number(r.n)]));
}

/**
 * Writes a batch of online KPI answers taken from the waiting ones (docs/domain.md §5): the responses in the order
 * of their random ids, and each added to its cell's sums. Run it in the transaction that took them.
 */
export async function writeOnlineKpiBatch(
  db: Db,
  fiscalYear: number,
  responses: readonly KpiResponse[],
): Promise<void> {
  if (responses.length === 0) return;
  const surveyId = kpiSurveyId(fiscalYear);
  await bulkWrite(
    db,
    { table: 'survey_responses', columns: RESPONSE_COLUMNS },
    responses
      .map((r) => responseRow(surveyId, 'online', r))
      .sort((a, b) => (String(a[1]) < String(b[1]) ? -1 : 1)),
  );
  for (const r of responses) await addToCell(db, surveyId, r);
}

const momentsSelect = KPI_CODES.map(
  (c) =>
    sql`sum(${sql.ref(`${c}_n`)}) as ${sql.raw(`${c}_n`)}, sum(${sql.ref(`${c}_s`)}) as ${sql.raw(`${c}_s`)}, sum(${sql.ref(`${c}_ss`)}) as ${sql.raw(`${c}_ss`)}, sum(${sql.ref(`${c}_f`)}) as ${sql.raw(`${c}_f`)}`,
);

type MomentsRow = Record<string, unknown>;

function readMoments(r: MomentsRow): Map<KpiCode, AnswerMoments> {
  const out = new Map<KpiCode, AnswerMoments>();
  for (const c of KPI_CODES) {
    const n = Number(r[`${c}_n`] ?? 0);
    out.set(
      c,
      n === 0
        ? NO_MOMENTS
        : { n, sum: Number(r[`${c}_s`]), sumSq: Number(r[`${c}_ss`]), favourable: Number(r[`${c}_f`]) },
    );
  }
  return out;
}

/**
 * The year's KPI moments: respondents and, per question, n, sum, sum of squares, favourable count
 * (docs/domain.md §5).
 */
export async function kpiMoments(
  db: Db,
  fiscalYears: readonly number[],
): Promise<Map<number, { respondents: number; questions: Map<KpiCode, AnswerMoments> }>> {
  const out = new Map<number, { respondents: number; questions: Map<KpiCode, AnswerMoments> }>();
  if (fiscalYears.length === 0) return out;
  const ids = fiscalYears.map(kpiSurveyId);
  const { rows } =
    await sql<MomentsRow>`select survey_id, sum(respondents) as respondents, ${sql.join(momentsSelect)}
    from survey_cells where survey_id in (${sql.join(ids)}) group by survey_id`.execute(db);
  for (const r of rows) {
    const year = Number(String(r['survey_id']).slice(4));
    out.set(year, { respondents: Number(r['respondents']), questions: readMoments(r) });
  }
  return out;
}

/**
 * Every cell of a year's KPI survey: the attributes, the respondents and the moments of each question
 * (docs/domain.md §5 "One disclosure plan": every view's figures and the plan are summed from these).
 */
export async function kpiCells(db: Db, fiscalYear: number): Promise<SurveyCell[]> {
  const { rows } = await sql<MomentsRow>`select unit_code, grade_code, age_band, employment_type,
    sum(respondents) as respondents, ${sql.join(momentsSelect)}
    from survey_cells where survey_id = ${kpiSurveyId(fiscalYear)}
    group by unit_code, grade_code, age_band, employment_type
    order by unit_code, grade_code, age_band, employment_type`.execute(db);
  return rows.map((r) => ({
    unitCode: String(r['unit_code']),
    gradeCode: String(r['grade_code']),
    ageBand: String(r['age_band']),
    employmentType: String(r['employment_type']),
    respondents: Number(r['respondents']),
    questions: readMoments(r),
  }));
}

/** The fiscal years that have KPI survey responses, with their counts, oldest first. */
export async function kpiSurveyYears(db: Db): Promise<{ fiscalYear: number; respondents: number }[]> {
  const rows = await db
    .selectFrom('survey_cells')
    .select(['survey_id', (eb) => eb.fn.sum<number>('respondents').as('n')])
    .where('survey_id', 'like', 'kpi-%')
    .groupBy('survey_id')
    .execute();
  return rows
    .map((r) => ({ fiscalYear: Number(r.survey_id.slice(4)), respondents: Number(r.n) }))
    .sort((a, b) => a.fiscalYear - b.fiscalYear);
}

/** Everyone on the roster with the attributes an answer keeps, by staff number (for the demo survey answers). */
export async function rosterAttributes(
  db: Db,
): Promise<{ unitCode: string; gradeCode: string; employmentType: EmploymentType; birthYear: number }[]> {
  const rows = await db
    .selectFrom('staff')
    .select(['unit_code', 'grade_code', 'employment_type', 'birth_year'])
    .orderBy('staff_no')
    .execute();
  return rows.map((r) => ({
    unitCode: r.unit_code,
    gradeCode: r.grade_code,
    employmentType: r.employment_type as EmploymentType,
    birthYear: r.birth_year,
  }));
}

/** The attributes an online answer keeps, from the roster, or undefined for an unknown staff number. */
export async function responseAttributesOf(
  db: Db,
  staffNo: string,
  fiscalYear: number,
  ageBandOf: (birthYear: number, fiscalYear: number) => ResponseAttributes['ageBand'],
): Promise<ResponseAttributes | undefined> {
  const s = await db
    .selectFrom('staff')
    .select(['unit_code', 'grade_code', 'employment_type', 'birth_year'])
    .where('staff_no', '=', staffNo)
    .executeTakeFirst();
  if (!s) return undefined;
  return {
    unitCode: s.unit_code,
    gradeCode: s.grade_code,
    ageBand: ageBandOf(s.birth_year, fiscalYear),
    employmentType: s.employment_type as ResponseAttributes['employmentType'],
  };
}

/** The saved disclosure plan of a survey (or item) if it was chosen from cells with this fingerprint. */
export async function readSurveyPlan(
  db: Db,
  planKey: string,
  fingerprint: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('survey_plans')
    .select('plan_json')
    .where('plan_key', '=', planKey)
    .where('fingerprint', '=', fingerprint)
    .executeTakeFirst();
  return row?.plan_json;
}

/** Keeps a survey's (or item's) newly chosen plan, replacing the one before (several processes may race: last wins). */
export async function writeSurveyPlan(
  db: Db,
  planKey: string,
  fingerprint: string,
  planJson: string,
): Promise<void> {
  await db
    .insertInto('survey_plans')
    .values({ plan_key: planKey, fingerprint, plan_json: planJson })
    .onConflict((oc) => oc.column('plan_key').doUpdateSet({ fingerprint, plan_json: planJson }))
    .execute();
}
