import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { connect, migrateToLatest, upsertUnits } from '@jinzai/db';
import { parentEnv } from './env.js';

/** One line of the printed table. */
export interface BenchRow {
  measure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
}

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const work = mkdtempSync(join(tmpdir(), 'jinzai-bench-'));

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
export const ratio = (value: number, baseline: number) => `${fmt((value / baseline) * 100, 1)}%`;

/** Times fn: warm-up runs, then the median of runs, in ms. */
export async function timeMedian(fn: () => Promise<unknown>, runs = 5, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** ms of one awaited call. */
export async function elapsed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

type UnitRows = Parameters<typeof upsertUnits>[1];

/** 40 section codes (1010–1049) under one department '10'. */
export const SECTION_CODES = Array.from({ length: 40 }, (_, i) => `10${String(i + 10)}`);

/** Department '10' and a section for each code under it. */
export const sectionUnits = (codes: readonly string[]): UnitRows => [
  { code: '10', name: '総務部', parent_code: null, level: '部' as const },
  ...codes.map((code) => ({ code, name: `課${code}`, parent_code: '10', level: '課' as const })),
];

/** A migrated SQLite database `name`.db in the work folder, with the units (if any) upserted. */
export async function freshDb(name: string, units: UnitRows = []): Promise<ReturnType<typeof connect>> {
  const conn = connect({ dialect: 'sqlite', path: join(work, `${name}.db`) });
  await migrateToLatest(conn.db);
  if (units.length > 0) await upsertUnits(conn.db, units, '2025-04-01T00:00:00.000Z');
  return conn;
}

/**
 * The raw baseline: opens file with plain better-sqlite3 (WAL, synchronous NORMAL), runs prepare untimed and
 * returns the ms of one transaction around the body prepare returns.
 */
export function timeRawTransaction(file: string, prepare: RawInsert): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const body = prepare(db);
  const t0 = performance.now();
  db.transaction(body)();
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

/** The body of a raw insert: prepares on the plain better-sqlite3 database and returns what one transaction runs. */
export type RawInsert = (db: Database.Database) => () => void;

type Db = ReturnType<typeof connect>['db'];

/**
 * Three rounds of the raw insert and of each timed step, each run on a fresh database `name-<step><i>`.db with the
 * units (made untimed): the ms of every run, by step ('raw' for the raw insert).
 */
export async function timeOnFreshDbs<K extends string>(
  name: string,
  units: UnitRows,
  raw: RawInsert,
  steps: Record<K, (db: Db) => Promise<unknown>>,
): Promise<Record<K | 'raw', number[]>> {
  const ms = { raw: [] as number[] } as Record<K | 'raw', number[]>;
  for (let i = 0; i < 3; i++) {
    const rawName = `${name}-raw${i}`;
    await (await freshDb(rawName, units)).close();
    ms.raw.push(timeRawTransaction(join(work, `${rawName}.db`), raw));
    for (const [step, fn] of Object.entries(steps) as [K, (db: Db) => Promise<unknown>][]) {
      const conn = await freshDb(`${name}-${step}${i}`, units);
      try {
        (ms[step] ??= []).push(await elapsed(() => fn(conn.db)));
      } finally {
        await conn.close();
      }
    }
  }
  return ms;
}

/** Rows per second of count rows, from the median of the runs' ms. */
export const perSecond = (count: number, ms: number[]) => count / (median(ms) / 1000);

/** A table row for a rate measured against the raw prepared insert's rate. */
export const vsRawInsert = (measure: string, value: number, raw: number, target: string): BenchRow => ({
  measure,
  value: fmt(value),
  baseline: `${fmt(raw)} (raw prepared insert)`,
  ratio: ratio(value, raw),
  target,
});

export const PORT = 3900 + Math.floor(Math.random() * 50);

/**
 * Starts the built server on PORT (or `port`) with a SQLite file (or `databaseUrl`); ready resolves with ms to the
 * first 200 on /api/health.
 */
export function startServer(
  dbFile: string,
  demo: boolean,
  options: { port?: number; databaseUrl?: string } = {},
): { child: ChildProcess; ready: Promise<number> } {
  const t0 = performance.now();
  const port = options.port ?? PORT;
  const child = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
    env: {
      ...parentEnv,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl ?? `file:${dbFile}`,
      JINZAI_DEMO: demo ? '1' : '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const ready = (async () => {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.status === 200) return performance.now() - t0;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  return { child, ready };
}

export const stopServer = (child: ChildProcess) =>
  new Promise<void>((r) => {
    child.once('exit', () => r());
    child.kill('SIGTERM');
  });

/** Starts the server on dbFile, runs fn with the ms to its first 200 once it answers, and stops it (also on a throw). */
export async function withServer<T>(
  dbFile: string,
  demo: boolean,
  fn: (readyMs: number) => Promise<T>,
): Promise<T> {
  const { child, ready } = startServer(dbFile, demo);
  try {
    return await fn(await ready);
  } finally {
    await stopServer(child);
  }
}

/** A new database with the demo data (the server's first start makes it); resolves with that cold start's ms. */
export const makeDemoDb = (dbFile: string): Promise<number> =>
  withServer(dbFile, true, (ms) => Promise.resolve(ms));

/** A table row for a number that is printed, not compared. */
export const printed = (measure: string, value: string, target = 'print'): BenchRow => ({
  measure,
  value,
  baseline: '—',
  ratio: '—',
  target,
});

/** Signs in on the running server (on PORT or `port`) and returns the cookie. */
export async function signIn(loginId: string, password = 'jinzai-demo', port = PORT): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginId, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${loginId}: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** Requests/s of GET path at 50 connections (autocannon, loopback). */
export async function cannon(path: string, cookie?: string, duration = 5): Promise<number> {
  const result = await autocannon({
    url: `http://127.0.0.1:${PORT}${path}`,
    connections: 50,
    duration,
    headers: cookie ? { cookie } : {},
  });
  if (result.non2xx > 0) throw new Error(`${path}: ${result.non2xx} non-2xx answers`);
  return result.requests.average;
}

/** Median ms of n sequential GETs after a warm-up (for "answers in under X ms" numbers). */
export async function latency(path: string, cookie: string, runs = 5): Promise<number> {
  return timeMedian(async () => {
    const res = await fetch(`http://127.0.0.1:${PORT}${path}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    await res.arrayBuffer();
  }, runs);
}

/** One load measurement: requests/s, p99 latency (ms) and the answers that were not 2xx (or failed). */
export interface Load {
  rps: number;
  p99: number;
  errors: number;
}

/** Connections of every load measurement (autocannon, loopback). */
export const CONNECTIONS = 50;

/**
 * Waits until the server has worked off what a load left queued (autocannon stops sending, not the server
 * answering): until three health checks in a row answer within 20 ms, for at most 30 s.
 */
export async function settle(port = PORT): Promise<void> {
  const until = performance.now() + 30_000;
  let quick = 0;
  while (quick < 3 && performance.now() < until) {
    const ms = await elapsed(async () => {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      await res.arrayBuffer();
    });
    quick = ms < 20 ? quick + 1 : 0;
  }
}

/** GET path at CONNECTIONS connections for `duration` seconds, with the cookie when given (on PORT or `port`). */
export async function load(
  path: string,
  cookie: string | undefined,
  duration = 5,
  port = PORT,
): Promise<Load> {
  await settle(port);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    connections: CONNECTIONS,
    duration,
    headers: cookie ? { cookie } : {},
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

/** A and the baseline B measured interleaved (B, A, B, A, …, B): the mean of A's rounds and of the B around them. */
export interface Interleaved {
  a: Load;
  b: Load;
  /** A's requests/s as a share of B's, per round (each round against the B just before and after it). */
  shares: number[];
}

const meanOf = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * Measures `a` against the baseline `b` (e.g. GET /api/health with the same cookie) in `rounds` interleaved rounds,
 * after one short warm-up of each: B A B A B, each A compared with the B measured just before and after it.
 */
export async function interleave(
  a: (duration: number) => Promise<Load>,
  b: (duration: number) => Promise<Load>,
  rounds = 2,
  duration = 5,
): Promise<Interleaved> {
  await b(1);
  await a(1);
  const bs: Load[] = [await b(duration)];
  const as: Load[] = [];
  for (let i = 0; i < rounds; i++) {
    as.push(await a(duration));
    bs.push(await b(duration));
  }
  const avg = (xs: Load[]): Load => ({
    rps: meanOf(xs.map((x) => x.rps)),
    p99: Math.max(...xs.map((x) => x.p99)),
    errors: xs.reduce((s, x) => s + x.errors, 0),
  });
  const shares = as.map((x, i) => x.rps / meanOf([bs[i]?.rps ?? NaN, bs[i + 1]?.rps ?? NaN]));
  return { a: avg(as), b: avg(bs), shares };
}

/** Interleaved medians of single sequential requests: `a`'s and `b`'s ms, alternating call by call. */
export async function interleavedLatency(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  runs: number,
): Promise<{ a: number; b: number }> {
  for (let i = 0; i < 2; i++) {
    await b();
    await a();
  }
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < runs; i++) {
    bs.push(await elapsed(b));
    as.push(await elapsed(a));
  }
  return { a: median(as), b: median(bs) };
}

/** A GET on the running server with the cookie, failing on anything but 200; resolves once the body is read. */
export const getOk = (path: string, cookie?: string) => async () => {
  const res = await fetch(`http://127.0.0.1:${PORT}${path}`, cookie ? { headers: { cookie } } : {});
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  await res.arrayBuffer();
};
