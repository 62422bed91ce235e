// Types of the shared components' props.
import type { Snippet } from 'svelte';

/** The message key of an app's name: the shell, the error page and the page titles show it. */
export type AppKey = 'app.recruit' | 'app.review';

export interface NavLink {
  href: string;
  label: string;
  /** Marks the link of the page being shown (aria-current="page"). */
  current?: boolean;
}

export interface Column<Row> {
  key: string;
  label: string;
  /** The header's label is for screen readers only (e.g. a column of "open" links). */
  hideLabel?: boolean;
  /** Figures are right-aligned with tabular digits. */
  numeric?: boolean;
  /** The cell that names the row: rendered as <th scope="row">. */
  rowHeader?: boolean;
  /** The cell's text (and, without sortValue, what the column sorts by); a column with a custom cell may omit it. */
  value?: (row: Row) => string | number | null | undefined;
  /** Makes the cell's text a link. */
  href?: (row: Row) => string;
  /** Custom cell content (a badge, a link with hidden text); the text of value() is then not shown. The snippet
   * gets the row and the column's key, so one snippet can serve a set of like columns (e.g. one per year). */
  cell?: Snippet<[Row, string]>;
  /** Extra classes of the row's cell, e.g. a withheld figure. */
  cellClass?: (row: Row) => string | undefined;
  /** The header becomes a button that sorts the rows by this column. */
  sortable?: boolean;
  /** What to sort by when it differs from the shown text, e.g. a number shown with its unit. */
  sortValue?: (row: Row) => string | number;
}
