// Row, cell and decompression bombs: every upload limit is refused before rows are built, naming the limit.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { csv, expectError, hrHarness } from '../testing/harness.js';
import { rejection } from '../testing/import-errors.js';
import { readTable } from './table.js';
import { XLSX_CONTENT_TYPE } from './xlsx.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

interface ZipPart {
  name: string;
  content: Buffer;
  /** The uncompressed size written into the headers; the true size unless the test lies. */
  declaredSize?: number;
}

/** A ZIP archive of deflated parts, written by hand so that a test can make its headers lie. */
function zip(parts: ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const data = deflateRawSync(part.content);
    const size = part.declaredSize ?? part.content.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** A workbook whose first sheet holds `sheetData` (the XML inside <sheetData>). */
function workbook(sheetData: string): Uint8Array {
  return zip([
    {
      name: '[Content_Types].xml',
      content: Buffer.from(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      content: Buffer.from(`<?xml version="1.0"?><worksheet><sheetData>${sheetData}</sheetData></worksheet>`),
    },
  ]);
}

describe('CSV limits', () => {
  it('refuses more than 300,000 data rows with a 413 naming the limit', async () => {
    const text = `code\n${'1\n'.repeat(300_001)}`;
    const e = await rejection(readTable(utf8(text), 'text/csv'));
    expect(e.code).toBe('too_large');
    expect(e.status).toBe(413);
    expect(e.message).toContain('300,000 行');
    // The limit itself still reads.
    const ok = await readTable(utf8(`code\n${'1\n'.repeat(300_000)}`), 'text/csv');
    expect(ok.rows).toHaveLength(300_000);
  });

  it('refuses a row of more than 1,000 cells, naming the row', async () => {
    const e = await rejection(readTable(utf8(`a,b\n1,2\n${'x,'.repeat(1_000)}x\n`), 'text/csv'));
    expect(e.code).toBe('too_many_columns');
    expect(e.details).toEqual([{ row: 3, message: expect.stringContaining('1,000 列') as string }]);
  });

  it('refuses more than 5,000,000 cells in all', async () => {
    const row = `${'x,'.repeat(999)}x\n`;
    const e = await rejection(readTable(utf8(row.repeat(5_001)), 'text/csv'));
    expect(e.code).toBe('too_large');
    expect(e.message).toContain('5,000,000 セル');
  });

  it('refuses a cell of more than 32,767 characters, quoted or not, naming the row', async () => {
    const long = 'あ'.repeat(32_768);
    for (const cell of [long, `"${long}"`]) {
      const e = await rejection(readTable(utf8(`code,name\n1,ok\n2,${cell}\n`), 'text/csv'));
      expect(e.code).toBe('cell_too_long');
      expect(e.details).toEqual([{ row: 3, message: expect.stringContaining('32,767 文字') as string }]);
    }
  });
});

describe('xlsx limits', () => {
  it('refuses a workbook whose declared unzipped size exceeds 128 MB', async () => {
    const bytes = zip([
      { name: 'xl/worksheets/sheet1.xml', content: Buffer.from('<worksheet/>'), declaredSize: 200 * 2 ** 20 },
    ]);
    const e = await rejection(readTable(bytes, XLSX_CONTENT_TYPE));
    expect(e.code).toBe('too_large');
    expect(e.status).toBe(413);
    expect(e.message).toContain('128 MB');
  });

  it('stops unzipping at 128 MB when the headers understate the size (a single-cell bomb)', async () => {
    const cell = `<row r="1"><c r="A1" t="inlineStr"><is><t>${'a'.repeat(129 * 2 ** 20)}</t></is></c></row>`;
    const bytes = zip([
      {
        name: 'xl/worksheets/sheet1.xml',
        content: Buffer.from(`<worksheet><sheetData>${cell}</sheetData></worksheet>`),
        declaredSize: 1_000,
      },
    ]);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const e = await rejection(readTable(bytes, XLSX_CONTENT_TYPE));
    expect(e.code).toBe('too_large');
    expect(e.message).toContain('128 MB');
  });

  it('refuses more than 300,000 data rows before reading the sheet', async () => {
    const rows = Array.from(
      { length: 300_002 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>x</t></is></c></row>`,
    ).join('');
    const e = await rejection(readTable(workbook(rows), XLSX_CONTENT_TYPE));
    expect(e.code).toBe('too_large');
    expect(e.message).toContain('300,000 行');
  });

  it('refuses more than 5,000,000 cells before reading the sheet', async () => {
    const row = `<row>${'<c/>'.repeat(1_000)}</row>`;
    const e = await rejection(readTable(workbook(row.repeat(5_001)), XLSX_CONTENT_TYPE));
    expect(e.code).toBe('too_large');
    expect(e.message).toContain('5,000,000 セル');
  });

  it('answers a bomb sent to an import route with a 413 in the error shape', async () => {
    const { h, hr } = await hrHarness('sqlite');
    const bytes = zip([
      { name: 'xl/worksheets/sheet1.xml', content: Buffer.from('<worksheet/>'), declaredSize: 2 ** 31 },
    ]);
    const error = await expectError(
      await h.request('/api/org/units', csv(bytes, hr, XLSX_CONTENT_TYPE)),
      413,
    );
    expect(error).toMatchObject({ code: 'too_large', message: expect.stringContaining('128 MB') as string });
  });
});
