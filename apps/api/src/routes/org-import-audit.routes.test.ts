// Org imports in the audit log: per created or changed unit and staff member, the changed fields before and after.
import { listAudit } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { csv, hrHarness, type Harness } from '../testing/harness.js';

const UNITS = `code,name,parent_code,level
10,総務部,,部
1010,人事課,10,課
101010,人事係,1010,係
101020,研修係,1010,係
`;
const STAFF = `staff_no,name,name_kana,unit_code,grade_code,employment_type,birth_year
000123,品川 花子,シナガワ ハナコ,101010,shuji,regular,1998
000124,大井 太郎,オオイ タロウ,1010,kacho,regular,1975
`;

describe.each(testDialects())('org import audit on %s', (dialect) => {
  let h: Harness;
  let hr: string;
  beforeEach(async () => {
    ({ h, hr } = await hrHarness(dialect));
  });
  const post = (path: string, body: string) => h.request(path, csv(body, hr));
  const entries = async (entity: string) =>
    (await listAudit(h.db.db, { entity, limit: 1000 }))
      .filter((e) => e.action !== 'read')
      .map((e) => ({ action: e.action, entityId: e.entityId, before: e.before, after: e.after }));

  it('records each created staff member whole and a re-import’s changed fields only', async () => {
    expect((await post('/api/org/units', UNITS)).status).toBe(200);
    expect((await post('/api/org/staff', STAFF)).status).toBe(200);
    const created = await entries('staff');
    expect(created.filter((e) => e.action === 'create')).toEqual([
      {
        action: 'create',
        entityId: '000124',
        before: undefined,
        after: {
          staffNo: '000124',
          name: '大井 太郎',
          nameKana: 'オオイ タロウ',
          unitCode: '1010',
          gradeCode: 'kacho',
          jobFamily: 'general',
          employmentType: 'regular',
          birthYear: 1975,
        },
      },
      expect.objectContaining({ action: 'create', entityId: '000123' }),
    ]);

    h.clock.advance(60_000);
    const changed =
      STAFF.replace(
        '000123,品川 花子,シナガワ ハナコ,101010,shuji,regular,1998',
        '000123,品川 花,シナガワ ハナ,101020,shunin,regular,1997',
      ) + '000125,大崎 三郎,オオサキ サブロウ,1010,shuji,regular,1990\n';
    const res = await post('/api/org/staff', changed);
    expect(await res.json()).toEqual({
      rows: 3,
      created: 1,
      updated: 2,
      left: 0,
      accountsDisabled: 0,
      accountsEnabled: 0,
    });

    const after = await entries('staff');
    const latest = after.slice(0, after.length - created.length);
    // 000124 was left as it was: no entry. The summary entry stays.
    expect(latest).toEqual([
      { action: 'import', entityId: null, before: undefined, after: undefined },
      expect.objectContaining({ action: 'create', entityId: '000125' }),
      {
        action: 'update',
        entityId: '000123',
        before: {
          name: '品川 花子',
          nameKana: 'シナガワ ハナコ',
          unitCode: '101010',
          gradeCode: 'shuji',
          birthYear: 1998,
        },
        after: {
          name: '品川 花',
          nameKana: 'シナガワ ハナ',
          unitCode: '101020',
          gradeCode: 'shunin',
          birthYear: 1997,
        },
      },
    ]);
    const [summary] = await listAudit(h.db.db, { entity: 'staff', limit: 1 });
    expect(summary?.detail).toMatchObject({
      rows: 3,
      created: 1,
      updated: 2,
      changed: 2,
      sha256: expect.any(String),
    });
    const [update] = await listAudit(h.db.db, { entity: 'staff', entityId: '000123', limit: 1 });
    expect(update).toMatchObject({ loginId: 'hr', at: summary?.at });
  });

  it('records each created or changed unit', async () => {
    expect((await post('/api/org/units', UNITS)).status).toBe(200);
    expect((await entries('unit')).map((e) => [e.action, e.entityId])).toEqual([
      ['create', '101020'],
      ['create', '101010'],
      ['create', '1010'],
      ['create', '10'],
    ]);
    await post('/api/org/units', UNITS.replace('研修係', '研修・能力開発係'));
    const [latest, next] = await entries('unit');
    expect(latest).toEqual({
      action: 'update',
      entityId: '101020',
      before: { name: '研修係' },
      after: { name: '研修・能力開発係' },
    });
    expect(next?.action).toBe('create');
  });
});
