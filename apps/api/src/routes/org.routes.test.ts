import { getStaff, listAudit, listUnits, orgSummary } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import iconv from 'iconv-lite';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeXlsx } from '../import/xlsx.js';
import { csv, expectError, hrHarness, type Harness } from '../testing/harness.js';

const UNITS = `code,name,parent_code,level
1010,人事課,10,課
10,総務部,,部
101010,人事係,1010,係
101020,研修係,1010,係
`;
const STAFF = `staff_no,name,name_kana,unit_code,grade_code,employment_type,birth_year
000123,品川 花子,シナガワ ハナコ,101010,shuji,regular,1998
000124,大井 太郎,オオイ タロウ,1010,kacho,常勤職員,1975
`;

describe.each(testDialects())('org routes on %s', (dialect) => {
  let h: Harness;
  let hr: string;
  beforeEach(async () => {
    ({ h, hr } = await hrHarness(dialect));
  });

  const importUnits = (body: string | Uint8Array, type?: string) =>
    h.request('/api/org/units', csv(body, hr, type));
  const importStaff = (body: string | Uint8Array, type?: string) =>
    h.request('/api/org/staff', csv(body, hr, type));

  it('imports units (parent later in the file) and staff, keeping leading zeros', async () => {
    const u = await importUnits(UNITS);
    expect(u.status).toBe(200);
    expect(await u.json()).toEqual({ rows: 4, created: 4, updated: 0 });
    const s = await importStaff(STAFF);
    expect(await s.json()).toEqual({
      rows: 2,
      created: 2,
      updated: 0,
      left: 0,
      accountsDisabled: 0,
      accountsEnabled: 0,
    });

    const res = await h.request('/api/org/staff/000123', { cookie: hr });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      staffNo: '000123',
      name: '品川 花子',
      nameKana: 'シナガワ ハナコ',
      unitCode: '101010',
      gradeCode: 'shuji',
      employmentType: 'regular',
      birthYear: 1998,
    });
    expect((await getStaff(h.db.db, '000124'))?.employmentType).toBe('regular');
    const reads = await listAudit(h.db.db, { entity: 'staff', entityId: '000123' });
    expect(reads[0]).toMatchObject({ action: 'read', loginId: 'hr' });
  });

  it('reads CP932 and UTF-8 with BOM, and normalises full-width input', async () => {
    expect((await importUnits(new Uint8Array(iconv.encode(UNITS, 'cp932')))).status).toBe(200);
    const wide = STAFF.replace('1998', '１９９８').replace('シナガワ ハナコ', 'ｼﾅｶﾞﾜ ﾊﾅｺ');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(wide)]);
    expect((await importStaff(bom)).status).toBe(200);
    expect(await getStaff(h.db.db, '000123')).toMatchObject({ birthYear: 1998, nameKana: 'シナガワ ハナコ' });
  });

  it('imports .xlsx', async () => {
    const rows = UNITS.trim()
      .split('\n')
      .map((l) => l.split(','));
    const bytes = await writeXlsx([{ name: 'units', rows }]);
    const res = await importUnits(bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.status).toBe(200);
    expect((await listUnits(h.db.db)).map((x) => x.code)).toEqual(['10', '1010', '101010', '101020']);
  });

  it('updates on re-import', async () => {
    await importUnits(UNITS);
    await importStaff(STAFF);
    const again = await importStaff(STAFF.replace('shuji', 'shunin'));
    expect(await again.json()).toEqual({
      rows: 2,
      created: 0,
      updated: 2,
      left: 0,
      accountsDisabled: 0,
      accountsEnabled: 0,
    });
    expect((await getStaff(h.db.db, '000123'))?.gradeCode).toBe('shunin');
  });

  it.each([
    ['a missing column', STAFF.replace(',birth_year', '').replace(/,1998|,1975/g, ''), 'birth_year'],
    [
      'an unknown column',
      STAFF.replace('birth_year', 'birth_year,extra').replace(/1998|1975/g, '$&,x'),
      'extra',
    ],
    ['a bad grade code', STAFF.replace('shuji', 'kakaricho-x'), 'grade_code'],
    ['a duplicate staff number', STAFF.replace('000124', '000123'), 'staff_no'],
    ['an unknown unit', STAFF.replace('101010', '999999'), 'unit_code'],
    ['a bad employment type', STAFF.replace('regular', 'permanent'), 'employment_type'],
    ['a bad birth year', STAFF.replace('1998', '98年'), 'birth_year'],
  ])('refuses a staff file with %s: 400 naming the column, nothing written', async (_name, body, column) => {
    await importUnits(UNITS);
    const e = await expectError(await importStaff(body), 400);
    expect(JSON.stringify(e.details)).toContain(column);
    expect((await orgSummary(h.db.db)).staff).toBe(0);
  });

  it('names the row of a bad value (header is row 1)', async () => {
    await importUnits(UNITS);
    const e = await expectError(await importStaff(STAFF.replace('kacho', 'nope')), 400);
    expect(e.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ row: 3, column: 'grade_code' })]),
    );
  });

  it('refuses bytes that are neither UTF-8 nor CP932', async () => {
    const garbage = new Uint8Array([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xff, 0xfe, 0xfd, 0x80, 0x81, 0xa0]);
    await expectError(await importUnits(garbage), 400);
  });

  it('refuses units with a missing parent or a wrong level, and writes nothing', async () => {
    await expectError(await importUnits('code,name,parent_code,level\n2010,企画課,20,課\n'), 400);
    await expectError(
      await importUnits('code,name,parent_code,level\n20,企画部,,部\n2010,企画課,20,係\n'),
      400,
    );
    expect((await orgSummary(h.db.db)).units).toBe(0);
  });

  it('refuses a JSON body on an upload route', async () => {
    const res = await h.request('/api/org/units', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      cookie: hr,
    });
    await expectError(res, 400);
  });

  it('is for HR only: 401 without a session, 403 for other roles', async () => {
    await expectError(
      await h.request('/api/org/units', {
        method: 'POST',
        body: UNITS,
        headers: { 'content-type': 'text/csv' },
      }),
      401,
    );
    await expectError(await h.request('/api/org/staff/000123'), 401);
    for (const role of ['recruiter', 'interviewer', 'evaluator', 'staff']) {
      const cookie = await h.login(role);
      await expectError(await h.request('/api/org/units', csv(UNITS, cookie)), 403);
      await expectError(await h.request('/api/org/staff/000123', { cookie }), 403);
      await expectError(await h.request('/api/org/units', { cookie }), 403);
    }
    expect((await orgSummary(h.db.db)).units).toBe(0);
  });

  it('answers 404 for an unknown staff number', async () => {
    await expectError(await h.request('/api/org/staff/000999', { cookie: hr }), 404);
  });

  it('lists the tree with headcounts', async () => {
    await importUnits(UNITS);
    await importStaff(STAFF);
    const res = await h.request('/api/org/units', { cookie: hr });
    const body = (await res.json()) as { summary: unknown; units: { code: string; staff: number }[] };
    expect(body.summary).toEqual({ units: 4, staff: 2 });
    expect(body.units.find((u) => u.code === '101010')?.staff).toBe(1);
  });
});
