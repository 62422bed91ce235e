// Issue "Daily work": HR's sheet list over 100,000 sheets of one period (GET /api/review/periods/{id}/sheets), p95
// of single requests, beside /api/health's in the same run.
import { join } from 'node:path';
import { connect, insertSheets, upsertStaff } from '@jinzai/db';
import { SHEET_STATES } from '@jinzai/model';
import { fmt, makeDemoDb, PORT, ratio, signIn, withServer, work, type BenchRow } from './harness.js';

const EXTRA = 96_000;
const SURNAMES = ['品川', '大井', '大崎', '五反田', '戸越', '荏原', '八潮', '旗の台'];
const KANA = ['シナガワ', 'オオイ', 'オオサキ', 'ゴタンダ', 'トゴシ', 'エバラ', 'ヤシオ', 'ハタノダイ'];

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1] ?? NaN;

async function timed(path: string, cookie: string | undefined, runs: number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${PORT}${path}`, cookie ? { headers: { cookie } } : {});
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    await res.arrayBuffer();
    ms.push(performance.now() - t0);
  }
  return ms;
}

/**
 * The demo ward's database with its open period grown to 100,000 sheets; resolves with the period and a 部 that has
 * units under it.
 */
export async function makeSheetsDb(dbFile: string): Promise<{ periodId: number; department: string }> {
  await makeDemoDb(dbFile);
  // The demo ward's open period (about 4,000 sheets) plus 96,000 more people, spread over every 係 with a sheet each,
  // evaluated by the demo's evaluators and at every step: 100,000 sheets in the period.
  const conn = connect({ dialect: 'sqlite', path: dbFile });
  const period = await conn.db
    .selectFrom('review_periods')
    .select('id')
    .orderBy('fiscal_year', 'desc')
    .executeTakeFirstOrThrow();
  const sections = (await conn.db.selectFrom('units').select('code').where('level', '=', '係').execute()).map(
    (u) => u.code,
  );
  const evaluators = await conn.db
    .selectFrom('review_sheets')
    .select(['first_staff_no', 'second_staff_no'])
    .where('period_id', '=', period.id)
    .where('first_staff_no', 'is not', null)
    .where('second_staff_no', 'is not', null)
    .limit(200)
    .execute();
  const at = '2026-04-01T00:00:00Z';
  const people = Array.from({ length: EXTRA }, (_, i) => ({
    staff_no: `9${String(i).padStart(6, '0')}`,
    name: `${SURNAMES[i % 8] ?? ''} 職員${i}`,
    name_kana: `${KANA[i % 8] ?? ''} ショクイン${i}`,
    unit_code: sections[i % sections.length] ?? '',
    grade_code: 'shuji',
    employment_type: 'regular' as const,
    birth_year: 1960 + (i % 45),
  }));
  await upsertStaff(conn.db, people, at);
  await insertSheets(
    conn.db,
    period.id,
    people.map((p, i) => {
      const e = evaluators[i % evaluators.length];
      const state = SHEET_STATES[i % 6] ?? 'goal-setting';
      return {
        staffNo: p.staff_no,
        unitCode: p.unit_code,
        gradeCode: p.grade_code,
        firstStaffNo: e?.first_staff_no ?? null,
        secondStaffNo: e?.second_staff_no ?? null,
        state,
        goalsSubmitted: state !== 'goal-setting',
      };
    }),
    at,
  );
  const { n } = await conn.db
    .selectFrom('review_sheets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('period_id', '=', period.id)
    .executeTakeFirstOrThrow();
  if (Number(n) < 100_000) throw new Error(`only ${n} sheets`);
  const department = (await conn.db.selectFrom('units').select('code').where('level', '=', '部').execute())[0]
    ?.code;
  await conn.close();
  return { periodId: period.id, department: department ?? '' };
}

export async function sheetsBench(rows: BenchRow[]): Promise<void> {
  const dbFile = join(work, 'sheets.db');
  const { periodId, department } = await makeSheetsDb(dbFile);
  await withServer(dbFile, false, async () => {
    const cookie = await signIn('hr');
    const base = `/api/review/periods/${periodId}/sheets`;
    // What HR does: the whole list, a progress count (a state in a 部), later pages, searches by kana, number and
    // name, and all of them together.
    const lists = [
      '',
      `state=adjust&unit=${department}`,
      'state=second&page=40',
      'page=1000',
      `q=${encodeURIComponent('ｼﾅｶﾞﾜ')}`,
      'q=9000',
      `q=${encodeURIComponent('大崎')}&state=first&unit=${department}`,
    ];
    await timed('/api/health', undefined, 50);
    const health = p95(await timed('/api/health', undefined, 200));
    for (const l of lists) await timed(`${base}?${l}`, cookie, 2);
    const ms: number[] = [];
    for (let round = 0; round < 20; round++) {
      for (const l of lists) ms.push(...(await timed(`${base}?${l}`, cookie, 1)));
    }
    const value = p95(ms);
    rows.push({
      measure: `HR sheet list over 100,000 sheets (GET /api/review/periods/{id}/sheets, 7 kinds), p95`,
      value: `${fmt(value, 1)} ms`,
      baseline: `${fmt(health, 1)} ms (/api/health p95)`,
      ratio: ratio(value, health),
      target: '< 100 ms',
    });
  });
}
