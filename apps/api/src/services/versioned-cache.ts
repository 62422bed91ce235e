// Views computed once per data version (issue 15): HR's distributions and the KPI board and breakdowns cost tens of
// milliseconds to compute and change only when their data does. Each process keeps what it computed with the
// versions of the areas it read (packages/db data-versions: moved on in the transaction of every write, in any
// process); a request reads the versions in one query and is served from the memo only while they are unchanged.
import { dataVersion, type DataArea, type Database } from '@jinzai/db';
import type { Kysely } from 'kysely';

type Db = Kysely<Database>;

interface Entry<V> {
  version: string;
  value: Promise<V>;
}

/**
 * A memo of `compute` by key and the versions of `areas`, per database handle (tests run several), with at most
 * `size` keys (the oldest goes first). Concurrent requests for the same key and versions share one computation. The
 * values are shared between requests: callers must not change them.
 */
export function versionedCache<V>(areas: readonly DataArea[], size = 64) {
  const byDb = new WeakMap<Db, Map<string, Entry<V>>>();
  return async (db: Db, key: string, compute: () => Promise<V>): Promise<V> => {
    // The versions first, then the data: a write that lands in between leaves a newer value under an older
    // version, which the next read recomputes; never an older value under a newer version.
    const version = await dataVersion(db, areas);
    let memo = byDb.get(db);
    if (!memo) {
      memo = new Map();
      byDb.set(db, memo);
    }
    const hit = memo.get(key);
    if (hit && hit.version === version) return hit.value;
    const value = compute();
    const entry = { version, value };
    memo.delete(key);
    memo.set(key, entry);
    if (memo.size > size) {
      const oldest = memo.keys().next().value;
      if (oldest !== undefined) memo.delete(oldest);
    }
    // A failed computation is not kept.
    value.catch(() => {
      if (memo.get(key) === entry) memo.delete(key);
    });
    return value;
  };
}
