import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, findUserForLogin, getStaff, orgSummary } from '@jinzai/db';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';
import { readEnv } from './env.js';

function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const run = runCli(argv, readEnv({}), { out: (l) => out.push(l), err: (l) => err.push(l) });
  return run.then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('jinzai command line (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jinzai-cli-'));
  const db = join(dir, 'j.db');

  it('migrates, adds the administrator, imports, and backs up', async () => {
    expect((await cli('migrate', '--db', db)).out).toContain('0001-foundation');
    const add = await cli('users', 'add', 'admin', '--name', '管理者', '--role', 'hr', '--db', db);
    expect(add.code).toBe(0);
    expect(add.out).toMatch(/初期パスワード: \S{10,}/);

    const units = join(dir, 'units.csv');
    writeFileSync(
      units,
      iconv.encode('code,name,parent_code,level\r\n10,総務部,,部\r\n1010,人事課,10,課\r\n', 'cp932'),
    );
    const staff = join(dir, 'staff.csv');
    writeFileSync(
      staff,
      '\ufeffstaff_no,name,name_kana,unit_code,grade_code,employment_type,birth_year\n000001,品川 一,シナガワ ハジメ,1010,kacho,regular,1970\n',
    );
    expect((await cli('import', 'units', units, '--db', db)).out).toContain('2 行を取り込みました');
    expect((await cli('import', 'staff', staff, '--db', db)).code).toBe(0);

    const backup = join(dir, 'backup.db');
    expect((await cli('backup', backup, '--db', db)).code).toBe(0);
    expect(existsSync(backup)).toBe(true);
    const copy = connect({ dialect: 'sqlite', path: backup });
    expect(await orgSummary(copy.db)).toEqual({ units: 2, staff: 1 });
    expect((await getStaff(copy.db, '000001'))?.gradeCode).toBe('kacho');
    expect((await findUserForLogin(copy.db, 'admin'))?.user.roles).toEqual(['hr']);
    await copy.close();
  });

  it('names the row and column of a bad file and writes nothing', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'staff_no,name,name_kana,unit_code,grade_code,employment_type,birth_year\n000002,a,ア,1010,nope,regular,1970\n',
    );
    const r = await cli('import', 'staff', bad, '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/2行目 列「grade_code」/);
    expect(r.err).not.toMatch(/at .*\.js/);
  });

  it('refuses unknown commands, bad roles and missing files with a message', async () => {
    expect((await cli('frobnicate', '--db', db)).err).toContain('不明なコマンド');
    expect((await cli('users', 'add', 'x1', '--role', 'king', '--db', db)).code).toBe(1);
    expect((await cli('import', 'staff', join(dir, 'none.csv'), '--db', db)).err).toContain(
      'ファイルを読めません',
    );
    expect((await cli('import', 'nothing', join(dir, 'none.csv'), '--db', db)).err).toContain(
      'まだ利用できません',
    );
    expect((await cli('import', 'survey', join(dir, 'none.csv'), '--db', db)).err).toContain('--fiscal-year');
  });

  it('imports a year of survey answers', async () => {
    const units = join(dir, 'su.csv');
    writeFileSync(units, 'code,name,parent_code,level\n10,総務部,,部\n1010,人事課,10,課\n');
    await cli('import', 'units', units, '--db', db);
    const answers = join(dir, 'answers.csv');
    const q = Array.from({ length: 15 }, (_, i) => `q${String(i + 1).padStart(2, '0')}`).join(',');
    writeFileSync(
      answers,
      `unit_code,grade_code,age_band,employment_type,${q}\n1010,shuji,-29,regular,${'3,'.repeat(14)}4\n`,
    );
    const r = await cli('import', 'survey', answers, '--fiscal-year', '2025', '--db', db);
    expect(r.out).toContain('2025年度の回答 1 件を取り込みました');
    const bad = await cli(
      'import',
      'survey',
      answers.replace('answers', 'none'),
      '--fiscal-year',
      '2025',
      '--db',
      db,
    );
    expect(bad.code).toBe(1);
  });
});
