// Checks an .xlsx (a ZIP archive) against the size limits before exceljs unzips it: declared and actual sizes, rows, cells.
import { inflateRawSync } from 'node:zlib';
import { ImportError } from './errors.js';
import {
  MAX_CELLS,
  MAX_ROWS,
  MAX_XLSX_UNCOMPRESSED,
  tooLargeXlsx,
  tooManyCells,
  tooManyRows,
} from './limits.js';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function badFile(): ImportError {
  return new ImportError(
    'bad_file',
    'Excelファイル（.xlsx）として読めません。ファイルが壊れていないか確認してください',
  );
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

/** The entries of the ZIP central directory (found from the end-of-central-directory record). */
function centralDirectory(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The EOCD record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  let eocd = -1;
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 0xffff); p -= 1) {
    if (view.getUint32(p, true) === EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw badFile();
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const entries: Entry[] = [];
  const names = new TextDecoder();
  for (let k = 0; k < count; k += 1) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) throw badFile();
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    entries.push({
      name: names.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      declaredSize: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Occurrences of an XML start tag `<name` (followed by a space, `>` or `/`) in UTF-8 bytes. */
function countTags(xml: Buffer, name: string): number {
  const open = `<${name}`;
  let count = 0;
  for (let p = xml.indexOf(open); p >= 0; p = xml.indexOf(open, p + open.length)) {
    const next = xml[p + open.length];
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x0a || next === 0x0d || next === 0x09)
      count += 1;
  }
  return count;
}

/**
 * Refuses an .xlsx whose parts, unzipped, would exceed MAX_XLSX_UNCOMPRESSED (by their declared sizes, and by
 * inflating no further than the limit, since declared sizes can lie), or whose worksheets hold more rows or cells
 * than the limits allow. Runs before exceljs, which would build every row in memory first.
 */
export function checkXlsxSize(bytes: Uint8Array): void {
  const entries = centralDirectory(bytes);
  let declared = 0;
  for (const e of entries) declared += e.declaredSize;
  if (declared > MAX_XLSX_UNCOMPRESSED) throw tooLargeXlsx();

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let budget = MAX_XLSX_UNCOMPRESSED;
  let rows = 0;
  let cells = 0;
  for (const e of entries) {
    const p = e.localOffset;
    if (p + 30 > bytes.length || view.getUint32(p, true) !== LOCAL) throw badFile();
    const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
    const data = bytes.subarray(start, start + e.compressedSize);
    let content: Buffer;
    if (e.method === 0) content = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    else if (e.method === 8) {
      try {
        // One byte over the budget tells a part that exceeds it from one that fills it exactly.
        content = inflateRawSync(data, { maxOutputLength: budget + 1 });
      } catch (err) {
        if (err instanceof RangeError) throw tooLargeXlsx();
        throw badFile();
      }
    } else throw badFile();
    if (content.length > budget) throw tooLargeXlsx();
    budget -= content.length;
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) {
      rows += countTags(content, 'row');
      cells += countTags(content, 'c');
      // The header and MAX_ROWS data rows, over every sheet (exceljs reads them all).
      if (rows > MAX_ROWS + 1) throw tooManyRows();
      if (cells > MAX_CELLS) throw tooManyCells();
    }
  }
}
