// Issue "Daily work": HR's roster search over 100,000 staff, p95 of single requests, beside /api/health's.
import { join } from 'node:path';
import { connect, upsertStaff } from '@jinzai/db';
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

export async function rosterBench(rows: BenchRow[]): Promise<void> {
  const dbFile = join(work, 'roster.db');
  await makeDemoDb(dbFile);
  // The demo ward (about 4,000) plus 96,000 more on its first unit: 100,000 on the roster.
  const conn = connect({ dialect: 'sqlite', path: dbFile });
  const unit = (
    await conn.db.selectFrom('units').select('code').where('level', '=', '係').executeTakeFirstOrThrow()
  ).code;
  await upsertStaff(
    conn.db,
    Array.from({ length: EXTRA }, (_, i) => ({
      staff_no: `9${String(i).padStart(6, '0')}`,
      name: `${SURNAMES[i % 8] ?? ''} 職員${i}`,
      name_kana: `${KANA[i % 8] ?? ''} ショクイン${i}`,
      unit_code: unit,
      grade_code: 'shuji',
      employment_type: 'regular' as const,
      birth_year: 1960 + (i % 45),
    })),
    '2026-04-01T00:00:00Z',
  );
  await conn.close();
  await withServer(dbFile, false, async () => {
    const cookie = await signIn('hr');
    const searches = [
      `q=${encodeURIComponent('ｼﾅｶﾞﾜ')}`,
      `q=${encodeURIComponent('大崎')}`,
      'q=9000',
      `unit=${unit}&grade=shuji&page=3`,
      `q=${encodeURIComponent('はたのだい')}&employmentType=regular`,
    ];
    await timed('/api/health', undefined, 50);
    const health = p95(await timed('/api/health', undefined, 200));
    const ms: number[] = [];
    for (let round = 0; round < 20; round++) {
      for (const s of searches) ms.push(...(await timed(`/api/org/staff?${s}`, cookie, 1)));
    }
    const value = p95(ms);
    rows.push({
      measure: 'Roster search over 100,000 staff (GET /api/org/staff, 5 kinds of search), p95',
      value: `${fmt(value, 1)} ms`,
      baseline: `${fmt(health, 1)} ms (/api/health p95)`,
      ratio: ratio(value, health),
      target: '< 100 ms',
    });
  });
}
