// `jinzai users disable|enable|reset-password LOGIN`: the account services from the command line.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  connect,
  createSession,
  findAccount,
  findLiveSession,
  findUserForLogin,
  listAudit,
} from '@jinzai/db';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';
import { readEnv } from './env.js';
import { verifyPassword } from './passwords.js';

function cli(argv: string[], secret: string | null = null) {
  const out: string[] = [];
  const err: string[] = [];
  const run = runCli(argv, readEnv({}), {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    readSecret: () => Promise.resolve(secret),
  });
  return run.then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('jinzai users disable, enable, reset-password (SQLite)', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'jinzai-cli-users-')), 'j.db');

  const withDb = async <T>(f: (d: ReturnType<typeof connect>['db']) => Promise<T>): Promise<T> => {
    const conn = connect({ dialect: 'sqlite', path: db });
    try {
      return await f(conn.db);
    } finally {
      await conn.close();
    }
  };
  const openSession = (id: string) =>
    withDb(async (d) => {
      const found = await findUserForLogin(d, 'clerk');
      await createSession(d, {
        id,
        userId: found!.user.id,
        credentialGeneration: found!.credentialGeneration,
        createdAt: '2025-01-01T00:00:00Z',
        lastSeenAt: '2025-01-01T00:00:00Z',
        expiresAt: '2999-01-01T00:00:00Z',
      });
    });
  const live = (id: string) =>
    withDb(async (d) => (await findLiveSession(d, id, '2025-01-02T00:00:00Z')) !== undefined);

  it('disables a user and ends their sessions, and enabling again revives none', async () => {
    const add = await cli([
      'users',
      'add',
      'clerk',
      '--role',
      'staff',
      '--password',
      'first-password',
      '--db',
      db,
    ]);
    expect(add.code).toBe(0);
    await openSession('s1');
    expect(await live('s1')).toBe(true);

    const off = await cli(['users', 'disable', 'clerk', '--db', db]);
    expect(off).toMatchObject({ code: 0, out: 'ユーザー clerk を無効にしました（セッション 1 件を終了）' });
    expect(await withDb((d) => findAccount(d, 'clerk'))).toMatchObject({ active: false });
    expect(await withDb((d) => findUserForLogin(d, 'clerk'))).toBeUndefined();

    expect((await cli(['users', 'enable', 'clerk', '--db', db])).out).toBe('ユーザー clerk を有効にしました');
    expect(await live('s1')).toBe(false);
    const actions = await withDb((d) => listAudit(d, { entity: 'user' }));
    expect(
      actions.map((a) => [a.loginId?.startsWith('cli:'), (a.detail as { change?: string }).change]),
    ).toEqual([
      [true, 'enable'],
      [true, 'disable'],
    ]);
  });

  it('resets a password read from stdin or a prompt and ends the sessions', async () => {
    await openSession('s2');
    const r = await cli(['users', 'reset-password', 'clerk', '--db', db], 'second-password');
    expect(r).toMatchObject({
      code: 0,
      out: 'ユーザー clerk のパスワードを再設定しました（セッション 1 件を終了）',
    });
    expect(await live('s2')).toBe(false);
    const found = await withDb((d) => findUserForLogin(d, 'clerk'));
    expect(await verifyPassword(found!.passwordHash, 'second-password')).toBe(true);
    expect(await verifyPassword(found!.passwordHash, 'first-password')).toBe(false);
  });

  it('refuses a short or mistyped password, an unknown user and an unknown subcommand', async () => {
    expect(await cli(['users', 'reset-password', 'clerk', '--db', db], 'short')).toMatchObject({
      code: 1,
      err: expect.stringContaining('10文字以上') as string,
    });
    expect(await cli(['users', 'reset-password', 'clerk', '--db', db], null)).toMatchObject({
      code: 1,
      err: expect.stringContaining('一致しません') as string,
    });
    expect(await cli(['users', 'disable', 'ghost', '--db', db])).toMatchObject({
      code: 1,
      err: expect.stringContaining('見つかりません') as string,
    });
    expect((await cli(['users', 'remove', 'clerk', '--db', db])).code).toBe(1);
  });
});
