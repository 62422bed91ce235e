// Reading the first worksheet of an uploaded .xlsx, and writing workbooks for downloads.
import type ExcelJS from 'exceljs';

// exceljs takes a third of a second to load: load it on the first spreadsheet, not at server start.
let excel: Promise<typeof ExcelJS> | undefined;
const loadExcel = () => (excel ??= import('exceljs').then((m) => m.default));
import type { CsvCell } from './csv.js';
import { ImportError } from './errors.js';
import { cellTooLong, MAX_CELL_LENGTH, MAX_COLUMNS, tooManyColumns } from './limits.js';
import { checkXlsxSize } from './zip.js';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An .xlsx file is a ZIP archive: it starts with 'PK\x03\x04'. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The old binary .xls (an OLE2 compound file), which exceljs cannot read. */
export function isOle2(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** One non-empty row of the first worksheet; `row` is Excel's row number. */
export interface SheetRecord {
  row: number;
  fields: string[];
}

/**
 * Reads the first worksheet as text cells, keeping Excel's row numbers; empty rows are left out. The file's size,
 * rows and cells are checked against limits.ts before exceljs reads it; columns and cell lengths as it is read.
 */
export async function readXlsxRecords(bytes: Uint8Array): Promise<SheetRecord[]> {
  checkXlsxSize(bytes);
  const workbook = new (await loadExcel()).Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; a copy gives one of exactly the file's bytes.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    throw new ImportError(
      'bad_file',
      'Excelファイル（.xlsx）として読めません。ファイルが壊れていないか確認してください',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const records: SheetRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const fields: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col > MAX_COLUMNS) throw tooManyColumns(rowNumber);
      while (fields.length < col - 1) fields.push('');
      const text = cellText(cell.value, cell.numFmt);
      if (text.length > MAX_CELL_LENGTH) throw cellTooLong(rowNumber);
      fields[col - 1] = text;
    });
    if (fields.some((f) => f !== '')) records.push({ row: rowNumber, fields });
  });
  return records;
}

/** Reads the first worksheet of an .xlsx file as rows of text cells (empty rows left out). */
export async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  return (await readXlsxRecords(bytes)).map((r) => r.fields);
}

/** A cell as the text an HR clerk sees: 42 not 42.0, dates as YYYY-MM-DD, formulas as their result. */
export function cellText(value: ExcelJS.CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return numberText(value, numFmt);
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText((value as { result?: ExcelJS.CellValue }).result ?? null, numFmt);
  }
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return '';
}

function numberText(n: number, numFmt: string | undefined): string {
  // A number formatted '000000' is how Excel users keep leading zeros of a staff number.
  if (numFmt && /^0+$/.test(numFmt) && Number.isInteger(n) && n >= 0)
    return String(n).padStart(numFmt.length, '0');
  // 15 significant digits, as Excel shows them, hide binary noise such as 0.30000000000000004.
  return String(Number(n.toPrecision(15)));
}

function dateText(d: Date): string {
  const pad = (v: number) => String(v).padStart(2, '0');
  // exceljs reads Excel's serial dates as UTC.
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0) return date;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Display width in Excel's units, roughly: full-width characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    // Half-width: ASCII, Latin-1, and half-width katakana (U+FF61–U+FF9F).
    w += cp < 0x1100 || (cp >= 0xff61 && cp <= 0xff9f) ? 1 : 2;
  }
  return w;
}

/** Excel refuses sheet names over 31 characters or with any of []:*?/\ ; names must be unique. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let k = 2; used.has(candidate.toLowerCase()); k += 1) {
    candidate = `${base.slice(0, 31 - String(k).length - 1)}_${k}`;
  }
  used.add(candidate.toLowerCase());
  return candidate;
}

/**
 * Writes an .xlsx workbook for export: the first row of each sheet is a bold, frozen header and columns are
 * as wide as their longest text. Strings stay strings, so staff numbers keep their leading zeros.
 */
export async function writeXlsx(
  sheets: readonly { name: string; rows: readonly (readonly CsvCell[])[] }[],
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new (await loadExcel()).Workbook();
  const used = new Set<string>();
  for (const { name, rows } of sheets) {
    const sheet = workbook.addWorksheet(sheetName(name, used), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    });
    const widths: number[] = [];
    rows.forEach((cells, r) => {
      const row = sheet.getRow(r + 1);
      cells.forEach((value, c) => {
        if (value === null || value === undefined) return;
        const cell = row.getCell(c + 1);
        cell.value = value;
        // Text that looks like a number stays text when the clerk edits it in Excel.
        if (typeof value === 'string' && /^\d+$/.test(value)) cell.numFmt = '@';
        widths[c] = Math.max(widths[c] ?? 0, displayWidth(String(value)));
      });
      if (r === 0) row.font = { bold: true };
    });
    widths.forEach((w, c) => {
      sheet.getColumn(c + 1).width = Math.min(60, Math.max(6, w + 2));
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
