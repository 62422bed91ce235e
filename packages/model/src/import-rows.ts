// The rows of an import file as plain checks, one per column (docs/interfaces.md "Conventions"): the import
// machinery runs them straight over the file's columns, and the same checks make the row's zod schema.
import { z } from 'zod';

/** Reports what is wrong with a cell, in Japanese; a cell with an issue leaves its row out. */
export type CellIssue = (message: string) => void;

/** The check of one cell: its text in, its value out, or an issue. Pure: the same text always gives the same. */
export type CellCheck<T> = (text: string, issue: CellIssue) => T;

type Checks = Record<string, CellCheck<unknown>>;

/** A row as its checks produce it. */
export type RowOf<C extends Checks> = { [K in keyof C]: ReturnType<C[K]> };

/** The columns an import accepts: column order is free, unknown columns are a 400. */
export interface ColumnSpec {
  required: readonly string[];
  optional: readonly string[];
}

/** One row of an import: its columns and a check per column. */
export interface RowSpec<C extends Checks = Checks> {
  /**
   * The name the spec is exported under from `@jinzai/model`: the upload worker looks it up there to check the
   * file off the server's event loop (a spec that is not exported is checked on the calling thread).
   */
  readonly name: string;
  readonly columns: ColumnSpec;
  readonly checks: C;
  /** Columns whose (checked, non-empty) value may appear once in a file, with the name a message calls them by. */
  readonly unique: Readonly<Partial<Record<keyof C & string, string>>>;
  /** The same checks as a zod schema over `{ column: text }`, for a single row (a form, a test). */
  readonly schema: z.ZodType<RowOf<C>, { [K in keyof C]: string }>;
}

/** A row spec; `checks` must cover every column of `columns`. */
export function rowSpec<C extends Checks>(
  name: string,
  columns: ColumnSpec,
  checks: C,
  unique: RowSpec<C>['unique'] = {} as RowSpec<C>['unique'],
): RowSpec<C> {
  const shape = Object.fromEntries(
    Object.entries(checks).map(([column, check]) => [
      column,
      z.string().transform((text, ctx) => {
        let failed = false;
        const value = check(text, (message) => {
          failed = true;
          ctx.addIssue({ code: 'custom', message });
        });
        return failed ? z.NEVER : value;
      }),
    ]),
  );
  const schema = z.object(shape) as unknown as RowSpec<C>['schema'];
  return { name, columns, checks, unique, schema };
}
