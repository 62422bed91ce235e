// Accounts for the whole roster (docs/interfaces.md "Accounts"): the users import, roles from the organisation,
// leavers disabled, HR's list, initial passwords and the first sign-in's password change.
import { listAudit } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPeriodWithSheets, PEOPLE, seedWard } from '../testing/evaluation-fixture.js';
import { createHarness, csv, expectError, json, type Harness } from '../testing/harness.js';
import { seedStaff, seedUnits, staffRow } from '../testing/org-fixture.js';

const HEADER = 'login_id,staff_no,roles,email';
const NEW_KACHO = '000006';
const NEW_SHUJI = '000007';
const STAFF_HEADER = 'staff_no,name,name_kana,unit_code,grade_code,employment_type,birth_year';

describe.each(testDialects())('accounts on %s', (dialect) => {
  let h: Harness;
  let hr: string;
  beforeEach(async () => {
    h = await createHarness(dialect);
    await seedWard(h);
    // 広報課: a 課長 and a 主事 without accounts yet.
    await seedUnits(h, ['1030']);
    await seedStaff(h, [
      staffRow({ staff_no: NEW_KACHO, name: '広報 課長', unit_code: '1030', grade_code: 'kacho' }),
      staffRow({ staff_no: NEW_SHUJI, name: '広報 主事', unit_code: '1030' }),
    ]);
    hr = await h.login('hr');
  });
  afterEach(async () => h.dispose());

  const importUsers = (body: string, cookie = hr) => h.request('/api/users', csv(body, cookie));
  const list = async (query: string) => {
    const res = await h.request(`/api/users?${query}`, { cookie: hr });
    expect(res.status).toBe(200);
    return (await res.json()) as {
      users: {
        loginId: string;
        staffNo: string | null;
        roles: string[];
        active: boolean;
        displayName: string;
      }[];
      total: number;
    };
  };
  const issue = async (loginId: string) => {
    const res = await h.request(`/api/users/${loginId}/initial-password`, json({}, 'POST', hr));
    expect(res.status).toBe(200);
    return (await res.json()) as { password: string; expiresAt: string };
  };
  const signIn = (loginId: string, password: string) =>
    h.request('/api/auth/login', json({ loginId, password }));
  const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  it('imports accounts all or nothing, naming every bad row and column', async () => {
    const bad = [
      HEADER,
      `k2,${NEW_KACHO},manager,`,
      'ghost,999999,,',
      `dup,${NEW_SHUJI},,`,
      `dup,,,`,
      `x,,,`,
      'mail,,,not-an-email',
    ].join('\n');
    const error = await expectError(await importUsers(bad), 400);
    expect(error.details).toEqual([
      { row: 2, column: 'roles', message: expect.stringContaining('manager') as string },
      { row: 5, column: 'login_id', message: expect.stringContaining('4行目と5行目') as string },
      { row: 6, column: 'login_id', message: expect.stringContaining('ログインID') as string },
      { row: 7, column: 'email', message: expect.stringContaining('メールアドレス') as string },
    ]);
    // The file's rows pass; the database's checks: a staff number not on the roster, or one with an account.
    const refs = await expectError(
      await importUsers([HEADER, 'ghost,999999,,', `another,${PEOPLE.shuji},,`].join('\n')),
      400,
    );
    expect(refs.details).toEqual([
      { row: 2, column: 'staff_no', message: '職員番号「999999」は名簿にありません' },
      { row: 3, column: 'staff_no', message: expect.stringContaining('staff1') as string },
    ]);
    expect((await list('q=ghost')).total).toBe(0);
  });

  it('creates and updates accounts; roles come from the organisation unless granted', async () => {
    const first = await importUsers(
      [HEADER, `k2,${NEW_KACHO},,k2@city.example.lg.jp`, 'panel-a,,interviewer;recruiter,'].join('\r\n'),
    );
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ rows: 2, created: 2, updated: 0, unchanged: 0 });
    const { users } = await list('q=k2');
    expect(users).toEqual([
      expect.objectContaining({ loginId: 'k2', staffNo: NEW_KACHO, roles: ['staff'], active: true }),
    ]);
    expect(users[0]?.displayName).toBe('広報 課長');
    expect((await list('q=panel-a')).users[0]?.roles).toEqual(['interviewer', 'recruiter']);

    // Named first evaluator of a period open today: evaluator, for as long as it is open.
    const period = await h.request(
      '/api/review/periods',
      json({ fiscalYear: 2025, kind: 'fiscal' }, 'POST', hr),
    );
    const { id } = (await period.json()) as { id: number };
    await h.request(`/api/review/periods/${id}/assignments/defaults`, json({}, 'POST', hr));
    expect((await list('q=k2')).users[0]?.roles).toEqual(['evaluator', 'staff']);
    expect((await list('role=evaluator&q=k2')).total).toBe(1);
    expect((await list('role=interviewer')).users.map((u) => u.loginId)).toEqual(['interviewer', 'panel-a']);

    // Re-import: the e-mail changes, an empty roles cell keeps the granted roles, a roles cell replaces them.
    const again = await importUsers(
      [HEADER, `k2,${NEW_KACHO},,new@city.example.lg.jp`, 'panel-a,,interviewer,'].join('\n'),
    );
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ rows: 2, created: 0, updated: 2, unchanged: 0 });
    expect((await list('q=panel-a')).users[0]?.roles).toEqual(['interviewer']);
    const audit = await listAudit(h.db.db, { entity: 'user', entityId: 'k2' });
    expect(audit.map((e) => [e.action, e.before, e.after])).toEqual([
      ['update', { email: 'k2@city.example.lg.jp' }, { email: 'new@city.example.lg.jp' }],
      ['create', undefined, { staffNo: NEW_KACHO, email: 'k2@city.example.lg.jp', displayName: '広報 課長' }],
    ]);
    // A creation is audited by the database from the row it wrote, granted roles included, sorted.
    const panel = await listAudit(h.db.db, { entity: 'user', entityId: 'panel-a' });
    expect(panel.map((e) => [e.action, e.before, e.after])).toEqual([
      ['update', { roles: ['interviewer', 'recruiter'] }, { roles: ['interviewer'] }],
      [
        'create',
        undefined,
        { staffNo: null, email: null, displayName: 'panel-a', roles: ['interviewer', 'recruiter'] },
      ],
    ]);
  });

  it('lists, filters and pages accounts for HR only', async () => {
    const all = await list('pageSize=3&page=2');
    expect(all.total).toBe(10);
    expect(all.users.map((u) => u.loginId)).toEqual(['evaluator', 'hr', 'interviewer']);
    expect((await list('q=主事')).users.map((u) => u.loginId)).toEqual([]);
    expect((await list(`q=${PEOPLE.shuji}`)).users.map((u) => u.loginId)).toEqual(['staff1']);
    await h.login('staff1');
    expect((await list('signedIn=yes')).users.map((u) => u.loginId)).toEqual(['hr', 'staff1']);
    await h.request('/api/users/staff2/disable', json({}, 'POST', hr));
    expect((await list('active=no')).users.map((u) => u.loginId)).toEqual(['staff2']);
    await expectError(await h.request('/api/users', { cookie: await h.login('staff1') }), 403);
    await expectError(await h.request('/api/users?role=boss', { cookie: hr }), 400);
  });

  it('disables the accounts of people a full roster leaves out, and brings them back with them', async () => {
    const staff1 = await h.login('staff1');
    const roster = (withShuji: boolean) =>
      [
        STAFF_HEADER,
        `${PEOPLE.bucho},部長 一郎,テスト,10,bucho,regular,1980`,
        `${PEOPLE.kacho},課長 花子,テスト,1010,kacho,regular,1980`,
        ...(withShuji ? [`${PEOPLE.shuji},主事 翔太,テスト,101010,shuji,regular,1980`] : []),
        `${PEOPLE.shunin},主任 次郎,テスト,101010,shunin,regular,1980`,
        `${PEOPLE.kacho2},課長 三郎,テスト,1020,kacho,regular,1980`,
        `${NEW_KACHO},広報 課長,ショクイン,1030,kacho,regular,1990`,
        `${NEW_SHUJI},広報 主事,ショクイン,1030,shuji,regular,1990`,
      ].join('\n');
    // A partial file (the default) leaves everyone else as they are.
    const partial = await h.request('/api/org/staff', csv(roster(false), hr));
    expect(await partial.json()).toMatchObject({ left: 0, accountsDisabled: 0 });
    const full = await h.request('/api/org/staff?roster=full', csv(roster(false), hr));
    expect(await full.json()).toMatchObject({ left: 1, accountsDisabled: 1, accountsEnabled: 0 });
    expect((await h.request('/api/me', { cookie: staff1 })).status).toBe(401);
    expect((await list('q=staff1')).users[0]).toMatchObject({ active: false });
    await expectError(await signIn('staff1', 'correct-horse-battery'), 401);

    const back = await h.request('/api/org/staff?roster=full', csv(roster(true), hr));
    expect(await back.json()).toMatchObject({ left: 0, accountsDisabled: 0, accountsEnabled: 1 });
    expect((await h.request('/api/me', { cookie: staff1 })).status).toBe(401);
    expect((await signIn('staff1', 'correct-horse-battery')).status).toBe(200);
    const audit = await listAudit(h.db.db, { entity: 'user', entityId: 'staff1' });
    const changes = audit.filter((e) => e.action === 'update').map((e) => e.detail as { change: string });
    expect(changes.map((d) => d.change)).toEqual(['back-on-roster', 'left-roster']);
  });

  it('an initial password works once, must be replaced first, and expires after two weeks', async () => {
    await importUsers([HEADER, `k2,${NEW_KACHO},,`].join('\n'));
    // No password yet: nobody can sign in to the new account.
    await expectError(await signIn('k2', ''.padEnd(12, 'x')), 401);
    const { password } = await issue('k2');
    expect(password).toMatch(/^[A-Za-z2-9]{14}$/);
    const res = await signIn('k2', password);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(
      true,
    );
    const cookie = cookieOf(res);
    const blocked = await expectError(await h.request('/api/standards/grades', { cookie }), 403);
    expect(blocked.code).toBe('password_change_required');
    expect((await h.request('/api/me/account', { cookie })).status).toBe(200);

    const change = (current: string, next: string) =>
      h.request('/api/me/password', json({ current, password: next }, 'POST', cookie));
    await expectError(await change('wrong-current-pw', 'a-fine-new-secret'), 400);
    await expectError(await change(password, 'short'), 400);
    expect((await expectError(await change(password, 'password123'), 400)).message).toContain('よく使われて');
    expect((await change(password, 'a-fine-new-secret')).status).toBe(200);
    // This session carries on, now unrestricted; the issued password no longer signs in.
    expect((await h.request('/api/me/account', { cookie })).status).toBe(200);
    expect((await h.request('/api/standards/grades', { cookie })).status).toBe(200);
    await expectError(await signIn('k2', password), 401);
    expect((await signIn('k2', 'a-fine-new-secret')).status).toBe(200);

    const again = await issue('k2');
    h.clock.advance(15 * 86_400_000);
    expect((await expectError(await signIn('k2', again.password), 401)).code).toBe('password_expired');
    const audit = await listAudit(h.db.db, { entity: 'user' });
    expect(JSON.stringify(audit)).not.toContain(again.password);
    expect(JSON.stringify(audit)).not.toContain('a-fine-new-secret');
  });

  it('shows each person their own account', async () => {
    const res = await h.request('/api/me/account', { cookie: await h.login('staff1') });
    expect(await res.json()).toEqual({
      account: expect.objectContaining({
        loginId: 'staff1',
        staffNo: PEOPLE.shuji,
        authSource: 'local',
        roles: ['staff'],
        mustChangePassword: false,
      }) as unknown,
    });
  });

  it('keeps the default assignments working with derived roles', async () => {
    const { sheetId } = await openPeriodWithSheets(h, hr);
    expect(sheetId).toBeGreaterThan(0);
  });

  it('asks every new route for a session and the right role, and refuses bad input', async () => {
    const staff = await h.login('staff1');
    const hrOnly: [string, RequestInit][] = [
      ['/api/users', { method: 'GET' }],
      ['/api/users', csv(`${HEADER}\nk2,,,`, '')],
      ['/api/users/staff2/initial-password', json({})],
      ['/api/users/staff2/auth-source', json({ source: 'directory' })],
      ['/api/org/staff', { method: 'GET' }],
    ];
    for (const [path, init] of hrOnly) {
      await expectError(await h.request(path, init), 401);
      await expectError(await h.request(path, { ...init, cookie: staff }), 403);
    }
    for (const [path, init] of [
      ['/api/me/account', { method: 'GET' }],
      ['/api/me/password', json({ current: 'x', password: 'a-fine-new-secret' })],
    ] as const) {
      await expectError(await h.request(path, init), 401);
    }
    await expectError(
      await h.request('/api/users/staff2/auth-source', json({ source: 'ldap' }, 'POST', hr)),
      400,
    );
    await expectError(await h.request('/api/users/nobody/initial-password', json({}, 'POST', hr)), 404);
    await expectError(
      await h.request('/api/users/nobody/auth-source', json({ source: 'local' }, 'POST', hr)),
      404,
    );
    await expectError(await h.request('/api/me/password', json({ current: '' }, 'POST', staff)), 400);
    await expectError(await h.request('/api/users?page=0', { cookie: hr }), 400);
    // Someone else's account is reached only through HR's routes: /api/me is always the signed-in person.
    const mine = (await (await h.request('/api/me/account', { cookie: staff })).json()) as {
      account: { loginId: string };
    };
    expect(mine.account.loginId).toBe('staff1');
  });
});
