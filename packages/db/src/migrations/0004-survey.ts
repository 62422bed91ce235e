import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.js';

/** The widest survey: the KPI survey uses q01–q15; an HR-defined survey up to q20. */
export const SURVEY_ITEM_COLUMNS = Array.from({ length: 20 }, (_, i) => `q${String(i + 1).padStart(2, '0')}`);

/**
 * The staff survey (docs/domain.md §5): surveys, anonymous responses (attributes only, random ids, no time),
 * a separate record of who has answered, and the yearly use counts of the programmes. On SQLite both the
 * responses and the participants are WITHOUT ROWID tables ordered by their keys, so that no hidden insertion
 * order links the two.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  const withoutRowid = sql`without rowid`;

  await db.schema
    .createTable('surveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('title_ja', 'text', (c) => c.notNull())
    .addColumn('questions_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  let responses = db.schema
    .createTable('survey_responses')
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('grade_code', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('employment_type', 'text', (c) => c.notNull());
  for (const col of SURVEY_ITEM_COLUMNS) responses = responses.addColumn(col, 'integer');
  responses = responses.addPrimaryKeyConstraint('survey_responses_pk', ['survey_id', 'id']);
  await (pg ? responses : responses.modifyEnd(withoutRowid)).execute();
  // Running sums per survey and attribute cell (n, sum, sum of squares, favourable per item): the KPI board and
  // the breakdowns add up a few thousand cells instead of scanning every response (docs/domain.md §5
  // figures).
  let cells = db.schema
    .createTable('survey_cells')
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('grade_code', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('employment_type', 'text', (c) => c.notNull())
    .addColumn('respondents', 'integer', (c) => c.notNull());
  for (const col of SURVEY_ITEM_COLUMNS) {
    for (const part of ['n', 's', 'ss', 'f']) {
      cells = cells.addColumn(`${col}_${part}`, 'integer', (c) => c.notNull().defaultTo(0));
    }
  }
  await cells
    .addPrimaryKeyConstraint('survey_cells_pk', [
      'survey_id',
      'unit_code',
      'grade_code',
      'age_band',
      'employment_type',
    ])
    .execute();

  const participants = db.schema
    .createTable('survey_participants')
    .addColumn('survey_id', 'text', (c) => c.notNull())
    .addColumn('staff_no', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_participants_pk', ['survey_id', 'staff_no']);
  await (pg ? participants : participants.modifyEnd(withoutRowid)).execute();

  await db.schema
    .createTable('programme_counts')
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('programme_code', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('programme_counts_pk', ['fiscal_year', 'programme_code'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'programme_counts',
    'survey_participants',
    'survey_cells',
    'survey_responses',
    'surveys',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
