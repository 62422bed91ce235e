import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, createPeriod, findSheet, listAudit, parseDatabaseUrl } from '@jinzai/db';
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

describe('jinzai import assignments --period', () => {
  it('sets evaluators in bulk, all or nothing, and names a missing period', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jinzai-cli-assignments-'));
    const db = join(dir, 'j.db');
    await cli('migrate', '--db', db);
    const units = join(dir, 'units.csv');
    writeFileSync(units, 'code,name,parent_code,level\n10,総務部,,部\n1010,総務課,10,課\n');
    const staff = join(dir, 'staff.csv');
    writeFileSync(
      staff,
      [
        'staff_no,name,name_kana,unit_code,grade_code,employment_type,birth_year',
        '000001,品川 一,シナガワ ハジメ,10,bucho,regular,1970',
        '000002,品川 二,シナガワ ジロウ,1010,kacho,regular,1975',
        '000003,品川 三,シナガワ サブロウ,1010,shuji,regular,1995',
      ].join('\n'),
    );
    await cli('import', 'units', units, '--db', db);
    await cli('import', 'staff', staff, '--db', db);
    const conn = connect(parseDatabaseUrl(db));
    const period = await createPeriod(
      conn.db,
      {
        fiscalYear: 2026,
        kind: 'fiscal',
        name: '令和8年度 人事評価',
        ...defaultPhaseDates(2026, 'fiscal'),
        scaleVersion: '2024.1',
      },
      new Date().toISOString(),
    );
    const file = join(dir, 'assignments.csv');
    writeFileSync(file, 'staff_no,first_evaluator,second_evaluator\n000003,000002,000001\n000002,000001,\n');
    const ok = await cli('import', 'assignments', file, '--period', String(period.id), '--db', db);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.out).toContain('2 行を取り込みました（新規 2、更新 0）');
    expect(await findSheet(conn.db, period.id, '000003')).toMatchObject({
      firstStaffNo: '000002',
      secondStaffNo: '000001',
    });
    expect((await listAudit(conn.db, { entity: 'review_assignments' }))[0]).toMatchObject({
      action: 'import',
      loginId: expect.stringMatching(/^cli:/),
    });

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'staff_no,first_evaluator,second_evaluator\n000003,000001,\n000002,000002,\n');
    const refused = await cli('import', 'assignments', bad, '--period', String(period.id), '--db', db);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('3行目 列「first_evaluator」: 本人を評価者にはできません');
    expect(await findSheet(conn.db, period.id, '000003')).toMatchObject({ firstStaffNo: '000002' });
    await conn.close();

    const missing = await cli('import', 'assignments', file, '--db', db);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toContain('--period');
    expect((await cli('import', 'assignments', file, '--period', '99', '--db', db)).err).toContain('99');
  });
});
