// The error of an import that cannot go through: every problem found, by row and column.
/** One problem found in an uploaded file. `row` is the spreadsheet row (the header is row 1). */
export interface ImportDetail {
  row?: number;
  column?: string;
  message: string;
}

/**
 * A file that cannot be imported. Routes turn it into a 400 `{ error: { code, message, details } }`;
 * row numbers count the header as row 1, so an HR clerk finds the row in Excel.
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly code: string;
  readonly details: ImportDetail[];
  /** The HTTP status of the answer: 400, or 413 for a file over a size limit (limits.ts). */
  readonly status: 400 | 413 = 400;

  constructor(code: string, message: string, details: ImportDetail[] = []) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

/** The most details one error carries; more would only bury the first mistakes. */
export const MAX_DETAILS = 100;

/** Throws one ImportError for all the details, keeping the first MAX_DETAILS in file order. */
export function throwIfAny(code: string, details: ImportDetail[]): void {
  if (details.length === 0) return;
  const sorted = [...details].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const shown = sorted.slice(0, MAX_DETAILS);
  const more = sorted.length > MAX_DETAILS ? `（先頭${MAX_DETAILS}件を表示）` : '';
  throw new ImportError(
    code,
    `ファイルに${sorted.length}件の誤りがあります${more}。1件でも誤りがあると何も取り込みません`,
    shown,
  );
}
