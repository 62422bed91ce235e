import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, isZip, readXlsx, readXlsxRecords, writeXlsx } from './xlsx.js';
import { ImportError } from './errors.js';

async function workbookBytes(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('職員'));
  workbook.addWorksheet('other').getCell('A1').value = 'not read';
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('writeXlsx and readXlsx', () => {
  it('round-trip Japanese text, leading zeros, numbers and empty cells', async () => {
    const rows = [
      ['staff_no', 'name', 'name_kana', 'birth_year', 'note'],
      ['000123', '髙橋 𠮷子', 'タカハシ ヨシコ', 1990, null],
      ['004567', '佐藤 太郎', 'サトウ タロウ', 1985, '課長補佐級へ昇任'],
    ];
    const bytes = await writeXlsx([{ name: '職員一覧', rows }]);
    expect(isZip(bytes)).toBe(true);
    expect(await readXlsx(bytes)).toEqual([
      ['staff_no', 'name', 'name_kana', 'birth_year', 'note'],
      ['000123', '髙橋 𠮷子', 'タカハシ ヨシコ', '1990'],
      ['004567', '佐藤 太郎', 'サトウ タロウ', '1985', '課長補佐級へ昇任'],
    ]);
  });

  it('writes a bold, frozen header and fits column widths to Japanese text', async () => {
    const bytes = await writeXlsx([
      {
        name: 'a/b:c',
        rows: [
          ['氏名', 'code'],
          ['長い長い長い長い名前', 'x'],
        ],
      },
      { name: 'a/b:c', rows: [['x']] },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    const [sheet, second] = workbook.worksheets;
    expect(sheet?.name).toBe('a_b_c');
    expect(second?.name).toBe('a_b_c_2');
    expect(sheet?.getCell('A1').font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Ten full-width characters are twenty half-width widths, plus a margin.
    expect(sheet?.getColumn(1).width).toBe(22);
    expect(sheet?.getColumn(2).width).toBe(6);
  });
});

describe('readXlsx', () => {
  it('reads the first sheet as text: numbers, dates, rich text, formulas, hyperlinks', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(['n', 'date', 'rich', 'formula', 'link', 'bool', 'padded']);
      const row = sheet.addRow([
        42,
        new Date(Date.UTC(2024, 3, 1)),
        { richText: [{ text: '佐藤' }, { text: ' 花子', font: { bold: true } }] },
        { formula: 'A2*2', result: 84 },
        { text: '区HP', hyperlink: 'https://example.jp' },
        true,
        123,
      ]);
      row.getCell(2).numFmt = 'yyyy/mm/dd';
      row.getCell(7).numFmt = '000000';
      sheet.addRow([]);
      sheet.addRow([0.1 + 0.2, null, '', { formula: '1/0', result: { error: '#DIV/0!' } }]);
    });
    const records = await readXlsxRecords(bytes);
    expect(records).toEqual([
      { row: 1, fields: ['n', 'date', 'rich', 'formula', 'link', 'bool', 'padded'] },
      { row: 2, fields: ['42', '2024-04-01', '佐藤 花子', '84', '区HP', 'TRUE', '000123'] },
      { row: 4, fields: ['0.3', '', '', '#DIV/0!'] },
    ]);
  });

  it('refuses a broken file', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    await expect(readXlsx(bytes)).rejects.toBeInstanceOf(ImportError);
  });

  it('formats single cell values', () => {
    expect(cellText(1990)).toBe('1990');
    expect(cellText(1.5)).toBe('1.5');
    expect(cellText(null)).toBe('');
    expect(cellText(new Date(Date.UTC(2024, 2, 31, 9, 30)))).toBe('2024-03-31 09:30:00');
  });
});
