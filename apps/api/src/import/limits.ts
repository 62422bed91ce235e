// The most an uploaded table may hold, checked while it is read and before its rows are built (decompression and row bombs).
import { ImportError, type ImportDetail } from './errors.js';

/** Data rows of one import (the header not counted): three times the largest roster the product expects. */
export const MAX_ROWS = 300_000;
/** Cells of one row: far more than any import has columns. */
export const MAX_COLUMNS = 1_000;
/** Cells of a whole file. */
export const MAX_CELLS = 5_000_000;
/** Characters of one cell: what Excel itself lets a cell hold. */
export const MAX_CELL_LENGTH = 32_767;
/** Bytes of an .xlsx once unzipped (every part together). */
export const MAX_XLSX_UNCOMPRESSED = 128 * 1024 * 1024;

const number = (n: number) => n.toLocaleString('en-US');

/** A file over one of the limits above: a 413, the limit named in its message. */
export class ImportTooLarge extends ImportError {
  override readonly status = 413;

  constructor(message: string, details: ImportDetail[] = [{ message }]) {
    super('too_large', message, details);
  }
}

export function tooManyRows(): ImportTooLarge {
  return new ImportTooLarge(
    `データ行が多すぎます（上限 ${number(MAX_ROWS)} 行）。ファイルを分けて取り込んでください`,
  );
}

export function tooManyCells(): ImportTooLarge {
  return new ImportTooLarge(
    `セルの数が多すぎます（上限 ${number(MAX_CELLS)} セル）。ファイルを分けて取り込んでください`,
  );
}

export function tooLargeXlsx(): ImportTooLarge {
  return new ImportTooLarge(
    `Excelファイルの展開後の大きさが上限（${MAX_XLSX_UNCOMPRESSED / 1024 / 1024} MB）を超えています。行を減らすか、ファイルを分けて取り込んでください`,
  );
}

/** A row of more cells than MAX_COLUMNS: a 400 naming the row. */
export function tooManyColumns(row: number): ImportError {
  const message = `列が多すぎます（1行に ${number(MAX_COLUMNS)} 列まで）`;
  return new ImportError('too_many_columns', message, [{ row, message }]);
}

/** A cell longer than MAX_CELL_LENGTH: a 400 naming the row (and the column, where known). */
export function cellTooLong(row: number, column?: string): ImportError {
  const message = `セルの文字数が多すぎます（1つのセルに ${number(MAX_CELL_LENGTH)} 文字まで）`;
  return new ImportError('cell_too_long', message, [
    { row, ...(column === undefined ? {} : { column }), message },
  ]);
}
