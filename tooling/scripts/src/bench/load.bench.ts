// Issue 15 "Fast under load": every route of the issue's table at 50 connections, each as a share of
// GET /api/health with the same cookie, measured interleaved (health, route, health, route, health), 2 rounds,
// on the demo ward; pass or fail per goal.
import { join } from 'node:path';
import { createPostgresDatabase } from '@jinzai/db/testing';
import { parentEnv } from './env.js';
import {
  CONNECTIONS,
  fmt,
  interleave,
  load,
  PORT,
  printed,
  settle,
  signIn,
  startServer,
  stopServer,
  withServer,
  work,
  type BenchRow,
  type Interleaved,
  type Load,
} from './harness.js';

const SECONDS = 5;
const ROUNDS = 2;

interface Goal {
  share: number;
  p99?: number;
  noErrors?: boolean;
}

const pct = (x: number) => `${fmt(x * 100, 1)}%`;

function goalText(goal: Goal): string {
  const parts = [`≥ ${fmt(goal.share * 100)}%`];
  if (goal.p99 !== undefined) parts.push(`p99 < ${fmt(goal.p99)} ms`);
  if (goal.noErrors) parts.push('0 errors');
  return parts.join(', ');
}

function row(measure: string, m: Interleaved, goal: Goal): BenchRow {
  const worst = Math.min(...m.shares);
  const pass =
    worst >= goal.share &&
    (goal.p99 === undefined || m.a.p99 < goal.p99) &&
    (!goal.noErrors || m.a.errors === 0);
  return {
    measure,
    value: `${fmt(m.a.rps)} req/s, p99 ${fmt(m.a.p99)} ms${goal.noErrors ? `, ${fmt(m.a.errors)} errors` : ''}`,
    baseline: `${fmt(m.b.rps)} (/api/health)`,
    ratio: m.shares.map(pct).join(' / '),
    target: `${goalText(goal)}: ${pass ? 'PASS' : 'FAIL'}`,
  };
}

/** A GET load that must answer 200 every time. */
const getLoad = (path: string, cookie: string) => async (duration: number) => {
  const m = await load(path, cookie, duration);
  if (m.errors > 0) throw new Error(`${path}: ${m.errors} answers other than 2xx`);
  return m;
};

async function json<T>(path: string, cookie: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${PORT}${path}`, {
    ...init,
    headers: { cookie, 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface SheetForm {
  criteria: { code: string }[];
  mine: { version: number } | null;
}

/**
 * The write mix: each worker keeps saving a draft of its own rater sheet (interviewer1–3 × the four applicants
 * still waiting), sending the version it got back, so that every save is a real write that must succeed; and the
 * baseline: the same workers asking GET /api/health with the same cookies.
 */
async function writeMix(roundId: number) {
  const hr = await signIn('hr');
  const round = await json<{ stages: { id: number }[] }>(`/api/recruit/rounds/${roundId}`, hr);
  const stageId = round.stages[1]?.id;
  if (stageId === undefined) throw new Error('the demo round has no second stage');
  const raters = await Promise.all(['interviewer1', 'interviewer2', 'interviewer3'].map((r) => signIn(r)));
  const sheets: { path: string; cookie: string; version: number; criteria: string[] }[] = [];
  for (const cookie of raters) {
    for (const no of ['R9-027', 'R9-028', 'R9-029', 'R9-030']) {
      const path = `/api/recruit/rounds/${roundId}/stages/${stageId}/sheets/${no}`;
      const form = await json<SheetForm>(path, cookie);
      sheets.push({
        path,
        cookie,
        version: form.mine?.version ?? 0,
        criteria: form.criteria.map((c) => c.code),
      });
    }
  }
  let turn = 0;
  const workers = async (duration: number, one: (s: (typeof sheets)[number]) => Promise<boolean>) => {
    await settle();
    const until = performance.now() + duration * 1000;
    const ms: number[] = [];
    let errors = 0;
    await Promise.all(
      sheets.map(async (s) => {
        while (performance.now() < until) {
          const t0 = performance.now();
          if (!(await one(s))) errors += 1;
          ms.push(performance.now() - t0);
        }
      }),
    );
    ms.sort((a, b) => a - b);
    return {
      rps: ms.length / duration,
      p99: ms[Math.ceil(ms.length * 0.99) - 1] ?? NaN,
      errors,
    } satisfies Load;
  };
  const save = (duration: number) =>
    workers(duration, async (s) => {
      turn += 1;
      const res = await fetch(`http://127.0.0.1:${PORT}${s.path}`, {
        method: 'PUT',
        headers: { cookie: s.cookie, 'content-type': 'application/json' },
        body: JSON.stringify({
          version: s.version,
          scores: s.criteria.map((criterion, i) => ({ criterion, score: 1 + ((turn + i) % 5), note: '' })),
        }),
      });
      const body = (await res.json()) as { version?: number };
      if (res.status !== 200 || typeof body.version !== 'number') return false;
      s.version = body.version;
      return true;
    });
  const health = (duration: number) =>
    workers(duration, async (s) => {
      const res = await fetch(`http://127.0.0.1:${PORT}/api/health`, { headers: { cookie: s.cookie } });
      await res.arrayBuffer();
      return res.status === 200;
    });
  return { save, health, workers: sheets.length };
}

