import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rejection, thrown } from '../testing/import-errors.js';
import { parseRows, readImport, readTable, validateColumns } from './table.js';
import { writeXlsx } from './xlsx.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('readTable', () => {
  it('normalises header cells (NFKC, trimmed, lower-case) and keys values by them', async () => {
    const table = await readTable(utf8(' ＳＴＡＦＦ＿ＮＯ ,Name\n000123,佐藤\n'), 'text/csv');
    expect(table.header).toEqual(['staff_no', 'name']);
    expect(table.rows).toEqual([{ row: 2, values: { staff_no: '000123', name: '佐藤' } }]);
    expect(table.encoding).toBe('utf-8');
  });

  it('numbers rows as Excel does, skipping empty ones', async () => {
    const text = 'a,b,c\r\n1,2,3\r\n\r\n,,\r\n"x\r\ny",5,\r\n7,8,9\r\n';
    const table = await readTable(new Uint8Array(iconv.encode(text, 'cp932')), 'text/csv; charset=shift_jis');
    expect(table.rows.map((r) => r.row)).toEqual([2, 5, 6]);
    expect(table.rows[1]?.values).toEqual({ a: 'x\r\ny', b: '5', c: '' });
  });

  it('reads xlsx by its ZIP signature whatever the content type says', async () => {
    const bytes = await writeXlsx([
      {
        name: 's',
        rows: [
          ['Code', 'name'],
          ['010', '総務部'],
        ],
      },
    ]);
    for (const type of [
      'text/csv',
      undefined,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]) {
      const { header, rows, encoding } = await readTable(bytes, type);
      expect({ header, rows, encoding }).toEqual({
        header: ['code', 'name'],
        rows: [{ row: 2, values: { code: '010', name: '総務部' } }],
        encoding: 'xlsx',
      });
    }
  });

  it('refuses an xlsx content type without an xlsx body, and the old .xls format', async () => {
    const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    expect((await rejection(readTable(utf8('a,b\n1,2\n'), xlsxType))).code).toBe('bad_file');
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await rejection(readTable(xls, 'application/vnd.ms-excel'))).code).toBe('unsupported_format');
  });

  it('reports an empty file, or one with a header only', async () => {
    expect((await rejection(readTable(new Uint8Array(), 'text/csv'))).code).toBe('empty_file');
    expect((await rejection(readTable(utf8('\r\n\r\n'), 'text/csv'))).code).toBe('empty_file');
    expect((await rejection(readTable(utf8('a,b\r\n,\r\n'), 'text/csv'))).code).toBe('empty_file');
  });

  it('reports a repeated column and values under no column', async () => {
    const error = await rejection(readTable(utf8('a,b,A\n1,2,3\n4,5,6,7\n'), 'text/csv'));
    expect(error.details).toEqual([
      { row: 1, column: 'a', message: expect.stringContaining('1列目と3列目') },
      { row: 3, message: expect.stringContaining('D列') },
    ]);
  });
});

describe('validateColumns', () => {
  const spec = { required: ['code', 'name'], optional: ['parent_code'] } as const;

  it('accepts any order and optional columns', () => {
    expect(() => validateColumns(['name', 'code'], spec)).not.toThrow();
    expect(() => validateColumns(['parent_code', 'name', 'code'], spec)).not.toThrow();
  });

  it('lists every missing and every unknown column', () => {
    const error = thrown(() => validateColumns(['name', 'colour', 'size'], spec));
    expect(error.code).toBe('bad_columns');
    expect(error.details.map((d) => d.column)).toEqual(['code', 'colour', 'size']);
    expect(error.details[0]?.message).toContain('必須の列「code」がありません');
  });
});

describe('parseRows', () => {
  const schema = z.object({
    code: z.string().regex(/^\d+$/),
    year: z.coerce.number().int().min(1900),
    kind: z.enum(['a', 'b']),
  });
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ row: i + 2, values: { code: 'x', year: '1800', kind: 'c' } }));

  it('returns parsed rows with their row numbers', () => {
    expect(parseRows([{ row: 2, values: { code: '01', year: '1990', kind: 'a' } }], schema)).toEqual([
      { row: 2, value: { code: '01', year: 1990, kind: 'a' } },
    ]);
  });

  it('collects the errors of every row, in Japanese, with row and column', () => {
    const error = thrown(() =>
      parseRows(
        [
          { row: 2, values: { code: '01', year: '1990', kind: 'a' } },
          { row: 3, values: { code: 'x', year: '1990.5', kind: 'a' } },
          { row: 5, values: { code: '', year: 'abc', kind: 'c' } },
        ],
        schema,
      ),
    );
    expect(error.code).toBe('invalid_rows');
    expect(error.details).toEqual([
      { row: 3, column: 'code', message: '使えない文字が含まれています' },
      { row: 3, column: 'year', message: '整数を入力してください' },
      { row: 5, column: 'code', message: '値が入っていません（必須の項目です）' },
      { row: 5, column: 'year', message: '数値を入力してください' },
      { row: 5, column: 'kind', message: 'a・bのいずれかを入力してください' },
    ]);
  });

  it('stops at 100 details but counts them all', () => {
    const error = thrown(() => parseRows(rows(60), schema));
    expect(error.details).toHaveLength(100);
    expect(error.message).toContain('180件');
  });

  it('fills absent optional columns through readImport', async () => {
    const spec = { required: ['code'], optional: ['note'] };
    const schema = z.object({ code: z.string().regex(/^\d$/), note: z.string() });
    const collected = await readImport(utf8('code\n7\nx\n'), 'text/csv', spec, schema);
    expect(collected).toEqual({
      parsed: [{ row: 2, value: { code: '7', note: '' } }],
      details: [{ row: 3, column: 'code', message: '使えない文字が含まれています' }],
    });
  });
});
