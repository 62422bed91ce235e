import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, createRound, listApplicants } from '@jinzai/db';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';
import { readEnv } from './env.js';

function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const run = runCli(argv, readEnv({}), { out: (l) => out.push(l), err: (l) => err.push(l) });
  return run.then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('jinzai import applicants|scores --round', () => {
  it('imports a round’s applicants and keyed-in scores, and names a missing round', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jinzai-cli-rc-'));
    const db = join(dir, 'j.db');
    expect((await cli('migrate', '--db', db)).code).toBe(0);
    expect(
      (await cli('users', 'add', 'i1', '--name', '面接 一', '--role', 'interviewer', '--db', db)).code,
    ).toBe(0);
    const conn = connect({ dialect: 'sqlite', path: db });
    const round = await createRound(
      conn.db,
      { name: 'R', track: 'new-graduate', fiscalYear: 2027 },
      null,
      new Date().toISOString(),
    );
    await conn.close();

    const applicants = join(dir, 'applicants.csv');
    writeFileSync(
      applicants,
      'applicant_no,name,name_kana,email\n001,品川 花子,シナガワ ハナコ,h@example.jp\n',
    );
    const a = await cli('import', 'applicants', applicants, '--round', String(round.id), '--db', db);
    expect(a.out).toContain('1 行を取り込みました');
    const scores = join(dir, 'scores.csv');
    writeFileSync(scores, 'applicant_no,rater,criterion,score\n001,i1,potential,4\n001,i1,stance,5\n');
    expect((await cli('import', 'scores', scores, '--round', String(round.id), '--db', db)).out).toContain(
      '2 行',
    );

    const check = connect({ dialect: 'sqlite', path: db });
    expect((await listApplicants(check.db, round.id)).map((x) => x.name)).toEqual(['品川 花子']);
    await check.close();
    expect((await cli('import', 'scores', scores, '--round', '999', '--db', db)).err).toContain(
      '選考 999 が見つかりません',
    );
    expect((await cli('import', 'scores', scores, '--db', db)).err).toContain('--round 選考ID');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'applicant_no,rater,criterion,score\n001,nobody,potential,9\n');
    const r = await cli('import', 'scores', bad, '--round', String(round.id), '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toContain('2');
  });
});
