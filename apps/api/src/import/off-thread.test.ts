// Reading an upload in a worker thread gives exactly what reading it on the calling thread gives: rows and errors.
import { describe, expect, it } from 'vitest';
import { ImportError } from './errors.js';
import { parseOffThread } from './off-thread.js';
import { parseTable } from './table.js';
import { writeXlsx, XLSX_CONTENT_TYPE } from './xlsx.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const outcome = (p: Promise<unknown>) =>
  p.then(
    (value) => ({ value }),
    (err: unknown) => ({
      error: err instanceof ImportError ? { ...err, class: err.constructor.name, message: err.message } : err,
    }),
  );

describe('parseOffThread', () => {
  it('returns the same table and the same errors as parseTable, for CSV and xlsx', async () => {
    const xlsx = await writeXlsx([
      {
        name: 'units',
        rows: [
          ['code', 'name', 'note'],
          ['010', '総務部', null],
          ['020', '区民課', 'メモ'],
        ],
      },
    ]);
    const files: [Uint8Array, string][] = [
      [utf8('code,name\n010,総務部\n\n020,"区民,課"\n'), 'text/csv'],
      [xlsx, XLSX_CONTENT_TYPE],
      [utf8('code,name\n010\n'), 'text/csv'],
      [utf8(`code\n${'1\n'.repeat(300_001)}`), 'text/csv'],
      [utf8('not a workbook'), XLSX_CONTENT_TYPE],
    ];
    for (const [bytes, type] of files) {
      expect(await outcome(parseOffThread(bytes, type))).toEqual(await outcome(parseTable(bytes, type)));
    }
    // Several at once share the workers and each gets its own answer.
    const many = await Promise.all(files.map(([bytes, type]) => outcome(parseOffThread(bytes, type))));
    expect(many[1]).toMatchObject({ value: { encoding: 'xlsx', header: ['code', 'name', 'note'] } });
    expect(many[3]).toMatchObject({ error: { code: 'too_large', status: 413, class: 'ImportTooLarge' } });
  });
});
