// Programme use counts (policy IV-3 ※6): per fiscal year and programme, entered by HR, without targets.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { bulkWrite } from './bulk.js';

type Db = Kysely<Database>;

/** Programme use counts (policy IV-3 ※6): every stored year and programme. */
export async function listProgrammeCounts(
  db: Db,
): Promise<{ fiscalYear: number; programmeCode: string; count: number }[]> {
  const rows = await db
    .selectFrom('programme_counts')
    .selectAll()
    .orderBy('fiscal_year')
    .orderBy('programme_code')
    .execute();
  return rows.map((r) => ({
    fiscalYear: r.fiscal_year,
    programmeCode: r.programme_code,
    count: Number(r.count),
  }));
}

/** Sets a year's programme use counts (one row per programme), replacing what the year had for those programmes. */
export async function upsertProgrammeCounts(
  db: Db,
  fiscalYear: number,
  counts: readonly { programmeCode: string; count: number }[],
  now: string,
): Promise<void> {
  if (counts.length === 0) return;
  await bulkWrite(
    db,
    {
      table: 'programme_counts',
      columns: [
        { name: 'fiscal_year', type: 'integer' },
        { name: 'programme_code', type: 'text' },
        { name: 'count', type: 'integer' },
        { name: 'updated_at', type: 'text' },
      ],
      conflict: ['fiscal_year', 'programme_code'],
    },
    counts.map((c) => [fiscalYear, c.programmeCode, c.count, now]),
  );
}
