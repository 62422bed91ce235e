import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { rejection } from '../testing/import-errors.js';
import { parseStaffFile, parseUnitsFile, resolveGrade } from './org-import.js';
import { missingReferences } from './references.js';
import { encodeCsv } from './decode.js';
import { toCsv } from './csv.js';
import { writeXlsx } from './xlsx.js';

const STAFF_HEADER = 'staff_no,name,name_kana,unit_code,grade_code,employment_type,birth_year';
const csv = (...lines: string[]) => new TextEncoder().encode(lines.join('\r\n') + '\r\n');
/** The staff / units CSV file of the lines, parsed. */
const staffCsv = (...lines: string[]) => parseStaffFile(csv(...lines), 'text/csv');
const unitsCsv = (...lines: string[]) => parseUnitsFile(csv(...lines), 'text/csv');
/** The parsed row 2 of a file: a regular employee. */
const regularAtRow2 = (
  staff_no: string,
  name: string,
  name_kana: string,
  unit_code: string,
  grade_code: string,
  birth_year: number,
) => ({ row: 2, staff_no, name, name_kana, unit_code, grade_code, employment_type: 'regular', birth_year });

describe('parseStaffFile', () => {
  it('reads a UTF-8 roster, keeping leading zeros of staff numbers', async () => {
    const rows = await staffCsv(STAFF_HEADER, '000123,佐藤 花子,サトウ ハナコ,020201,shuji,regular,1998');
    expect(rows).toEqual([regularAtRow2('000123', '佐藤 花子', 'サトウ ハナコ', '020201', 'shuji', 1998)]);
  });

  it('reads CP932 and BOM-UTF-8 files from Excel alike', async () => {
    const text = `${STAFF_HEADER}\r\n000001,髙橋 一郎,タカハシ イチロウ,0101,kacho,regular,1970\r\n`;
    const fromSjis = await parseStaffFile(new Uint8Array(iconv.encode(text, 'cp932')), 'text/csv');
    const fromBom = await parseStaffFile(encodeCsv(text, 'utf-8-bom'), 'text/csv');
    expect(fromSjis).toEqual(fromBom);
    expect(fromSjis[0]?.name).toBe('髙橋 一郎');
  });

  it('normalises full-width digits and half-width kana (NFKC)', async () => {
    const rows = await staffCsv(
      STAFF_HEADER,
      '０００１２３,佐藤　花子,ｻﾄｳ ﾊﾅｺ,０２０２０１,shuji,regular,１９９８',
    );
    expect(rows[0]).toMatchObject({
      staff_no: '000123',
      name: '佐藤 花子',
      name_kana: 'サトウ ハナコ',
      unit_code: '020201',
      birth_year: 1998,
    });
  });

  it('accepts employment types and grades by their Japanese names', async () => {
    const rows = await staffCsv(
      STAFF_HEADER,
      '1,甲,コウ,01,課長級,常勤職員,1970',
      '2,乙,オツ,01,主事,会計年度任用職員,1990',
      '3,丙,ヘイ,01,KAKARIIN,再任用職員,1962',
      '4,丁,テイ,01,shuji,臨時的任用職員,2000',
    );
    expect(rows.map((r) => [r.grade_code, r.employment_type])).toEqual([
      ['kacho', 'regular'],
      ['shuji', 'fiscal-year'],
      ['kakariin', 'reappointed'],
      ['shuji', 'temporary'],
    ]);
  });

  it('accepts any column order and quoted fields with line breaks', async () => {
    const rows = await staffCsv(
      'birth_year,employment_type,grade_code,unit_code,name_kana,name,staff_no',
      '1980,regular,shunin,0101,"サトウ ハナコ","佐藤\n花子",000777',
    );
    expect(rows[0]).toMatchObject({ staff_no: '000777', name: '佐藤\n花子', grade_code: 'shunin' });
  });

  it('reports a missing column and an unknown column together', async () => {
    const error = await rejection(
      staffCsv('staff_no,name,name_kana,unit_code,grade_code,birth_year,email', '1,a,ア,01,shuji,1990,x'),
    );
    expect(error.code).toBe('bad_columns');
    expect(error.details).toEqual([
      { row: 1, column: 'employment_type', message: expect.stringContaining('必須の列') },
      { row: 1, column: 'email', message: expect.stringContaining('使えません') },
    ]);
  });

  it('names both rows of a duplicate staff number', async () => {
    const error = await rejection(
      staffCsv(
        STAFF_HEADER,
        '000123,甲,コウ,01,shuji,regular,1990',
        '000124,乙,オツ,01,shuji,regular,1990',
        '000123,丙,ヘイ,01,shuji,regular,1990',
      ),
    );
    expect(error.details).toEqual([
      { row: 4, column: 'staff_no', message: '職員番号「000123」が2行目と4行目で重複しています' },
    ]);
  });

  it('names the row and column of an unknown grade code, with every other error of the file', async () => {
    const error = await rejection(
      staffCsv(STAFF_HEADER, '1,甲,コウ,01,shacho,regular,1990', '2,乙,オツ,01,shuji,part-time,19xx'),
    );
    expect(error.code).toBe('invalid_rows');
    expect(error.details).toEqual([
      { row: 2, column: 'grade_code', message: expect.stringContaining('「shacho」') },
      { row: 3, column: 'employment_type', message: expect.stringContaining('regular') },
      { row: 3, column: 'birth_year', message: expect.any(String) },
    ]);
  });

  it('reads an xlsx roster written by writeXlsx', async () => {
    const bytes = await writeXlsx([
      {
        name: '職員',
        rows: [
          STAFF_HEADER.split(','),
          ['000042', '鈴木 一郎', 'スズキ イチロウ', '0101', 'kacho', '常勤職員', 1972],
        ],
      },
    ]);
    const rows = await parseStaffFile(bytes, 'application/octet-stream');
    expect(rows).toEqual([regularAtRow2('000042', '鈴木 一郎', 'スズキ イチロウ', '0101', 'kacho', 1972)]);
  });
});

