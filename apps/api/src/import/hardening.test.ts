// Uploads a careless or hostile user could send (issue 11): short rows, mixed encodings, unsafe characters, and a
// header of a million columns. Each is a 400 naming the row, never a silent repair.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { rejection, thrown } from '../testing/import-errors.js';
import { MAX_DETAILS } from './errors.js';
import { readTable, validateColumns } from './table.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('uploads that must be refused', () => {
  it('refuses a CSV row with fewer cells than the header, naming the row', async () => {
    const e = await rejection(readTable(utf8('a,b,c\n1,2,3\n4,5\n6,7,8\n'), 'text/csv'));
    expect(e.details).toEqual([{ row: 3, message: expect.stringContaining('列が足りません') as string }]);
  });

  it('refuses a file whose lines mix UTF-8 and CP932, naming the first UTF-8 line', async () => {
    const bytes = Buffer.concat([
      iconv.encode('code,name\n010,総務部\n', 'cp932'),
      Buffer.from('020,そうむ課\n', 'utf8'),
      iconv.encode('030,区民課\n', 'cp932'),
    ]);
    const e = await rejection(readTable(new Uint8Array(bytes), 'text/csv'));
    expect(e.code).toBe('bad_encoding');
    expect(e.details[0]?.row).toBe(3);
    // A clean CP932 file still reads.
    const clean = await readTable(
      new Uint8Array(iconv.encode('code,name\n010,総務部\n', 'cp932')),
      'text/csv',
    );
    expect(clean.rows[0]?.values['name']).toBe('総務部');
  });

  it('refuses control characters and bidi overrides in a cell, naming row and column', async () => {
    const e = await rejection(readTable(utf8('code,name\n010,総務部\n020,abc\u202Egpj.exe\n'), 'text/csv'));
    expect(e.details).toEqual([
      { row: 3, column: 'name', message: expect.stringContaining('U+202E') as string },
    ]);
    const ctl = await rejection(readTable(utf8('code,name\n010,総務\u0007部\n'), 'text/csv'));
    expect(ctl.details[0]).toMatchObject({ row: 2, column: 'name' });
  });

  it('caps the details of a header with a million unknown columns and says how many there were', () => {
    const header = ['code', ...Array.from({ length: 1_000_000 }, (_, i) => `x${i}`)];
    const err = thrown(() => validateColumns(header, { required: ['code'], optional: [] }));
    expect(err.details).toHaveLength(MAX_DETAILS);
    expect(err.message).toContain('1000000件');
  });
});