export async function loadBench(rows: BenchRow[]): Promise<void> {
  await withServer(join(work, 'load.db'), true, async () => {
    const [staff, hr, evaluator] = await Promise.all([signIn('staff1'), signIn('hr'), signIn('evaluator1')]);
    const mine = await json<{ sheets?: { id: number }[]; current?: { id: number } | null }>(
      '/api/review/me',
      staff,
    );
    const sheetId = mine.sheets?.[0]?.id ?? mine.current?.id;
    const roundId = 1;
    const measure = async (label: string, path: string, cookie: string, goal: Goal) => {
      const m = await interleave(getLoad(path, cookie), getLoad('/api/health', cookie), ROUNDS, SECONDS);
      rows.push(row(`${label} (GET ${path})`, m, goal));
    };
    const policy = { share: 0.75 };
    const json25 = { share: 0.25 };
    const hrGoal = { share: 0.25, p99: 200 };
    await measure('Signed-in user', '/api/me', staff, policy);
    await measure('Policy: grades', '/api/standards/grades', staff, policy);
    await measure('Policy: tracks', '/api/standards/tracks', staff, policy);
    await measure('Recruit results, demo round', `/api/recruit/rounds/${roundId}/results`, hr, json25);
    if (sheetId !== undefined)
      await measure("staff1's sheet", `/api/review/sheets/${sheetId}`, staff, json25);
    await measure("evaluator1's queue", '/api/review/queue', evaluator, json25);
    await measure('KPI board', '/api/kpis?fiscalYear=2025', hr, hrGoal);
    await measure('KPI breakdown by unit', '/api/kpis/breakdown?fiscalYear=2025&by=unit', hr, hrGoal);
    await measure('HR distribution, FY2025', '/api/review/analytics?fiscalYear=2025', hr, hrGoal);
    await measure('HR distribution, open period', '/api/review/analytics?fiscalYear=2026', hr, hrGoal);
    await measure('Page', '/review/kpis', hr, { share: 0.2 });
    await measure('Page', `/recruit/rounds/${roundId}/results`, hr, { share: 0.2 });
    const mix = await writeMix(roundId);
    const m = await interleave(mix.save, mix.health, ROUNDS, SECONDS);
    rows.push(
      row(
        `Write mix: rater-sheet draft saves, ${mix.workers} workers (PUT …/sheets/{no}, each its own sheet)`,
        m,
        { share: 0.25, noErrors: true },
      ),
    );
  });
  rows.push({
    measure: `(load: ${CONNECTIONS} connections, ${SECONDS} s each, ${ROUNDS} interleaved rounds; ratio per round)`,
    value: '—',
    baseline: '—',
    ratio: '—',
    target: 'print',
  });
}

/**
 * Issue 15: one API process on PostgreSQL against one on SQLite, both with the demo ward, for the simple reads
 * (interleaved: SQLite, PostgreSQL, SQLite, …); only when TEST_DATABASE_URL names a PostgreSQL server, on a database
 * of its own that it drops afterwards.
 */
export async function postgresBench(rows: BenchRow[]): Promise<void> {
  const server = parentEnv['TEST_DATABASE_URL'];
  if (!server) {
    rows.push(printed('PostgreSQL vs SQLite, simple reads', 'skipped (TEST_DATABASE_URL not set)'));
    return;
  }
  const database = await createPostgresDatabase(server);
  const pgPort = PORT + 50;
  const pgServer = startServer('', true, { port: pgPort, databaseUrl: database.url });
  try {
    await pgServer.ready;
    await withServer(join(work, 'load-sqlite.db'), true, async () => {
      const routes: [string, string][] = [
        ['Signed-in user', '/api/me'],
        ['Policy: tracks', '/api/standards/tracks'],
        ['Own evaluation', '/api/review/me'],
      ];
      const onSqlite = await signIn('staff1');
      const onPg = await signIn('staff1', undefined, pgPort);
      for (const [label, path] of routes) {
        const m = await interleave(
          (d) => load(path, onPg, d, pgPort),
          (d) => load(path, onSqlite, d),
          ROUNDS,
          SECONDS,
        );
        const worst = Math.min(...m.shares);
        rows.push({
          measure: `PostgreSQL, one process: ${label} (GET ${path})`,
          value: `${fmt(m.a.rps)} req/s, p99 ${fmt(m.a.p99)} ms`,
          baseline: `${fmt(m.b.rps)} (same on SQLite)`,
          ratio: m.shares.map(pct).join(' / '),
          target: `≥ 80%: ${worst >= 0.8 ? 'PASS' : 'FAIL'}`,
        });
      }
    });
  } finally {
    await stopServer(pgServer.child);
    await database.drop();
  }
}
