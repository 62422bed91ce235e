import type { Kysely } from 'kysely';
import { autoIdType, isPostgres } from './helpers.js';

/** Recruitment rounds: stages and panels, criteria, applicants, decisions, score sheets and scores. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  const id = (t: string) =>
    db.schema
      .createTable(t)
      .addColumn('id', autoIdType(db), (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()));

  await id('recruit_rounds')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('track', 'text', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('weight_version', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('retention_months', 'integer', (c) => c.notNull())
    .addColumn('scores_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .execute();

  await id('recruit_stages')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('recruit_rounds.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recruit_stages_round_idx')
    .on('recruit_stages')
    .columns(['round_id', 'position'])
    .execute();

  await db.schema
    .createTable('recruit_panel')
    .addColumn('stage_id', 'integer', (c) => c.notNull().references('recruit_stages.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('recruit_panel_pk', ['stage_id', 'user_id'])
    .execute();
  await db.schema.createIndex('recruit_panel_user_idx').on('recruit_panel').column('user_id').execute();

  await id('recruit_criteria')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('recruit_rounds.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('layer', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('anchors_json', 'text', (c) => c.notNull())
    .addColumn('questions_json', 'text', (c) => c.notNull())
    // 1 for a criterion that stands for its whole layer (a scores CSV row naming a layer code).
    .addColumn('holistic', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('recruit_criteria_code_uq', ['round_id', 'code'])
    .execute();

  await id('recruit_applicants')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('recruit_rounds.id').onDelete('cascade'))
    .addColumn('applicant_no', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('name_kana', 'text')
    .addColumn('email', 'text')
    .addColumn('consent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('anonymised_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('recruit_applicants_no_uq', ['round_id', 'applicant_no'])
    .execute();

  await db.schema
    .createTable('recruit_decisions')
    .addColumn('stage_id', 'integer', (c) => c.notNull().references('recruit_stages.id').onDelete('cascade'))
    .addColumn('applicant_id', 'integer', (c) =>
      c.notNull().references('recruit_applicants.id').onDelete('cascade'),
    )
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer')
    .addPrimaryKeyConstraint('recruit_decisions_pk', ['stage_id', 'applicant_id'])
    .execute();

  await id('recruit_sheets')
    .addColumn('stage_id', 'integer', (c) => c.notNull().references('recruit_stages.id').onDelete('cascade'))
    .addColumn('applicant_id', 'integer', (c) =>
      c.notNull().references('recruit_applicants.id').onDelete('cascade'),
    )
    .addColumn('rater_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('recruit_sheets_uq', ['stage_id', 'applicant_id', 'rater_id'])
    .execute();
  await db.schema
    .createIndex('recruit_sheets_stage_idx')
    .on('recruit_sheets')
    .columns(['stage_id', 'status'])
    .execute();
  await db.schema
    .createIndex('recruit_sheets_rater_idx')
    .on('recruit_sheets')
    .columns(['rater_id', 'stage_id'])
    .execute();

  await db.schema
    .createTable('recruit_scores')
    .addColumn('sheet_id', 'integer', (c) => c.notNull().references('recruit_sheets.id').onDelete('cascade'))
    .addColumn('criterion_id', 'integer', (c) =>
      c.notNull().references('recruit_criteria.id').onDelete('cascade'),
    )
    // The criterion's layer, copied so that results aggregate from this table and its index alone.
    .addColumn('layer', 'text', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('recruit_scores_pk', ['sheet_id', 'criterion_id'])
    .execute();
  // Covers the results query: GROUP BY sheet, layer with the score.
  await db.schema
    .createIndex('recruit_scores_cover_idx')
    .on('recruit_scores')
    .columns(['sheet_id', 'layer', 'score'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'recruit_scores',
    'recruit_sheets',
    'recruit_decisions',
    'recruit_applicants',
    'recruit_criteria',
    'recruit_panel',
    'recruit_stages',
    'recruit_rounds',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
