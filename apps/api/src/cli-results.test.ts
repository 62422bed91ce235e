import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, createPeriod, finalOverallResults, parseDatabaseUrl } from '@jinzai/db';
import { defaultPhaseDates } from '@jinzai/model';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';
import { readEnv } from './env.js';

function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const run = runCli(argv, readEnv({}), { out: (l) => out.push(l), err: (l) => err.push(l) });
  return run.then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('jinzai import results --period', () => {
  it('imports results from an earlier system into a period, and names a missing period', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jinzai-cli-results-'));
    const db = join(dir, 'j.db');
    await cli('migrate', '--db', db);
    const units = join(dir, 'units.csv');
    writeFileSync(units, 'code,name,parent_code,level\n10,総務部,,部\n');
    const staff = join(dir, 'staff.csv');
    writeFileSync(
      staff,
      'staff_no,name,name_kana,unit_code,grade_code,employment_type,birth_year\n000001,品川 一,シナガワ ハジメ,10,bucho,regular,1970\n',
    );
    await cli('import', 'units', units, '--db', db);
    await cli('import', 'staff', staff, '--db', db);
    const conn = connect(parseDatabaseUrl(db));
    const period = await createPeriod(
      conn.db,
      {
        fiscalYear: 2024,
        kind: 'fiscal',
        name: '令和6年度 人事評価',
        ...defaultPhaseDates(2024, 'fiscal'),
        scaleVersion: '2024.1',
      },
      new Date().toISOString(),
    );
    const results = join(dir, 'results.csv');
    writeFileSync(results, 'staff_no,overall,構想\n000001,A,S\n');
    const ok = await cli('import', 'results', results, '--period', String(period.id), '--db', db);
    expect(ok.out).toContain('1 行を取り込みました');
    expect(await finalOverallResults(conn.db, 2024)).toEqual([
      { staffNo: '000001', unitCode: '10', gradeCode: 'bucho', overall: 'A' },
    ]);
    await conn.close();
    const missing = await cli('import', 'results', results, '--db', db);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toContain('--period');
    expect((await cli('import', 'results', results, '--period', '99', '--db', db)).err).toContain('99');
  });
});
