// An uploaded table (CSV or .xlsx) as rows keyed by column, checked against the columns an import accepts.
import { hasUnsafeText, unsafeTextProblem } from '@jinzai/model';
import type { z } from 'zod';
import { parseCsvRecords } from './csv.js';
import { decodeText, type TextEncoding } from './decode.js';
import { ImportError, MAX_DETAILS, throwIfAny, type ImportDetail } from './errors.js';
import { parseOffThread } from './off-thread.js';
import { isOle2, isZip, readXlsxRecords, XLSX_CONTENT_TYPE } from './xlsx.js';

/** A data row of an uploaded table: `row` is its spreadsheet row (header = 1), values keyed by column. */
export interface TableRow {
  row: number;
  values: Record<string, string>;
}

export interface Table {
  header: string[];
  rows: TableRow[];
  encoding: TextEncoding | 'xlsx';
}

/**
 * The columns an import accepts (docs/interfaces.md "Conventions": column order is free, unknown columns are
 * a 400).
 */
export interface ColumnSpec {
  required: readonly string[];
  optional: readonly string[];
}

/** A header cell as matched against column names: NFKC (全角 → 半角), trimmed, lower-cased. */
export function normalizeHeader(cell: string): string {
  return cell.normalize('NFKC').trim().toLowerCase();
}

/** An uploaded file as every import takes it: its bytes and the Content-Type it came with. */
export interface Upload {
  bytes: Uint8Array;
  contentType: string | undefined;
}

/**
 * Reads an uploaded CSV (UTF-8 with or without BOM, or CP932) or .xlsx (first sheet) into a header and
 * data rows. xlsx is recognised by its ZIP signature as well as by content type, since browsers and
 * scripts label uploads loosely. Rows whose every cell is empty are skipped. A CSV row with fewer cells than
 * the header, and a cell holding a character no text may hold (docs/domain.md §8), are errors naming the row.
 * A CSV under INLINE_LIMIT is read here; anything larger, and every .xlsx, in a worker thread (off-thread.ts),
 * so that other requests are answered while it is read.
 */
export async function readTable(bytes: Uint8Array, contentType: string | undefined): Promise<Table> {
  if (bytes.length < INLINE_LIMIT && !isZip(bytes)) return parseTable(bytes, contentType);
  return parseOffThread(bytes, contentType);
}

/**
 * A CSV smaller than this is read on the calling thread: it takes a fraction of a second (67,000 survey rows, 3.9 MB,
 * in about 0.1 s: `pnpm bench survey`, import against bulk insert alone), less than handing it to a worker and its
 * rows back costs. Larger files, which could hold the event loop for seconds, go to a worker.
 */
export const INLINE_LIMIT = 8 * 1024 * 1024;

