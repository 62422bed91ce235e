import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from '@jinzai/db';
import { importStaff } from '@jinzai/api/services';
import {
  cannon,
  fmt,
  perSecond,
  PORT,
  ratio,
  makeDemoDb,
  printed,
  signIn,
  startServer,
  stopServer,
  timeOnFreshDbs,
  vsRawInsert,
  withServer,
  work,
  type BenchRow,
  type RawInsert,
} from './harness.js';

/** Issue "Foundation": staff import vs raw insert, grades vs health requests/s, cold start. */
export async function foundationBench(rows: BenchRow[]): Promise<void> {
  await importBench(rows);
  await memoryBench(rows);
  await httpBench(rows);
}

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

/** The raw baseline: the same rows in one prepared-insert transaction. */
const rawInsert: RawInsert = (db) => {
  const stmt = db.prepare(
    'insert into staff (staff_no, name, name_kana, unit_code, grade_code, job_family, employment_type, birth_year, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  return () => {
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
  };
};

async function importBench(rows: BenchRow[]) {
  const ms = await timeOnFreshDbs('staff', units, rawInsert, {
    import: (db) =>
      importStaff(
        db,
        { bytes: csvBytes, contentType: 'text/csv' },
        { userId: null, loginId: 'bench' },
        new Date(),
      ),
  });
  rows.push(
    vsRawInsert(
      'Staff import, 100,000 rows (CSV parse + checks + insert), rows/s',
      perSecond(N, ms.import),
      perSecond(N, ms.raw),
      '≥ 60%',
    ),
  );
}

/** The server's resident memory, MiB, from /proc (Linux). */
const residentMiB = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? NaN) / 1024;
};

/**
 * 2. A 300,000-row staff file (27 MB) posted to the running server (POST /api/org/staff as HR, onto a unit of the demo
 * ward): the server's resident memory (RSS, the process with its upload workers) sampled every 10 ms during the
 * import, its peak against the same server idle just before.
 */
async function memoryBench(rows: BenchRow[]) {
  const dbFile = join(work, 'memory.db');
  await makeDemoDb(dbFile);
  const conn = connect({ dialect: 'sqlite', path: dbFile });
  const unit = (
    await conn.db.selectFrom('units').select('code').where('level', '=', '係').executeTakeFirstOrThrow()
  ).code;
  await conn.close();
  const M = 300_000;
  const file = new TextEncoder().encode(
    'staff_no,name,name_kana,unit_code,grade_code,employment_type,birth_year\r\n' +
      Array.from(
        { length: M },
        (_, i) =>
          `9${String(i).padStart(6, '0')},品川 職員${i},シナガワ ショクイン${i},${unit},${GRADES[i % GRADES.length]},regular,${1960 + (i % 45)}`,
      ).join('\r\n'),
  );
  const { child, ready } = startServer(dbFile, false);
  try {
    await ready;
    const pid = child.pid ?? 0;
    const cookie = await signIn('hr');
    await new Promise((r) => setTimeout(r, 500));
    const idle = residentMiB(pid);
    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, residentMiB(pid));
    }, 10);
    const res = await fetch(`http://127.0.0.1:${PORT}/api/org/staff`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/csv' },
      body: file,
    });
    clearInterval(sampler);
    if (res.status !== 200) throw new Error(`staff import: ${res.status} ${await res.text()}`);
    rows.push({
      measure: 'Staff import of 300,000 rows (27 MB CSV) through the server, peak RSS of the server, MiB',
      value: fmt(peak),
      baseline: `${fmt(idle)} (the same server idle)`,
      ratio: ratio(peak, idle),
      target: '< 400 MiB',
    });
  } finally {
    await stopServer(child);
  }
}

async function httpBench(rows: BenchRow[]) {
  const dbFile = join(work, 'http.db');
  const coldNew = await makeDemoDb(dbFile);
  await withServer(dbFile, true, async (coldExisting) => {
    rows.push(printed('Cold start to first 200 on /api/health (new database + demo data), ms', fmt(coldNew)));
    rows.push(printed('Cold start to first 200 on /api/health (existing database), ms', fmt(coldExisting)));

    const cookie = await signIn('staff1');
    await cannon('/api/health', undefined, 2); // warm-up
    await cannon('/api/standards/grades', cookie, 2);
    const health = await cannon('/api/health');
    const grades = await cannon('/api/standards/grades', cookie);
    rows.push({
      measure: 'GET /api/standards/grades with a session, requests/s (50 connections)',
      value: fmt(grades),
      baseline: `${fmt(health)} (GET /api/health)`,
      ratio: ratio(grades, health),
      target: '≥ 50%',
    });
  });
}
