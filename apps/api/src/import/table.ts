// An uploaded table (CSV or .xlsx) as columns of cells, checked against the columns an import accepts.
import {
  hasUnsafeText,
  unsafeTextProblem,
  type CellCheck,
  type ColumnSpec,
  type RowOf,
  type RowSpec,
} from '@jinzai/model';
import type { z } from 'zod';
import { scanCsvRecords } from './csv.js';
import { decodeText, type TextEncoding } from './decode.js';
import { ImportError, MAX_DETAILS, throwIfAny, type ImportDetail } from './errors.js';
import { checkOffThread, parseOffThread } from './off-thread.js';
import { isOle2, isZip, readXlsxRecords, XLSX_CONTENT_TYPE } from './xlsx.js';

export type { ColumnSpec } from '@jinzai/model';

/** A data row of an uploaded table: `row` is its spreadsheet row (header = 1), values keyed by column. */
export interface TableRow {
  row: number;
  values: Record<string, string>;
}

/**
 * An uploaded table as columns: the spreadsheet row of each data row and, per named column, its cells in row
 * order (no object per row: a 300,000-row file is seven arrays).
 */
export interface Table {
  header: string[];
  rowNumbers: number[];
  columns: Record<string, string[]>;
  encoding: TextEncoding | 'xlsx';
  /** The same rows keyed by column, built on first use for the imports that read a file row by row. */
  readonly rows: TableRow[];
}

