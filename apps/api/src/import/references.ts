// Checks shared by the imports once a file is parsed: codes that must name something known, and the file's digest
// that the audit log keeps for every import.
import { createHash } from 'node:crypto';
import type { ImportDetail } from './errors.js';

/**
 * Details for the rows whose `column` names a code that is not in `known` (empty values are skipped).
 * The caller builds `known` from the file itself plus one database query, then passes the details to
 * throwIfAny, so that a unit_code or parent_code that exists nowhere is a 400 naming its row.
 */
export function missingReferences<K extends string>(
  rows: readonly ({ row: number } & { [P in K]?: string | null })[],
  known: ReadonlySet<string>,
  column: K,
): ImportDetail[] {
  const details: ImportDetail[] = [];
  for (const r of rows) {
    const value = r[column];
    if (value === null || value === undefined || value === '' || known.has(value)) continue;
    details.push({ row: r.row, column, message: `コード「${value}」が見つかりません` });
  }
  return details;
}

/** The SHA-256 of an imported file, hex: the audit log names the exact file without keeping it. */
export const fileSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
