// The roster search key (docs/interfaces.md "Daily work" GET /api/org/staff): name and kana in search form, so that
// a search ignores width and hiragana/katakana without normalising every row at query time.
import { staffSearchKey } from '@jinzai/model';
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('staff')
    .addColumn('search_key', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  const rows = (
    await sql<{
      staff_no: string;
      name: string;
      name_kana: string;
    }>`select staff_no, name, name_kana from staff`.execute(db)
  ).rows;
  for (const r of rows) {
    await sql`update staff set search_key = ${staffSearchKey(r.name, r.name_kana)} where staff_no = ${r.staff_no}`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff').dropColumn('search_key').execute();
}