/** A Table of these columns (`rows` is derived from them when first read). */
export function tableOf(
  header: string[],
  rowNumbers: number[],
  columns: Record<string, string[]>,
  encoding: Table['encoding'],
): Table {
  let rows: TableRow[] | undefined;
  const table = { header, rowNumbers, columns, encoding } as Table;
  Object.defineProperty(table, 'rows', {
    enumerable: false,
    get: () =>
      (rows ??= rowNumbers.map((row, i) => {
        const values: Record<string, string> = {};
        for (const name of header) values[name] = columns[name]?.[i] ?? '';
        return { row, values };
      })),
  });
  return table;
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
 * A CSV smaller than this is read (and checked) on the calling thread: 1 MB, about 10,000 rows, takes a few
 * milliseconds, less than handing it to a worker costs. Larger files, which could hold the event loop for a
 * second, go to a worker.
 */
export const INLINE_LIMIT = 1024 * 1024;

/** Rows per chunk when parseTable hands a file over as it reads it. */
export const CHUNK_ROWS = 10_000;

/**
 * What readTable does, on the calling thread (the worker's body). With `chunk`, the rows go to it CHUNK_ROWS at a
 * time while the file is read, and the table returned holds only the rest: the whole file is never held as cells.
 * The file's problems still throw only at the end (the chunks given so far are then to be dropped).
 */
export async function parseTable(
  bytes: Uint8Array,
  contentType: string | undefined,
  chunk?: (part: Table) => void,
): Promise<Table> {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const add = (builder: TableBuilder, row: number, fields: readonly string[]) => {
    builder.add(row, fields);
    if (chunk && builder.pending >= CHUNK_ROWS) chunk(builder.take());
  };
  if (isZip(bytes)) {
    const builder = new TableBuilder('xlsx', true);
    for (const r of await readXlsxRecords(bytes)) add(builder, r.row, r.fields);
    return builder.finish();
  }
  if (isOle2(bytes)) {
    throw new ImportError(
      'unsupported_format',
      '旧形式のExcelファイル（.xls）は読めません。.xlsx形式またはCSV形式で保存し直してください',
    );
  }
  if (type === XLSX_CONTENT_TYPE) {
    throw new ImportError(
      'bad_file',
      'Excelファイル（.xlsx）として読めません。ファイルが壊れていないか確認してください',
    );
  }
  const decoded = decodeText(bytes);
  // One scan of the whole text; the cells are looked at only when it finds something.
  const builder = new TableBuilder(decoded.encoding, hasUnsafeText(decoded.text));
  scanCsvRecords(decoded.text, (r) => add(builder, r.row, r.fields));
  return builder.finish();
}

/**
 * Turns a file's records into a Table as they are read: the first non-empty record is the header, the later
 * ones go into its columns; every problem of the header and the rows is collected for finish to report.
 */
class TableBuilder {
  #header: string[] | null = null;
  /** The header's last named column: a CSV row must reach it (Excel writes every comma of its used range). */
  #width = 0;
  #columns: (string[] | null)[] = [];
  #rowNumbers: number[] = [];
  /** Data rows added, taken or not. */
  #total = 0;
  readonly #details: ImportDetail[] = [];
  readonly #rowDetails: ImportDetail[] = [];

  constructor(
    private readonly encoding: Table['encoding'],
    /** Whether the file holds an unsafe character somewhere, so that each cell must be looked at. */
    private readonly unsafe: boolean,
  ) {}

  add(row: number, fields: readonly string[]): void {
    if (fields.every((f) => f.trim() === '')) return;
    const header = this.#header;
    if (!header) {
      this.#start(row, fields);
      return;
    }
    if (this.encoding !== 'xlsx' && fields.length < this.#width) {
      this.#rowDetails.push({
        row,
        message: `列が足りません（見出しは${this.#width}列、この行は${fields.length}列）。区切りのカンマが抜けていないか確認してください`,
      });
    }
    const index = this.#rowNumbers.length;
    this.#rowNumbers.push(row);
    this.#total += 1;
    const columns = this.#columns;
    for (let c = 0; c < fields.length; c += 1) {
      const value = fields[c] as string;
      const name = header[c];
      if (this.unsafe) {
        const problem = unsafeTextProblem(value);
        if (problem) this.#rowDetails.push({ row, ...(name ? { column: name } : {}), message: problem });
      }
      const column = columns[c];
      if (column) column.push(value);
      else if (value.trim() !== '') {
        this.#details.push({
          row,
          message: `${columnLetter(c)}列に値がありますが、見出し（1行目）に列名がありません`,
        });
      }
    }
    // A short row's missing cells are empty.
    for (let c = fields.length; c < columns.length; c += 1) {
      const column = columns[c];
      if (column && column.length === index) column.push('');
    }
  }

  #start(row: number, fields: readonly string[]): void {
    const header = fields.map(normalizeHeader);
    this.#header = header;
    const seen = new Map<string, number>();
    header.forEach((name, index) => {
      if (name === '') return;
      const first = seen.get(name);
      if (first !== undefined) {
        this.#details.push({
          row,
          column: name,
          message: `列「${name}」が${first + 1}列目と${index + 1}列目の2か所にあります`,
        });
      } else seen.set(name, index);
    });
    this.#width = header.reduce((w, name, i) => (name === '' ? w : i + 1), 0);
    this.#columns = header.map((name) => (name === '' ? null : []));
  }

  /** Data rows added since the last take. */
  get pending(): number {
    return this.#rowNumbers.length;
  }

  /** The data rows added since the last take, as a table; the builder keeps only the header (and the problems). */
  take(): Table {
    const header = this.#header ?? [];
    const columns: Record<string, string[]> = {};
    header.forEach((name, i) => {
      const column = this.#columns[i];
      // A repeated name keeps its first column (such a file is refused by finish anyway).
      if (column && !Object.hasOwn(columns, name)) columns[name] = column;
    });
    const table = tableOf(
      header.filter((h) => h !== ''),
      this.#rowNumbers,
      columns,
      this.encoding,
    );
    this.#rowNumbers = [];
    this.#columns = this.#columns.map((c) => (c ? [] : null));
    return table;
  }

  /** Reports the file's problems, or returns the rows not taken yet. */
  finish(): Table {
    if (!this.#header) throw emptyFile();
    throwIfAny('bad_header', this.#details);
    throwIfAny('invalid_rows', this.#rowDetails);
    if (this.#total === 0) throw emptyFile();
    return this.take();
  }
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

/** A row that passed its checks, with its spreadsheet row. */
export type Numbered<T> = T & { row: number };

/** The rows of an import that passed their checks, and the problems of the others (row, column, message). */
export interface CheckedRows<T> {
  rows: Numbered<T>[];
  details: ImportDetail[];
}

/**
 * A column of checked values that repeats few of them: the distinct values once, and each row's index into them (a
 * typed array, which crosses from the worker without being copied value by value).
 */
export interface Dictionary {
  dictionary: readonly unknown[];
  index: Int32Array;
}

/** A table's cells checked column by column: each column's values, and which rows passed every check. */
export interface CheckedColumns {
  rowNumbers: ArrayLike<number>;
  values: Record<string, ArrayLike<unknown> | Dictionary>;
  /** 1 for a row whose every cell passed. */
  ok: Uint8Array;
  details: ImportDetail[];
}

/** Distinct texts of a column whose checks are remembered: codes, grades and answers repeat, names do not. */
const MEMO_LIMIT = 4_096;

const BLANK_MESSAGE = '値が入っていません（必須の項目です）';

type Outcome = { value: unknown; messages: string[] | null; id: number };

/**
 * Runs a spec's checks over a table's rows, a range at a time, one column at a time (absent optional columns read
 * as empty). A check is pure, so each distinct text of a column is checked once while the column repeats few texts.
 * A problem on an empty cell says the value is missing; a repeat of a unique column's value names the row where it
 * first appeared. The problems of every range so far are in `details`.
 */
export class RowChecker {
  readonly details: ImportDetail[] = [];
  readonly #memo = new Map<string, Map<string, Outcome>>();
  /** Each column's remembered values, in the order of their ids. */
  readonly #dictionaries = new Map<string, unknown[]>();
  readonly #seen = new Map<string, Map<unknown, number>>();

  constructor(private readonly spec: RowSpec) {}

  /** The checked values of rows start…end of the table. */
  check(table: Table, start: number, end: number): CheckedColumns {
    const n = end - start;
    const ok = new Uint8Array(n).fill(1);
    const rowNumbers = table.rowNumbers.slice(start, end);
    const values: Record<string, unknown[] | Dictionary> = {};
    const plain: Record<string, unknown[]> = {};
    for (const [name, check] of Object.entries(this.spec.checks)) {
      const cells = table.columns[name];
      const out = new Array<unknown>(n);
      const index = new Int32Array(n);
      let encoded = true;
      let memo = this.#memo.get(name);
      if (!memo) this.#memo.set(name, (memo = new Map()));
      let dictionary = this.#dictionaries.get(name);
      if (!dictionary) this.#dictionaries.set(name, (dictionary = []));
      let messages: string[] | null = null;
      const issue = (message: string) => {
        (messages ??= []).push(message);
      };
      for (let i = 0; i < n; i += 1) {
        const text = cells?.[start + i] ?? '';
        let seen = memo.get(text);
        if (seen === undefined) {
          messages = null;
          const value = check(text, issue);
          seen = { value, messages, id: -1 };
          if (memo.size < MEMO_LIMIT) {
            seen.id = dictionary.length;
            dictionary.push(value);
            memo.set(text, seen);
          }
        }
        out[i] = seen.value;
        if (seen.id < 0) encoded = false;
        else index[i] = seen.id;
        if (seen.messages) {
          ok[i] = 0;
          const row = rowNumbers[i] ?? 0;
          const blank = text.trim() === '';
          for (const message of seen.messages)
            this.details.push({ row, column: name, message: blank ? BLANK_MESSAGE : message });
        }
      }
      plain[name] = out;
      values[name] = encoded ? { dictionary: dictionary.slice(), index } : out;
    }
    for (const [name, label] of Object.entries(this.spec.unique) as [string, string][]) {
      const column = plain[name];
      let first = this.#seen.get(name);
      if (!first) this.#seen.set(name, (first = new Map()));
      if (column) this.#repeats(column, rowNumbers, ok, name, label, first);
    }
    return { rowNumbers, values, ok, details: this.details };
  }

  /** Reports every repeat of a value among the rows that passed; empty values are skipped. */
  #repeats(
    column: readonly unknown[],
    rowNumbers: readonly number[],
    ok: Uint8Array,
    name: string,
    label: string,
    first: Map<unknown, number>,
  ): void {
    for (let i = 0; i < column.length; i += 1) {
      const key = column[i];
      if (ok[i] !== 1 || key === null || key === '') continue;
      const row = rowNumbers[i] ?? 0;
      const seen = first.get(key);
      if (seen === undefined) first.set(key, row);
      else
        this.details.push({
          row,
          column: name,
          message: `${label}「${String(key)}」が${seen}行目と${row}行目で重複しています`,
        });
    }
  }
}

/** RowChecker over a whole table. */
export function checkTable(table: Table, spec: RowSpec): CheckedColumns {
  return new RowChecker(spec).check(table, 0, table.rowNumbers.length);
}

/** The rows that passed, as objects with their spreadsheet row, from `start` to `end` of checked columns. */
export function checkedRows<T>(checked: CheckedColumns, start = 0, end = checked.ok.length): Numbered<T>[] {
  const names = Object.keys(checked.values);
  const columns = names.map((name) => {
    const column = checked.values[name] as ArrayLike<unknown> | Dictionary;
    return 'index' in column ? column : { dictionary: null, index: column };
  });
  const rows: Numbered<T>[] = [];
  for (let i = start; i < end; i += 1) {
    if (checked.ok[i] !== 1) continue;
    const row: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c += 1) {
      const { dictionary, index } = columns[c] as {
        dictionary: readonly unknown[] | null;
        index: ArrayLike<unknown>;
      };
      row[names[c] as string] = dictionary ? dictionary[index[i] as number] : index[i];
    }
    row['row'] = checked.rowNumbers[i];
    rows.push(row as Numbered<T>);
  }
  return rows;
}

/**
 * The common path of every CSV / xlsx import: reads the file, checks its header against the spec's columns (these
 * problems throw at once) and every cell with the spec's checks, returning the rows that passed and the problems of
 * the others, for the caller to add its own checks to and pass to throwIfAny (all or nothing). A file over
 * INLINE_LIMIT, and every .xlsx, is read and checked in a worker thread (off-thread.ts).
 */
export async function readRows<C extends Record<string, CellCheck<unknown>>>(
  file: Upload,
  spec: RowSpec<C>,
): Promise<CheckedRows<RowOf<C>>> {
  if (file.bytes.length >= INLINE_LIMIT || isZip(file.bytes))
    return checkOffThread<RowOf<C>>(file.bytes, file.contentType, spec);
  const table = await parseTable(file.bytes, file.contentType);
  validateColumns(table.header, spec.columns);
  const checked = checkTable(table, spec);
  return { rows: checkedRows(checked), details: checked.details };
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

/** Reads an uploaded file and checks its header against `columns` (400 naming what is missing or unknown). */
export async function readUploadTable(file: Upload, columns: ColumnSpec): Promise<Table> {
  const table = await readTable(file.bytes, file.contentType);
  validateColumns(table.header, columns);
  return table;
}

/**
 * readRows for a row that one zod schema describes better than checks per cell (a small file: the schema runs per
 * row, on the calling thread, in slices): checks the columns, fills absent optional columns with '' and parses
 * every row, returning the rows' problems for the caller to add its own checks to and pass to throwIfAny.
 */
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
