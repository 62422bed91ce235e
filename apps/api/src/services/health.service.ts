// Whether the API can reach its database, for the health route (docs/interfaces.md "Start, sign-in, demo").
import { pingDatabase, type Database, type DialectName } from '@jinzai/db';
import type { Kysely } from 'kysely';

/** Up when the database answers (a failure throws, and the route answers 500); names the database kind. */
export async function health(db: Kysely<Database>, dialect: DialectName) {
  await pingDatabase(db);
  return { status: 'ok' as const, database: dialect };
}