describe('parseUnitsFile', () => {
  it('reads units whose parent comes later in the file, without parent_code column too', async () => {
    const rows = await unitsCsv(
      'level,code,name,parent_code',
      '課,0101,総務課,01',
      '部,01,総務部,',
      '係,010101,庶務係,0101',
    );
    expect(rows.map((r) => [r.code, r.parent_code, r.level])).toEqual([
      ['0101', '01', '課'],
      ['01', null, '部'],
      ['010101', '0101', '係'],
    ]);
    const noParents = await unitsCsv('code,name,level', '01,総務部,部');
    expect(noParents[0]).toMatchObject({ code: '01', parent_code: null });
  });

  it('reports duplicate codes, self-parents, cycles and levels out of order', async () => {
    const error = await rejection(
      unitsCsv(
        'code,name,parent_code,level',
        '01,総務部,,部',
        '01,総務部,,部',
        '02,企画部,02,部',
        '10,甲課,11,課',
        '11,乙課,12,課',
        '12,丙課,10,課',
        '20,丁係,,係',
        '21,戊部,20,部',
      ),
    );
    expect(error.details).toEqual([
      { row: 3, column: 'code', message: 'コード「01」が2行目と3行目で重複しています' },
      { row: 4, column: 'parent_code', message: expect.stringContaining('自分自身') },
      {
        row: 5,
        column: 'parent_code',
        message: '上位コードが循環しています: 10 → 11 → 12 → 10（5行目・6行目・7行目）',
      },
      { row: 5, column: 'parent_code', message: expect.stringContaining('課の上位に課') },
      { row: 6, column: 'parent_code', message: expect.stringContaining('課の上位に課') },
      { row: 7, column: 'parent_code', message: expect.stringContaining('課の上位に課') },
      { row: 9, column: 'parent_code', message: expect.stringContaining('部の上位に係') },
    ]);
  });

  it('rejects a bad level', async () => {
    const error = await rejection(unitsCsv('code,name,level', '01,総務部,局'));
    expect(error.details).toEqual([
      { row: 2, column: 'level', message: '部・課・係のいずれかを指定してください' },
    ]);
  });
});

describe('missingReferences', () => {
  it('names each row whose reference is neither in the file nor known', () => {
    const rows = [
      { row: 2, code: '0101', parent_code: '01' },
      { row: 3, code: '0102', parent_code: '09' },
      { row: 4, code: '01', parent_code: null },
    ];
    const known = new Set([...rows.map((r) => r.code), '02']);
    expect(missingReferences(rows, known, 'parent_code')).toEqual([
      { row: 3, column: 'parent_code', message: 'コード「09」が見つかりません' },
    ]);
  });
});

describe('resolveGrade', () => {
  it('maps codes and names to catalogue codes', () => {
    expect(resolveGrade('Kacho-Hosa')).toBe('kacho-hosa');
    expect(resolveGrade('課長補佐')).toBe('kacho-hosa');
    expect(resolveGrade('技能長')).toBe('ginocho');
    expect(resolveGrade('社長')).toBeUndefined();
    expect(toCsv([[resolveGrade('部長級') ?? '']])).toBe('bucho\r\n');
  });
});