/** What readTable does, on the calling thread (the worker's body). */
export async function parseTable(bytes: Uint8Array, contentType: string | undefined): Promise<Table> {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  let records: { row: number; fields: string[] }[];
  let encoding: Table['encoding'];
  let unsafe = true;
  if (isZip(bytes)) {
    records = await readXlsxRecords(bytes);
    encoding = 'xlsx';
  } else if (isOle2(bytes)) {
    throw new ImportError(
      'unsupported_format',
      '旧形式のExcelファイル（.xls）は読めません。.xlsx形式またはCSV形式で保存し直してください',
    );
  } else if (type === XLSX_CONTENT_TYPE) {
    throw new ImportError(
      'bad_file',
      'Excelファイル（.xlsx）として読めません。ファイルが壊れていないか確認してください',
    );
  } else {
    const decoded = decodeText(bytes);
    records = parseCsvRecords(decoded.text);
    encoding = decoded.encoding;
    // One scan of the whole text; the cells are looked at only when it finds something.
    unsafe = hasUnsafeText(decoded.text);
  }

  const nonEmpty = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const [headerRecord, ...data] = nonEmpty;
  if (!headerRecord) throw emptyFile();

  const header = headerRecord.fields.map(normalizeHeader);
  const details: ImportDetail[] = [];
  const seen = new Map<string, number>();
  header.forEach((name, index) => {
    if (name === '') return;
    const first = seen.get(name);
    if (first !== undefined) {
      details.push({
        row: headerRecord.row,
        column: name,
        message: `列「${name}」が${first + 1}列目と${index + 1}列目の2か所にあります`,
      });
    } else seen.set(name, index);
  });

  // The header's last named column: a CSV row must reach it (Excel writes every comma of its used range).
  const width = header.reduce((w, name, i) => (name === '' ? w : i + 1), 0);
  const rows: TableRow[] = [];
  const rowDetails: ImportDetail[] = [];
  for (const record of data) {
    if (encoding !== 'xlsx' && record.fields.length < width) {
      rowDetails.push({
        row: record.row,
        message: `列が足りません（見出しは${width}列、この行は${record.fields.length}列）。区切りのカンマが抜けていないか確認してください`,
      });
    }
    const values: Record<string, string> = {};
    record.fields.forEach((value, index) => {
      const name = header[index];
      if (unsafe) {
        const problem = unsafeTextProblem(value);
        if (problem)
          rowDetails.push({ row: record.row, ...(name ? { column: name } : {}), message: problem });
      }
      if (name) {
        values[name] = value;
      } else if (value.trim() !== '') {
        details.push({
          row: record.row,
          message: `${columnLetter(index)}列に値がありますが、見出し（1行目）に列名がありません`,
        });
      }
    });
    for (const name of header) if (name !== '' && !(name in values)) values[name] = '';
    rows.push({ row: record.row, values });
  }
  throwIfAny('bad_header', details);
  throwIfAny('invalid_rows', rowDetails);
  if (rows.length === 0) throw emptyFile();
  return { header: header.filter((h) => h !== ''), rows, encoding };
}

/** Excel's column name for a 0-based index: 0 → A, 26 → AA. */
function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function emptyFile(): ImportError {
  const message = 'データ行がありません。1行目に見出し、2行目以降にデータを入れてください';
  return new ImportError('empty_file', message, [{ message }]);
}

/** Checks the header against the accepted columns; lists every missing and every unknown column at once. */
export function validateColumns(header: readonly string[], columns: ColumnSpec): void {
  const present = new Set(header);
  const known = new Set([...columns.required, ...columns.optional]);
  const usable = [...columns.required, ...columns.optional].join(', ');
  const details: ImportDetail[] = [];
  for (const name of columns.required) {
    if (!present.has(name))
      details.push({ row: 1, column: name, message: `必須の列「${name}」がありません` });
  }
  for (const name of header) {
    if (!known.has(name)) {
      details.push({
        row: 1,
        column: name,
        message: `列「${name}」は使えません。使える列: ${usable}`,
      });
    }
  }
  if (details.length > 0) {
    const more =
      details.length > MAX_DETAILS ? `（${details.length}件のうち先頭${MAX_DETAILS}件を表示）` : '';
    throw new ImportError(
      'bad_columns',
      `見出し（1行目）の列名が正しくありません${more}`,
      details.slice(0, MAX_DETAILS),
    );
  }
}

/** A parsed row together with its spreadsheet row number. */
export interface Parsed<T> {
  row: number;
  value: T;
}

/** The rows that parsed, and the problems of those that did not. */
export interface Collected<T> {
  parsed: Parsed<T>[];
  details: ImportDetail[];
}

/**
 * Runs the row schema on every row and collects the problems of all rows (row, column, Japanese message),
 * so that file-level checks can add theirs before one ImportError reports everything.
 */
