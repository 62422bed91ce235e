// Directory sign-in (docs/interfaces.md "Accounts") against a real OpenLDAP server: the directory checks the
// password, the entry's employeeNumber names the staff record, and no directory password is ever stored.
import { findAccount } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryConfig } from '../services/directory.js';
import { PEOPLE, seedWard } from '../testing/evaluation-fixture.js';
import { createHarness, expectError, json, PASSWORD, type Harness } from '../testing/harness.js';
import { seedStaff, seedUnits, staffRow } from '../testing/org-fixture.js';
import { startSlapd, type Slapd } from '../testing/slapd.js';

const NEWCOMER = '000006';

describe.each(testDialects())('directory sign-in on %s', (dialect) => {
  let slapd: Slapd;
  let config: DirectoryConfig;
  beforeAll(async () => {
    slapd = await startSlapd({
      users: [
        { uid: 'staff1', password: 'dir-pass-staff1', cn: '主事 翔太', employeeNumber: PEOPLE.shuji },
        { uid: 'staff2', password: 'dir-pass-staff2', cn: '主任 次郎', employeeNumber: PEOPLE.bucho },
        { uid: 'koho', password: 'dir-pass-koho', cn: '広報 花子', employeeNumber: NEWCOMER },
        { uid: 'stranger', password: 'dir-pass-stranger', cn: '外部 太郎', employeeNumber: '999999' },
        { uid: 'nonumber', password: 'dir-pass-nonumber', cn: '番号 なし' },
      ],
    });
    config = {
      url: slapd.url,
      baseDn: slapd.baseDn,
      bindDn: slapd.bindDn,
      bindPassword: slapd.bindPassword,
      staffNoAttribute: 'employeeNumber',
      loginAttribute: 'uid',
      startTls: false,
      caFile: null,
      timeoutMs: 3000,
    };
  });
  afterAll(async () => slapd.stop());

  let h: Harness;
  let hr: string;
  beforeEach(async () => {
    h = await createHarness(dialect, { directory: config });
    await seedWard(h);
    await seedUnits(h, ['1030']);
    await seedStaff(h, [staffRow({ staff_no: NEWCOMER, name: '広報 花子', unit_code: '1030' })]);
    hr = await h.login('hr');
    for (const login of ['staff1', 'staff2']) {
      const res = await h.request(
        `/api/users/${login}/auth-source`,
        json({ source: 'directory' }, 'POST', hr),
      );
      expect(res.status).toBe(200);
    }
  });
  afterEach(async () => h.dispose());

  const signIn = (loginId: string, password: string) =>
    h.request('/api/auth/login', json({ loginId, password }));

  it('signs a directory account in with the directory password, and never stores it', async () => {
    const res = await signIn('staff1', 'dir-pass-staff1');
    expect(res.status).toBe(200);
    const { user } = (await res.json()) as { user: { loginId: string; staffNo: string; roles: string[] } };
    expect(user).toMatchObject({ loginId: 'staff1', staffNo: PEOPLE.shuji, roles: ['staff'] });
    await expectError(await signIn('staff1', 'wrong-password'), 401);
    // The local password of the account no longer signs in: the directory decides.
    await expectError(await signIn('staff1', PASSWORD), 401);
    const row = await h.db.db
      .selectFrom('users')
      .select('password_hash')
      .where('login_id', '=', 'staff1')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toBe('');
  });

  it('refuses unknown users, people not on the roster, disabled accounts and another staff number', async () => {
    expect((await expectError(await signIn('nobody', 'whatever-pass'), 401)).code).toBe(
      'invalid_credentials',
    );
    expect((await expectError(await signIn('stranger', 'dir-pass-stranger'), 403)).code).toBe(
      'not_on_roster',
    );
    expect((await expectError(await signIn('nonumber', 'dir-pass-nonumber'), 403)).code).toBe(
      'not_on_roster',
    );
    // A wrong password reveals nothing about the roster.
    expect((await expectError(await signIn('stranger', 'wrong'), 401)).code).toBe('invalid_credentials');
    // staff2's directory entry names the 部長, not staff2's 主任.
    expect((await expectError(await signIn('staff2', 'dir-pass-staff2'), 403)).code).toBe(
      'directory_mismatch',
    );
    await h.request('/api/users/staff1/disable', json({}, 'POST', hr));
    expect((await expectError(await signIn('staff1', 'dir-pass-staff1'), 403)).code).toBe('account_disabled');
    expect((await expectError(await signIn('staff1', 'wrong'), 401)).code).toBe('invalid_credentials');
    expect(await findAccount(h.db.db, 'stranger')).toBeUndefined();
  });

  it('gives a person on the roster their account at the first directory sign-in', async () => {
    expect(await findAccount(h.db.db, 'koho')).toBeUndefined();
    const res = await signIn('koho', 'dir-pass-koho');
    expect(res.status).toBe(200);
    const { user } = (await res.json()) as {
      user: { staffNo: string; displayName: string; roles: string[] };
    };
    expect(user).toMatchObject({ staffNo: NEWCOMER, displayName: '広報 花子', roles: ['staff'] });
    expect((await signIn('koho', 'dir-pass-koho')).status).toBe(200);
    const list = await h.request('/api/users?q=koho', { cookie: hr });
    expect(await list.json()).toMatchObject({
      users: [{ loginId: 'koho', authSource: 'directory', staffNo: NEWCOMER }],
      total: 1,
    });
  });

  it('says so when the directory is down, while local accounts still sign in', async () => {
    const down = await createHarness(dialect, { directory: { ...config, url: 'ldap://127.0.0.1:1/' } });
    try {
      await seedWard(down);
      const hrCookie = await down.login('hr');
      await down.request('/api/users/staff1/auth-source', json({ source: 'directory' }, 'POST', hrCookie));
      const error = await expectError(
        await down.request('/api/auth/login', json({ loginId: 'staff1', password: 'dir-pass-staff1' })),
        503,
      );
      expect(error.code).toBe('directory_unavailable');
      expect(await down.login('evaluator')).toMatch(/^jinzai_session=/);
    } finally {
      await down.dispose();
    }
  });
});
