import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, parseDatabaseUrl, trainingOf } from '@jinzai/db';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';
import { readEnv } from './env.js';

function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const run = runCli(argv, readEnv({}), { out: (l) => out.push(l), err: (l) => err.push(l) });
  return run.then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('jinzai import training', () => {
  it('imports completions through the same service as the API, and names a bad row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jinzai-cli-training-'));
    const db = join(dir, 'j.db');
    await cli('migrate', '--db', db);
    writeFileSync(join(dir, 'units.csv'), 'code,name,parent_code,level\n10,総務部,,部\n');
    writeFileSync(
      join(dir, 'staff.csv'),
      'staff_no,name,name_kana,unit_code,grade_code,employment_type,birth_year\n000001,品川 一,シナガワ ハジメ,10,shuji,regular,1990\n',
    );
    await cli('import', 'units', join(dir, 'units.csv'), '--db', db);
    await cli('import', 'staff', join(dir, 'staff.csv'), '--db', db);
    const file = join(dir, 'training.csv');
    writeFileSync(file, 'staff_no,course,layer,completed_on,hours\n000001,DX研修,ict,2025-06-10,3.5\n');
    const ok = await cli('import', 'training', file, '--db', db);
    expect(ok.out).toContain('1 行を取り込みました（新規 1、更新 0）');
    const conn = connect(parseDatabaseUrl(db));
    expect(await trainingOf(conn.db, '000001')).toMatchObject([
      { course: 'DX研修', layer: 'ict', hours: 3.5 },
    ]);
    await conn.close();
    writeFileSync(file, 'staff_no,course,layer,completed_on,hours\n000001,DX研修,dx,2025-06-10,3.5\n');
    const bad = await cli('import', 'training', file, '--db', db);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('2行目');
    expect(bad.err).toContain('layer');
  });
});