export function collectRows<S extends z.ZodType>(
  rows: readonly TableRow[],
  schema: S,
): Collected<z.output<S>> {
  const parsed: Parsed<z.output<S>>[] = [];
  const details: ImportDetail[] = [];
  for (const { row, values } of rows) {
    // The Japanese error map costs as much as the parse itself: use it only to explain a row that failed.
    const first = schema.safeParse(values);
    if (first.success) {
      parsed.push({ row, value: first.data });
      continue;
    }
    const result = schema.safeParse(values, { error: japaneseMessage });
    if (result.success) continue;
    for (const issue of result.error.issues) {
      const key = issue.path[0];
      const column = typeof key === 'string' ? key : undefined;
      const raw = column === undefined ? undefined : values[column];
      const blank = raw === undefined || raw.trim() === '';
      const detail: ImportDetail = {
        row,
        message: column !== undefined && blank ? '値が入っていません（必須の項目です）' : issue.message,
      };
      if (column !== undefined) detail.column = column;
      details.push(detail);
    }
  }
  return { parsed, details };
}

/**
 * Runs the row schema on every row and throws one ImportError with the problems of all rows (up to 100
 * details), so that an import is all or nothing (docs/interfaces.md "Conventions").
 */
export function parseRows<S extends z.ZodType>(rows: readonly TableRow[], schema: S): Parsed<z.output<S>>[] {
  const { parsed, details } = collectRows(rows, schema);
  throwIfAny('invalid_rows', details);
  return parsed;
}

/**
 * The common path of every CSV / xlsx import: reads the table, checks its columns (these problems throw at
 * once), fills absent optional columns with '' and parses every row, returning the rows' problems for the
 * caller to add its own checks to and pass to throwIfAny.
 */
/** Reads an uploaded file and checks its header against `columns` (400 naming what is missing or unknown). */
export async function readUploadTable(file: Upload, columns: ColumnSpec): Promise<Table> {
  const table = await readTable(file.bytes, file.contentType);
  validateColumns(table.header, columns);
  return table;
}

export async function readImport<S extends z.ZodType>(
  bytes: Uint8Array,
  contentType: string | undefined,
  columns: ColumnSpec,
  schema: S,
): Promise<Collected<z.output<S>>> {
  const table = await readUploadTable({ bytes, contentType }, columns);
  for (const { values } of table.rows) {
    for (const name of columns.optional) values[name] ??= '';
  }
  // In slices, letting other requests through between them: a large file's rows take seconds to check.
  const collected: Collected<z.output<S>> = { parsed: [], details: [] };
  for (let start = 0; start < table.rows.length; start += ROWS_PER_TURN) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    const { parsed, details } = collectRows(table.rows.slice(start, start + ROWS_PER_TURN), schema);
    for (const p of parsed) collected.parsed.push(p);
    for (const d of details) collected.details.push(d);
  }
  return collected;
}

/** Rows checked between two turns of the event loop. */
const ROWS_PER_TURN = 1_000;

/** Japanese messages for zod's own issues (a schema's custom message takes precedence over this map). */
function japaneseMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? '値が入っていません'
          : `${issue.minimum}文字以上で入力してください`;
      }
      if (issue.origin === 'number' || issue.origin === 'int')
        return `${issue.minimum}以上の値にしてください`;
      return '値が小さすぎます';
    case 'too_big':
      if (issue.origin === 'string') return `${issue.maximum}文字以内で入力してください`;
      if (issue.origin === 'number' || issue.origin === 'int')
        return `${issue.maximum}以下の値にしてください`;
      return '値が大きすぎます';
    case 'invalid_type':
      if (issue.expected === 'int') return '整数を入力してください';
      if (issue.expected === 'number') return '数値を入力してください';
      return '値の形式が正しくありません';
    case 'invalid_value':
      return `${issue.values.map(String).join('・')}のいずれかを入力してください`;
    case 'invalid_format':
      return issue.format === 'regex' ? '使えない文字が含まれています' : '値の形式が正しくありません';
    default:
      return '値が正しくありません';
  }
}
