import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figure, parseCsv, parseCsvRecords, toCsv } from './csv.js';
import { ImportError } from './errors.js';

describe('parseCsv', () => {
  it('reads plain rows with CRLF, LF and CR line ends and an optional final line end', () => {
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\r1,2\r')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'name,note\r\n"佐藤, 花子","He said ""hi""\r\nand left"\r\n"",x\r\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'note'],
      ['佐藤, 花子', 'He said "hi"\r\nand left'],
      ['', 'x'],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,,c,\n,,,\n')).toEqual([
      ['a', '', 'c', ''],
      ['', '', '', ''],
    ]);
  });

  it('skips blank lines but counts them as Excel rows', () => {
    const records = parseCsvRecords('h1,h2\n\n1,"two\nlines"\r\n\r\n3,4\n');
    expect(records).toEqual([
      { row: 1, line: 1, fields: ['h1', 'h2'] },
      { row: 3, line: 3, fields: ['1', 'two\nlines'] },
      { row: 5, line: 6, fields: ['3', '4'] },
    ]);
  });

  it('is lenient like Excel about stray quotes', () => {
    expect(parseCsv('a"b,"c"d\n')).toEqual([['a"b', 'cd']]);
  });

  it('names the line of an unterminated quote', () => {
    try {
      parseCsv('a,b\n1,2\n3,"open\nstill open\n');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      expect((e as ImportError).code).toBe('unterminated_quote');
      expect((e as ImportError).message).toContain('3行目');
      expect((e as ImportError).details[0]?.row).toBe(3);
    }
  });
});

describe('toCsv', () => {
  it('writes CRLF lines and quotes only when needed', () => {
    expect(toCsv([['a', 'b,c', 'say "x"', 'two\nlines', 12, null, '000123']])).toBe(
      'a,"b,c","say ""x""","two\nlines",12,,000123\r\n',
    );
  });

  it('can neutralise spreadsheet formulas', () => {
    expect(toCsv([['=1+1', '@SUM(A1)', 'ok', -3]], { escapeFormulas: true })).toBe(
      "'=1+1,'@SUM(A1),ok,-3\r\n",
    );
  });

  it('round-trips through parseCsv', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'あ', ',', '"', '\r', '\n', ' ', '0') });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          // A row of one empty field is a blank line, which the parser skips.
          const kept = rows.filter((r) => !(r.length === 1 && r[0] === ''));
          expect(parseCsv(toCsv(rows))).toEqual(kept);
        },
      ),
    );
  });
});

describe('figure', () => {
  it('writes a figure to 3 decimals as the screens do, and nothing for none', () => {
    expect(figure(14 / 3)).toBe(4.667);
    expect(figure(-0.00004)).toBe(-0);
    expect(figure(2.5)).toBe(2.5);
    expect(figure(null)).toBe('');
    expect(figure(undefined)).toBe('');
    expect(toCsv([[figure(14 / 3), figure(1 / 3, 2)]])).toBe('4.667,0.33\r\n');
  });
});
