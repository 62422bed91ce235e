import { createHash } from 'node:crypto';
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The SQL texts of the queries below, by the statement name PostgreSQL prepares each under (connect.ts). */
const statementNames = new Map<string, string>();

/**
 * The name under which PostgreSQL keeps a query of `prepared` as a prepared statement on each connection (parsed and
 * planned once per connection, not per request), or undefined for any other SQL.
 */
export function statementName(text: string): string | undefined {
  return statementNames.get(text);
}

/**
 * A query compiled once per database handle and run with new parameter values: for the few queries on every
 * request's path (the session lookup), where building and compiling kysely's query tree each time would cost more
 * than the query. Parameters are given as unique marker strings at build time and swapped in at run time.
 */
export function prepared<P extends string, R>(
  markers: readonly P[],
  build: (db: Kysely<Database>, marker: (name: P) => string) => Compilable<R>,
) {
  const cache = new WeakMap<Kysely<Database>, CompiledQuery<R>>();
  const tag = (name: P) => `\u0000${name}\u0000`;
  return async (db: Kysely<Database>, values: Record<P, unknown>): Promise<R[]> => {
    let q = cache.get(db);
    if (!q) {
      q = build(db, tag).compile();
      cache.set(db, q);
      statementNames.set(q.sql, `jinzai_${createHash('sha256').update(q.sql).digest('hex').slice(0, 24)}`);
    }
    const parameters = q.parameters.map((p) => {
      if (typeof p === 'string' && p.startsWith('\u0000')) {
        const name = markers.find((m) => tag(m) === p);
        if (name) return values[name];
      }
      return p;
    });
    const result = await db.executeQuery<R>({ ...q, parameters });
    return result.rows;
  };
}
