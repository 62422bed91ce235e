/**
 * `pnpm bench`: the numbers each issue names, measured as ratios against a raw baseline in the same run, printed as
 * a table. Nothing here is asserted: speed is measured, never tested.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { connect, migrateToLatest, upsertUnits } from '@jinzai/db';
import { importStaff } from '@jinzai/api/services';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const work = mkdtempSync(join(tmpdir(), 'jinzai-bench-'));
const rows: { measure: string; value: string; baseline: string; ratio: string; target: string }[] = [];

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

// ---------------------------------------------------------------------------------------------------------------
// 1. Staff import of 100,000 rows vs a raw better-sqlite3 prepared insert of the same rows in one transaction.
const N = 100_000;
const UNITS = ['101010', '101020', '102010', '102020', '201010'];
const GRADES = ['shuji', 'shunin', 'kakaricho', 'kacho-hosa', 'kakariin'];
const staffRows = Array.from({ length: N }, (_, i) => ({
  staff_no: String(i + 1).padStart(6, '0'),
  name: `品川 職員${i}`,
  name_kana: `シナガワ ショクイン${i}`,
  unit_code: UNITS[i % UNITS.length] as string,
  grade_code: GRADES[i % GRADES.length] as string,
  job_family: 'general',
  employment_type: 'regular',
  birth_year: 1960 + (i % 45),
  updated_at: '2025-04-01T00:00:00.000Z',
}));
const csv =
  'staff_no,name,name_kana,unit_code,grade_code,employment_type,birth_year\r\n' +
  staffRows
    .map((r) =>
      [r.staff_no, r.name, r.name_kana, r.unit_code, r.grade_code, r.employment_type, r.birth_year].join(','),
    )
    .join('\r\n');
const csvBytes = new TextEncoder().encode(csv);
const units = [
  { code: '10', name: '総務部', parent_code: null, level: '部' as const },
  { code: '20', name: '区民部', parent_code: null, level: '部' as const },
  { code: '1010', name: '人事課', parent_code: '10', level: '課' as const },
  { code: '1020', name: '経理課', parent_code: '10', level: '課' as const },
  { code: '2010', name: '戸籍課', parent_code: '20', level: '課' as const },
  ...UNITS.map((code) => ({ code, name: `係${code}`, parent_code: code.slice(0, 4), level: '係' as const })),
];

async function freshDb(name: string) {
  const conn = connect({ dialect: 'sqlite', path: join(work, `${name}.db`) });
  await migrateToLatest(conn.db);
  await upsertUnits(conn.db, units, '2025-04-01T00:00:00.000Z');
  return conn;
}

function rawInsert(file: string): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const stmt = db.prepare(
    'insert into staff (staff_no, name, name_kana, unit_code, grade_code, job_family, employment_type, birth_year, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const t0 = performance.now();
  db.transaction(() => {
    for (const r of staffRows) {
      stmt.run(
        r.staff_no,
        r.name,
        r.name_kana,
        r.unit_code,
        r.grade_code,
        r.job_family,
        r.employment_type,
        r.birth_year,
        r.updated_at,
      );
    }
  })();
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

async function importBench() {
  const rawMs: number[] = [];
  const importMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const raw = await freshDb(`raw${i}`);
    await raw.close();
    rawMs.push(rawInsert(join(work, `raw${i}.db`)));
    const conn = await freshDb(`imp${i}`);
    const t0 = performance.now();
    await importStaff(conn.db, csvBytes, 'text/csv', { userId: null, loginId: 'bench' }, new Date());
    importMs.push(performance.now() - t0);
    await conn.close();
  }
  const raw = N / (median(rawMs) / 1000);
  const imp = N / (median(importMs) / 1000);
  rows.push({
    measure: 'Staff import, 100,000 rows (CSV parse + checks + insert), rows/s',
    value: fmt(imp),
    baseline: `${fmt(raw)} (raw prepared insert)`,
    ratio: `${fmt((imp / raw) * 100, 1)}%`,
    target: '≥ 25%',
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Requests/s of GET /api/standards/grades (with a session) vs GET /api/health; 3. cold start.
const PORT = 3900 + Math.floor(Math.random() * 50);

function startServer(dbFile: string, demo: boolean): { child: ChildProcess; ready: Promise<number> } {
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${dbFile}`,
      JINZAI_DEMO: demo ? '1' : '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const ready = (async () => {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${PORT}/api/health`);
        if (res.status === 200) return performance.now() - t0;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  return { child, ready };
}

const stop = (child: ChildProcess) =>
  new Promise<void>((r) => {
    child.once('exit', () => r());
    child.kill('SIGTERM');
  });

async function cannon(path: string, cookie?: string, duration = 5): Promise<number> {
  const result = await autocannon({
    url: `http://127.0.0.1:${PORT}${path}`,
    connections: 50,
    duration,
    headers: cookie ? { cookie } : {},
  });
  if (result.non2xx > 0) throw new Error(`${path}: ${result.non2xx} non-2xx answers`);
  return result.requests.average;
}

async function httpBench() {
  const dbFile = join(work, 'http.db');
  const first = startServer(dbFile, true);
  const coldNew = await first.ready;
  await stop(first.child);
  const again = startServer(dbFile, true);
  const coldExisting = await again.ready;
  rows.push({
    measure: 'Cold start to first 200 on /api/health (new database + demo data), ms',
    value: fmt(coldNew),
    baseline: '—',
    ratio: '—',
    target: 'print',
  });
  rows.push({
    measure: 'Cold start to first 200 on /api/health (existing database), ms',
    value: fmt(coldExisting),
    baseline: '—',
    ratio: '—',
    target: 'print',
  });

  const login = await fetch(`http://127.0.0.1:${PORT}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginId: 'staff1', password: 'jinzai-demo' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  await cannon('/api/health', undefined, 2); // warm-up
  await cannon('/api/standards/grades', cookie, 2);
  const health = await cannon('/api/health');
  const grades = await cannon('/api/standards/grades', cookie);
  rows.push({
    measure: 'GET /api/standards/grades with a session, requests/s (50 connections)',
    value: fmt(grades),
    baseline: `${fmt(health)} (GET /api/health)`,
    ratio: `${fmt((grades / health) * 100, 1)}%`,
    target: '≥ 50%',
  });
  await stop(again.child);
}

try {
  await importBench();
  await httpBench();
} finally {
  rmSync(work, { recursive: true, force: true });
}

const cols = ['measure', 'value', 'baseline', 'ratio', 'target'] as const;
const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => r[c].length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
console.log(line([...cols]));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(cols.map((c) => r[c])));
