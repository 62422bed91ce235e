// HR-defined surveys (docs/domain.md §5): their definitions, responses (imported or online, once per person)
// and the moments and choice counts their results are read from.
import { randomBytes } from 'node:crypto';
import {
  FAVOURABLE_MIN,
  itemColumn,
  type AnswerMoments,
  type CustomItem,
  optionKey,
  type ResponseAttributes,
  type SurveyCell,
} from '@jinzai/model';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { bulkWrite, type BulkColumnType } from './bulk.js';
import { RESPONSE_HEAD_COLUMNS, type ResponseSource } from './survey.repository.js';

type Db = Kysely<Database>;

/** An HR-defined survey (docs/domain.md §5). */
export interface CustomSurvey {
  id: string;
  fiscalYear: number;
  titleJa: string;
  items: CustomItem[];
  createdAt: string;
}

/** One stored response of a custom survey: attributes and the stored value per item (1–4, a bit mask, or null). */
export interface CustomResponse extends ResponseAttributes {
  values: readonly (number | null)[];
}

const toSurvey = (r: Database['surveys']): CustomSurvey => ({
  id: r.id,
  fiscalYear: r.fiscal_year,
  titleJa: r.title_ja,
  items: JSON.parse(r.questions_json) as CustomItem[],
  createdAt: r.created_at,
});

/** Stores the definition of an HR-defined survey under a random id (kind 'custom'). */
export async function createCustomSurvey(
  db: Db,
  def: { fiscalYear: number; titleJa: string; items: CustomItem[] },
  now: string,
  id = `c-${randomBytes(6).toString('hex')}`,
): Promise<CustomSurvey> {
  const row = {
    id,
    kind: 'custom',
    fiscal_year: def.fiscalYear,
    title_ja: def.titleJa,
    questions_json: JSON.stringify(def.items),
    created_at: now,
  };
  await db.insertInto('surveys').values(row).execute();
  return toSurvey(row);
}

/** Every HR-defined survey, newest year first, with its number of responses. */
export async function listCustomSurveys(db: Db): Promise<(CustomSurvey & { respondents: number })[]> {
  const rows = await db
    .selectFrom('surveys')
    .selectAll()
    .select((eb) =>
      eb
        .selectFrom('survey_responses')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('survey_responses.survey_id', '=', 'surveys.id')
        .as('respondents'),
    )
    .where('kind', '=', 'custom')
    .orderBy('fiscal_year', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...toSurvey(r), respondents: Number(r.respondents ?? 0) }));
}

/** One HR-defined survey, or undefined. */
export async function getCustomSurvey(db: Db, id: string): Promise<CustomSurvey | undefined> {
  const r = await db
    .selectFrom('surveys')
    .selectAll()
    .where('id', '=', id)
    .where('kind', '=', 'custom')
    .executeTakeFirst();
  return r ? toSurvey(r) : undefined;
}

const columnsFor = (items: number): { name: string; type: BulkColumnType }[] => [
  ...RESPONSE_HEAD_COLUMNS,
  ...Array.from({ length: items }, (_, i) => ({ name: itemColumn(i), type: 'integer' as const })),
];

const rowOf = (surveyId: string, source: ResponseSource, items: number, r: CustomResponse) => [
  surveyId,
  randomBytes(12).toString('base64url'),
  source,
  r.unitCode,
  r.gradeCode,
  r.ageBand,
  r.employmentType,
  ...Array.from({ length: items }, (_, i) => r.values[i] ?? null),
];

/**
 * Replaces a custom survey's imported responses with these (an import is the whole export of another tool); online
 * answers stay. Run it in the caller's transaction.
 */
export async function replaceImportedCustomResponses(
  db: Db,
  survey: Pick<CustomSurvey, 'id' | 'items'>,
  responses: readonly CustomResponse[],
): Promise<{ replaced: number }> {
  const r = await db
    .deleteFrom('survey_responses')
    .where('survey_id', '=', survey.id)
    .where('source', '=', 'import')
    .executeTakeFirst();
  const n = survey.items.length;
  await bulkWrite(
    db,
    { table: 'survey_responses', columns: columnsFor(n) as never },
    responses.map((x) => rowOf(survey.id, 'import', n, x)),
  );
  return { replaced: Number(r.numDeletedRows) };
}

