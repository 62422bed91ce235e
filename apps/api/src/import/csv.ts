// Reading and writing CSV text (RFC 4180, as Excel writes and reads it).
import { ImportError } from './errors.js';
import {
  cellTooLong,
  MAX_CELL_LENGTH,
  MAX_CELLS,
  MAX_COLUMNS,
  MAX_ROWS,
  tooManyCells,
  tooManyColumns,
  tooManyRows,
} from './limits.js';

/** One record of a CSV file: `row` counts records as Excel shows rows (blank lines included), from 1. */
export interface CsvRecord {
  row: number;
  /** The physical line the record starts on (a quoted field may span lines). */
  line: number;
  fields: string[];
}

/**
 * Parses RFC 4180 CSV: quoted fields with doubled quotes and line breaks, CR / LF / CRLF line ends,
 * an optional final line end. Blank lines are skipped but still counted in `row`, as Excel counts them.
 * Like Excel, it is lenient about a quote inside an unquoted field or text after a closing quote.
 * The limits of limits.ts (rows, cells, a cell's length) are checked as it goes, before the next row is read.
 */
export function parseCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  scanCsvRecords(text, (record) => records.push(record));
  return records;
}

/**
 * parseCsvRecords without keeping the records: each non-blank record goes to `each` as it is read, so that a
 * large file is turned into columns without holding a row object per line.
 */
export function scanCsvRecords(text: string, each: (record: CsvRecord) => void): void {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let kept = 0;
  const n = src.length;
  let i = 0;
  let row = 0;
  let line = 1;
  let cells = 0;

  while (i < n) {
    row += 1;
    const startLine = line;
    const fields: string[] = [];
    let blank = true;
    // One record: fields until a line end outside quotes, or the end of the text.
    for (;;) {
      let field = '';
      if (src[i] === '"') {
        blank = false;
        const quoteLine = line;
        i += 1;
        for (;;) {
          const q = src.indexOf('"', i);
          if (q === -1) {
            throw new ImportError(
              'unterminated_quote',
              `${quoteLine}行目で始まる引用符（"）が閉じられていません`,
              [{ row, message: `${quoteLine}行目で始まる引用符（"）が閉じられていません` }],
            );
          }
          const chunk = src.slice(i, q);
          line += countLineBreaks(chunk);
          field += chunk;
          if (src[q + 1] === '"') {
            field += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
      }
      // Unquoted text, or whatever follows a closing quote, up to the next separator.
      let j = i;
      while (j < n) {
        const c = src.charCodeAt(j);
        if (c === 44 /* , */ || c === 10 /* \n */ || c === 13 /* \r */) break;
        j += 1;
      }
      if (j > i) {
        field += src.slice(i, j);
        blank = false;
      }
      i = j;
      if (field.length > MAX_CELL_LENGTH) throw cellTooLong(row);
      fields.push(field);
      if (fields.length > MAX_COLUMNS) throw tooManyColumns(row);
      if (i >= n) break;
      if (src.charCodeAt(i) === 44) {
        blank = false;
        i += 1;
        if (i >= n) {
          fields.push('');
          break;
        }
        continue;
      }
      // Line end: CRLF, LF or CR.
      if (src.charCodeAt(i) === 13 && src.charCodeAt(i + 1) === 10) i += 2;
      else i += 1;
      line += 1;
      break;
    }
    if (!blank) {
      kept += 1;
      cells += fields.length;
      // The header and MAX_ROWS data rows.
      if (kept > MAX_ROWS + 1) throw tooManyRows();
      if (cells > MAX_CELLS) throw tooManyCells();
      each({ row, line: startLine, fields });
    }
  }
}

/** Parses CSV text into rows of fields; blank lines are skipped (see parseCsvRecords for row numbers). */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((r) => r.fields);
}

function countLineBreaks(s: string): number {
  let count = 0;
  for (let k = 0; k < s.length; k += 1) {
    const c = s.charCodeAt(k);
    if (c === 10) count += 1;
    else if (c === 13 && s.charCodeAt(k + 1) !== 10) count += 1;
  }
  return count;
}

export type CsvCell = string | number | null | undefined;

/** A figure as every export writes it: to 3 decimals, as the screens show it (4.667, not 4.666666666666667). */
export const figure = (v: number | null | undefined, digits = 3): CsvCell =>
  v === null || v === undefined ? '' : Number(v.toFixed(digits));

/**
 * Writes CSV for Excel: CRLF line ends, a field quoted only when it holds a comma, quote or line break.
 * With `escapeFormulas`, text starting with = + - @ gets a leading apostrophe so that Excel shows it
 * instead of running it (CSV injection); leave it off for files meant to be imported again.
 */
export function toCsv(
  rows: readonly (readonly CsvCell[])[],
  options: { escapeFormulas?: boolean } = {},
): string {
  let out = '';
  for (const r of rows) {
    out += r.map((cell) => csvField(cell, options.escapeFormulas ?? false)).join(',') + '\r\n';
  }
  return out;
}

function csvField(cell: CsvCell, escapeFormulas: boolean): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  let s = cell;
  if (escapeFormulas && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
