// The database's liveness, for the health route.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Runs the cheapest query there is; throws when the database cannot answer. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