/**
 * Writes a batch of online answers to a custom survey taken from the waiting ones (docs/domain.md §5), exactly as
 * the KPI survey does: the responses with attributes only, in the order of their random ids. Run it in the
 * transaction that took them.
 */
export async function writeOnlineCustomBatch(
  db: Db,
  survey: Pick<CustomSurvey, 'id' | 'items'>,
  responses: readonly CustomResponse[],
): Promise<void> {
  if (responses.length === 0) return;
  const n = survey.items.length;
  await bulkWrite(
    db,
    { table: 'survey_responses', columns: columnsFor(n) as never },
    responses
      .map((r) => rowOf(survey.id, 'online', n, r))
      .sort((x, y) => (String(x[1]) < String(y[1]) ? -1 : 1)),
  );
}

/** The surveys (of these ids) that this member of staff has answered online. */
export async function answeredSurveyIds(db: Db, staffNo: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('survey_participants')
    .select('survey_id')
    .where('staff_no', '=', staffNo)
    .execute();
  return new Set(rows.map((r) => r.survey_id));
}

/** The moments of one 4-point item over all responses (n, sum, sum of squares, 3s and 4s), and the respondents. */
export async function customItemMoments(
  db: Db,
  surveyId: string,
  itemIndexes: readonly number[],
): Promise<{ respondents: number; items: Map<number, AnswerMoments> }> {
  const parts = itemIndexes.map((i) => {
    const c = sql.ref(itemColumn(i));
    return sql`count(${c}) as ${sql.raw(`n${i}`)}, coalesce(sum(${c}), 0) as ${sql.raw(`s${i}`)}, coalesce(sum(${c} * ${c}), 0) as ${sql.raw(`ss${i}`)}, coalesce(sum(case when ${c} >= ${sql.lit(FAVOURABLE_MIN)} then 1 else 0 end), 0) as ${sql.raw(`f${i}`)}`;
  });
  const { rows } = await sql<Record<string, unknown>>`select count(*) as respondents${
    parts.length > 0 ? sql`, ${sql.join(parts)}` : sql``
  } from survey_responses where survey_id = ${surveyId}`.execute(db);
  const r = rows[0] ?? {};
  const items = new Map<number, AnswerMoments>();
  for (const i of itemIndexes)
    items.set(i, {
      n: Number(r[`n${i}`] ?? 0),
      sum: Number(r[`s${i}`] ?? 0),
      sumSq: Number(r[`ss${i}`] ?? 0),
      favourable: Number(r[`f${i}`] ?? 0),
    });
  return { respondents: Number(r['respondents'] ?? 0), items };
}

/**
 * Per combination of attributes, the respondents who answered a multiple-choice item and how many chose each
 * option, as survey cells (docs/domain.md §5 cross-tabs: `opt1`… hold the option counts as sums). Combinations with
 * no answer to the item are absent.
 */
export async function choiceCells(
  db: Db,
  surveyId: string,
  itemIndex: number,
  options: number,
): Promise<SurveyCell[]> {
  const col = sql.ref(itemColumn(itemIndex));
  const { rows } = await sql<{
    unit_code: string;
    grade_code: string;
    age_band: string;
    employment_type: string;
    m: number;
    n: number;
  }>`select unit_code, grade_code, age_band, employment_type, ${col} as m, count(*) as n
    from survey_responses where survey_id = ${surveyId} and ${col} is not null
    group by unit_code, grade_code, age_band, employment_type, ${col}`.execute(db);
  const out = new Map<string, { cell: SurveyCell; counts: number[] }>();
  for (const r of rows) {
    const key = [r.unit_code, r.grade_code, r.age_band, r.employment_type].join('\t');
    const had = out.get(key) ?? {
      cell: {
        unitCode: String(r.unit_code),
        gradeCode: String(r.grade_code),
        ageBand: String(r.age_band),
        employmentType: String(r.employment_type),
        respondents: 0,
        questions: new Map(),
      },
      counts: Array.from({ length: options }, () => 0),
    };
    const n = Number(r.n);
    const m = Number(r.m);
    had.cell.respondents += n;
    for (let k = 0; k < options; k++) if (m & (1 << k)) had.counts[k] = (had.counts[k] ?? 0) + n;
    out.set(key, had);
  }
  return [...out.values()].map(({ cell, counts }) => ({
    ...cell,
    questions: new Map(
      counts.map((c, k) => [optionKey(k), { n: cell.respondents, sum: c, sumSq: c, favourable: 0 }]),
    ),
  }));
}
