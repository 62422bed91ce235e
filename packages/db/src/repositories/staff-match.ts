// The roster's text search (docs/interfaces.md "Daily work"), shared by the roster and HR's sheet list.
import { searchForm } from '@jinzai/model';
import { sql, type RawBuilder, type SqlBool } from 'kysely';

const like = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The condition on a `staff` row that `q` finds it: the start of its 職員番号 (in any width: NFKC) or any part of
 * the name or kana through the search key (model's searchForm: width and hiragana/katakana ignored). Written
 * against the unqualified columns `staff_no` and `search_key` of the staff table.
 */
export function staffMatch(q: string): RawBuilder<SqlBool> {
  const number = q.normalize('NFKC').trim();
  return sql<SqlBool>`(staff_no like ${`${like(number)}%`} escape '\\' or search_key like ${`%${like(searchForm(q))}%`} escape '\\')`;
}
