// Organisation imports (docs/interfaces.md "Organisation and staff"): units and staff files, all or nothing,
// audited.
import {
  listUnits,
  markLeavers,
  syncAccountsWithRoster,
  writeAuditBatch,
  upsertStaff,
  upsertUnits,
  yieldToEventLoop,
  type Database,
  type UpsertCounts,
  type UpsertResult,
} from '@jinzai/db';
import { birthYearProblem, leadsIntoCycle, UNIT_LEVELS, type UnitLevel } from '@jinzai/model';
import type { Kysely } from 'kysely';
import { recordChanges, recordImport } from '../audit.js';
import { throwIfAny, type ImportDetail } from '../import/errors.js';
import { parseStaffFile, parseUnitsFile } from '../import/org-import.js';
import { missingReferences } from '../import/references.js';
import type { Upload } from '../import/table.js';
import type { Actor } from './actor.js';

export interface ImportSummary extends UpsertCounts {
  rows: number;
}

/**
 * Audits an import in the transaction of its write: one entry per created or changed record (`entity.record`:
 * the changed fields before and after, in one bulk write) and the summary entry (`entity.summary`: counts and the
 * file's SHA-256); sums it up for the response.
 */
async function imported<T extends object>(
  trx: Kysely<Database>,
  actor: Actor,
  now: Date,
  entity: { summary: 'units' | 'staff'; record: 'unit' | 'staff' },
  file: Upload,
  result: UpsertResult<T>,
): Promise<ImportSummary> {
  const summary = { rows: result.created + result.updated, created: result.created, updated: result.updated };
  const changed = await recordChanges(trx, actor, now, entity.record, result.rows);
  await recordImport(trx, actor, now, { entity: entity.summary }, file, { ...summary, changed });
  return summary;
}

/** Rows checked between two turns of the event loop. */
const ROWS_PER_TURN = 5_000;

const levelIndex = (l: string) => UNIT_LEVELS.indexOf(l as UnitLevel);

/**
 * Imports a units file (docs/interfaces.md "Organisation and staff"): all or nothing, in one transaction.
 * Checks that need the database run inside it: a parent that exists nowhere, a parent whose level is not one
 * above, and a cycle that the file would close together with the units already stored.
 */
export async function importUnits(
  db: Kysely<Database>,
  file: Upload,
  actor: Actor,
  now: Date,
): Promise<ImportSummary> {
  const rows = await parseUnitsFile(file.bytes, file.contentType);
  return db.transaction().execute(async (trx) => {
    const stored = new Map((await listUnits(trx)).map((u) => [u.code, u]));
    const merged = new Map<string, { level: string; parentCode: string | null }>(stored);
    for (const r of rows) merged.set(r.code, { level: r.level, parentCode: r.parent_code });
    await yieldToEventLoop();

    const details: ImportDetail[] = missingReferences(rows, new Set(merged.keys()), 'parent_code');
    await yieldToEventLoop();
    for (const [k, r] of rows.entries()) {
      if (k % ROWS_PER_TURN === ROWS_PER_TURN - 1) await yieldToEventLoop();
      const parent = r.parent_code ? merged.get(r.parent_code) : undefined;
      if (r.parent_code === null && r.level !== '部') {
        details.push({
          row: r.row,
          column: 'parent_code',
          message: `${r.level}には上位組織（parent_code）が必要です`,
        });
      }
      if (parent && levelIndex(parent.level) !== levelIndex(r.level) - 1) {
        details.push({
          row: r.row,
          column: 'level',
          message: `${r.level}の上位組織は${UNIT_LEVELS[levelIndex(r.level) - 1] ?? '（なし）'}である必要があります（${r.parent_code}は${parent.level}）`,
        });
      }
      // A cycle through stored units, walking up from this row.
      if (leadsIntoCycle(r.code, merged)) {
        details.push({
          row: r.row,
          column: 'parent_code',
          message: `上位組織をたどると循環しています（${r.code}）`,
        });
      }
    }
    throwIfAny('invalid_reference', details);

    const result = await upsertUnits(trx, rows, now.toISOString());
    return imported(trx, actor, now, { summary: 'units', record: 'unit' }, file, result);
  });
}

export interface StaffImportSummary extends ImportSummary {
  /** A full roster: the people it left out, now marked as having left. */
  left: number;
  /** Accounts disabled because their person left, and enabled again because they are back. */
  accountsDisabled: number;
  accountsEnabled: number;
}

/**
 * Imports a staff file: all or nothing; every unit_code must exist (in the database). With `roster`, the file is
 * the whole roster: whoever is on the stored roster and not in the file has left today. Either way the accounts
 * follow the roster (docs/domain.md §9 "Accounts"): a leaver's account is disabled and every session of theirs
 * ends; an account disabled for leaving comes back with its person. Each change is audited.
 */
export async function importStaff(
  db: Kysely<Database>,
  file: Upload,
  actor: Actor,
  now: Date,
  options: { roster?: boolean } = {},
): Promise<StaffImportSummary> {
  const rows = await parseStaffFile(file.bytes, file.contentType);
  const ages: ImportDetail[] = [];
  for (const r of rows) {
    const problem = birthYearProblem(r.birth_year, now.getFullYear());
    if (problem) ages.push({ row: r.row, column: 'birth_year', message: problem });
  }
  throwIfAny('invalid_rows', ages);
  return db.transaction().execute(async (trx) => {
    const units = new Set((await listUnits(trx)).map((u) => u.code));
    throwIfAny('invalid_reference', missingReferences(rows, units, 'unit_code'));
    const result = await upsertStaff(trx, rows, now.toISOString());
    const left = options.roster
      ? await markLeavers(
          trx,
          rows.map((r) => r.staff_no),
          now.toISOString().slice(0, 10),
        )
      : [];
    const accounts = await syncAccountsWithRoster(trx);
    const at = now.toISOString();
    await writeAuditBatch(trx, [
      ...left.map((staffNo) => ({
        at,
        ...actor,
        action: 'update' as const,
        entity: 'staff',
        entityId: staffNo,
        before: { onRoster: true },
        after: { onRoster: false },
        detail: { change: 'left-roster' },
      })),
      ...[
        ...accounts.disabled.map((loginId) => ({ loginId, active: false })),
        ...accounts.enabled.map((loginId) => ({ loginId, active: true })),
      ].map((a) => ({
        at,
        ...actor,
        action: 'update' as const,
        entity: 'user',
        entityId: a.loginId,
        before: { active: !a.active },
        after: { active: a.active },
        detail: { change: a.active ? 'back-on-roster' : 'left-roster' },
      })),
    ]);
    const summary = await imported(trx, actor, now, { summary: 'staff', record: 'staff' }, file, result);
    return {
      ...summary,
      left: left.length,
      accountsDisabled: accounts.disabled.length,
      accountsEnabled: accounts.enabled.length,
    };
  });
}
