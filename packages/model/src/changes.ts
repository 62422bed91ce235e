// What a write changed, as the audit log keeps it (docs/domain.md §9: the before and after of a write).

/** The changed fields of one record: before and after hold those fields only (before is absent when created). */
export interface FieldChanges<T> {
  before?: Partial<T>;
  after: Partial<T>;
}

/** Whether two field values are the same: primitives by identity, objects and arrays by their JSON. */
const same = (a: unknown, b: unknown) =>
  Object.is(a, b) ||
  (typeof a === 'object' &&
    typeof b === 'object' &&
    a !== null &&
    b !== null &&
    JSON.stringify(a) === JSON.stringify(b));

/**
 * The fields of `after` that differ from `before` (null: nothing changed); a record that did not exist
 * (`before` null) has every field of `after` as changed.
 */
export function fieldChanges<T extends object>(
  before: T | null | undefined,
  after: T,
): FieldChanges<T> | null {
  if (!before) return { after: { ...after } };
  const was: Partial<T> = {};
  const now: Partial<T> = {};
  let changed = false;
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (same(before[key], after[key])) continue;
    was[key] = before[key];
    now[key] = after[key];
    changed = true;
  }
  return changed ? { before: was, after: now } : null;
}
