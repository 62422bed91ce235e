// `jinzai import users FILE`, `jinzai users initial-password LOGIN` and `jinzai import staff FILE --roster`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, findAccount, findUserForLogin } from '@jinzai/db';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';
import { readEnv } from './env.js';
import { verifyPassword } from './passwords.js';

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, readEnv({}), { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('accounts from the command line (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jinzai-cli-accounts-'));
  const db = join(dir, 'j.db');
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const staff = (rows: string[]) =>
    file(
      `staff-${rows.length}.csv`,
      ['staff_no,name,name_kana,unit_code,grade_code,employment_type,birth_year', ...rows].join('\n'),
    );
  const ONE = '000101,品川 一郎,シナガワ イチロウ,10,shuji,regular,1990';
  const TWO = '000102,品川 二郎,シナガワ ジロウ,10,shuji,regular,1991';

  it('imports users, issues an initial password, and disables the leavers of a full roster', async () => {
    expect(
      (
        await cli([
          'import',
          'units',
          file('units.csv', 'code,name,parent_code,level\n10,総務部,,部\n'),
          '--db',
          db,
        ])
      ).code,
    ).toBe(0);
    expect((await cli(['import', 'staff', staff([ONE, TWO]), '--db', db])).code).toBe(0);

    const bad = await cli([
      'import',
      'users',
      file('bad.csv', 'login_id,staff_no,roles,email\nichiro,000199,,\n'),
      '--db',
      db,
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('2行目');
    expect(bad.err).toContain('staff_no');

    const users = file('users.csv', '\uFEFFlogin_id,staff_no,roles,email\nichiro,000101,,\njiro,000102,,\n');
    const ok = await cli(['import', 'users', users, '--db', db]);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.out).toContain('2 行を取り込みました');

    const issued = await cli(['users', 'initial-password', 'ichiro', '--db', db]);
    expect(issued.code).toBe(0);
    const password = /初期パスワード: (\S+)/.exec(issued.out)?.[1] ?? '';
    const conn = connect({ dialect: 'sqlite', path: db });
    try {
      const found = await findUserForLogin(conn.db, 'ichiro');
      expect(found?.user.mustChangePassword).toBe(true);
      expect(await verifyPassword(found?.passwordHash ?? '', password)).toBe(true);
    } finally {
      await conn.close();
    }

    const roster = await cli(['import', 'staff', staff([ONE]), '--roster', '--db', db]);
    expect(roster.out).toContain('退職 1');
    const after = connect({ dialect: 'sqlite', path: db });
    try {
      expect(await findAccount(after.db, 'jiro')).toMatchObject({ active: false });
      expect(await findAccount(after.db, 'ichiro')).toMatchObject({ active: true });
    } finally {
      await after.close();
    }
  });
});
