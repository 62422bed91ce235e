export interface NavLink {
  href: string;
  label: string;
  /** Marks the link of the page being shown (aria-current="page"). */
  current?: boolean;
}

export interface Column<Row> {
  key: string;
  label: string;
  /** Figures are right-aligned with tabular digits. */
  numeric?: boolean;
  /** The cell that names the row: rendered as <th scope="row">. */
  rowHeader?: boolean;
  value: (row: Row) => string | number;
}
