// The disclosure plan of each survey, kept beside its answers (docs/domain.md §5 "One disclosure plan").
import type { Kysely } from 'kysely';

/**
 * `survey_plans` holds the plan last chosen for a survey (or one item of it) with a fingerprint of the cells it
 * was chosen from: every API process reads the same plan, and a change in the answers (an import, an online
 * answer) makes the fingerprint differ, so the plan is chosen again on the next read. It holds group names and
 * why they are withheld, never answers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('survey_plans')
    .addColumn('plan_key', 'text', (c) => c.primaryKey())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('plan_json', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('survey_plans').execute();
}
