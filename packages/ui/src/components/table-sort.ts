// Sorting for DataTable's sortable headers, kept pure so that it can be unit-tested without a browser.
import type { Column } from './types.js';

export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  key: string;
  direction: SortDirection;
}

const collator = new Intl.Collator('ja', { numeric: true });

/** The rows ordered by the column named in `sort` (a stable sort; the original order when nothing is sorted). */
export function sortRows<Row>(
  rows: readonly Row[],
  columns: readonly Column<Row>[],
  sort: SortState | null,
): Row[] {
  const column = sort ? columns.find((c) => c.key === sort.key) : undefined;
  if (!sort || !column) return [...rows];
  const valueOf = column.sortValue ?? column.value ?? (() => '');
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: valueOf(row) ?? '' }))
    .sort((a, b) => {
      const order =
        typeof a.value === 'number' && typeof b.value === 'number'
          ? a.value - b.value
          : collator.compare(String(a.value), String(b.value));
      return order * sign || a.index - b.index;
    })
    .map(({ row }) => row);
}

/** The next state when a column's header is pressed: ascending first, then descending. */
export function nextSort(current: SortState | null, key: string): SortState {
  return current?.key === key && current.direction === 'ascending'
    ? { key, direction: 'descending' }
    : { key, direction: 'ascending' };
}
