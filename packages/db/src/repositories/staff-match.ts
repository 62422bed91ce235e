// The roster's text search (docs/interfaces.md "Daily work"), shared by the roster and HR's sheet list.
import { searchForm } from '@jinzai/model';
import { PostgresAdapter, sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../schema.js';

/**
 * The condition on a `staff` row (of `alias`, or unqualified) that `q` finds it: the start of its 職員番号, in any
 * width (NFKC), or any part of the name or kana through the search key (model's searchForm: width and
 * hiragana/katakana ignored). Plain substring functions rather than LIKE: no wildcard to escape, and SQLite scans
 * the key's index about twice as fast with instr as with LIKE … ESCAPE.
 */
export function staffMatch(db: Kysely<Database>, q: string, alias?: string): RawBuilder<SqlBool> {
  const col = (name: string) => sql.ref(alias ? `${alias}.${name}` : name);
  const number = q.normalize('NFKC').trim();
  const key = searchForm(q);
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const contains = pg
    ? sql<SqlBool>`strpos(${col('search_key')}, ${key}) > 0`
    : sql<SqlBool>`instr(${col('search_key')}, ${key}) > 0`;
  const starts = sql<SqlBool>`substr(${col('staff_no')}, 1, ${number.length}) = ${number}`;
  if (number === '' && key === '') return sql<SqlBool>`1 = 1`;
  if (number === '') return contains;
  if (key === '') return starts;
  return sql<SqlBool>`(${starts} or ${contains})`;
}
