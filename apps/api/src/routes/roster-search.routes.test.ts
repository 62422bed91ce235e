// HR's roster list (docs/interfaces.md "Daily work" GET /api/org/staff): search by 職員番号 prefix or any part of the
// name or kana, width and kana insensitive; filters by unit (with the units under it), grade, employment type; pages.
import { listAudit } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../import/xlsx.js';
import { expectError, hrHarness } from '../testing/harness.js';
import { seedStaff, seedUnits, staffRow } from '../testing/org-fixture.js';

describe.each(testDialects())('roster search on %s', (dialect) => {
  const world = () =>
    hrHarness(dialect, async (h) => {
      await seedUnits(h, ['10', '1010', '101010', '101020', '1020']);
      await seedStaff(h, [
        staffRow({
          staff_no: '000103',
          name: '品川 太郎',
          name_kana: 'シナガワ タロウ',
          unit_code: '101010',
        }),
        staffRow({
          staff_no: '000104',
          name: '大井 花子',
          name_kana: 'オオイ ハナコ',
          unit_code: '101020',
          grade_code: 'shunin',
        }),
        staffRow({
          staff_no: '001030',
          name: '大崎 次郎',
          name_kana: 'オオサキ ジロウ',
          unit_code: '1020',
          employment_type: 'fiscal-year',
        }),
        staffRow({
          staff_no: '000200',
          name: '五反田 三郎',
          name_kana: 'ゴタンダ サブロウ',
          unit_code: '10',
          grade_code: 'bucho',
        }),
      ]);
    });
  const find = async (query: string) => {
    const { h, hr } = await world();
    const res = await h.request(`/api/org/staff?${query}`, { cookie: hr });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { staff: { staffNo: string }[]; total: number };
    return { nos: body.staff.map((s) => s.staffNo), total: body.total, h };
  };

  it('finds by number prefix, by any part of the name or kana in any width or kana', async () => {
    expect((await find('q=0001')).nos).toEqual(['000103', '000104']);
    expect((await find('q=103')).nos).toEqual([]);
    expect((await find(`q=${encodeURIComponent('０００１')}`)).nos).toEqual(['000103', '000104']);
    expect((await find(`q=${encodeURIComponent('ｼﾅｶﾞﾜ')}`)).nos).toEqual(['000103']);
    expect((await find(`q=${encodeURIComponent('はなこ')}`)).nos).toEqual(['000104']);
    expect((await find(`q=${encodeURIComponent('大')}`)).nos).toEqual(['000104', '001030']);
    expect((await find(`q=${encodeURIComponent('%')}`)).nos).toEqual([]);
  });

  it('filters by unit with the units under it, grade and employment type, and pages', async () => {
    expect((await find('unit=1010')).nos).toEqual(['000103', '000104']);
    expect((await find('unit=10')).total).toBe(4);
    expect((await find('unit=9999')).nos).toEqual([]);
    expect((await find('grade=shunin')).nos).toEqual(['000104']);
    expect((await find('employmentType=fiscal-year')).nos).toEqual(['001030']);
    const page = await find('pageSize=3&page=2');
    expect(page).toMatchObject({ nos: ['001030'], total: 4 });
  });

  it('sorts by kana, unit or grade, either way, ties in 職員番号 order', async () => {
    expect((await find('sort=kana')).nos).toEqual(['000104', '001030', '000200', '000103']);
    expect((await find('sort=kana&order=desc')).nos).toEqual(['000103', '000200', '001030', '000104']);
    expect((await find('sort=unit')).nos).toEqual(['000200', '000103', '000104', '001030']);
    expect((await find('sort=staffNo&order=desc&pageSize=2')).nos).toEqual(['001030', '000200']);
    expect((await find('sort=grade')).nos).toEqual(['000200', '000103', '001030', '000104']);
  });

  it('exports everyone the search finds as CSV (UTF-8 with BOM) and .xlsx with Japanese headers, audited', async () => {
    const { h, hr } = await world();
    const csv = await h.request('/api/org/staff/export?unit=1010&sort=kana&format=csv', { cookie: hr });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(
      /attachment; filename="staff-\d{4}-\d\d-\d\d\.csv"/,
    );
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split(/\r?\n/);
    expect(lines[0]).toBe('職員番号,氏名,フリガナ,所属コード,所属,職級コード,職級,雇用形態');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['000104', '000103']);
    const x = await h.request(`/api/org/staff/export?q=${encodeURIComponent('大')}&format=xlsx`, {
      cookie: hr,
    });
    expect(x.status).toBe(200);
    const sheet = await readXlsx(new Uint8Array(await x.arrayBuffer()));
    expect(sheet[0]?.[0]).toBe('職員番号');
    expect(sheet.slice(1).map((r) => r[0])).toEqual(['000104', '001030']);
    const [entry] = await listAudit(h.db.db, { entity: 'staff' });
    expect(entry).toMatchObject({ action: 'export', detail: { format: 'xlsx', rows: 2 } });
    await expectError(await h.request('/api/org/staff/export', { cookie: await h.login('staff') }), 403);
    await expectError(await h.request('/api/org/staff/export?format=pdf', { cookie: hr }), 400);
  });

  it('is for HR, audited, and refuses a bad filter', async () => {
    const { h, hr } = await world();
    await h.request('/api/org/staff?q=0001', { cookie: hr });
    const [entry] = await listAudit(h.db.db, { entity: 'staff' });
    expect(entry).toMatchObject({ action: 'read', detail: { search: { q: '0001' }, total: 2 } });
    await expectError(await h.request('/api/org/staff', { cookie: await h.login('staff') }), 403);
    await expectError(await h.request('/api/org/staff?employmentType=boss', { cookie: hr }), 400);
    await expectError(await h.request('/api/org/staff?pageSize=100000', { cookie: hr }), 400);
    await expectError(await h.request('/api/org/staff?sort=salary', { cookie: hr }), 400);
  });
});
