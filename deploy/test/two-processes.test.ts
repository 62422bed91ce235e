// The deployment of deploy/README.md, for real: two API processes (the built server, both apps included) started
// together on one new PostgreSQL database, HAProxy with deploy/haproxy.cfg in front. Every check addresses the
// processes directly as well, so that "made on one, seen on the other" never depends on where the proxy sent a
// request. Under CI=true a missing PostgreSQL, HAProxy or build fails the run; elsewhere the tier skips, saying why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabase,
  missingPieces,
  startApi,
  startProxy,
  type ClusterDatabase,
  type Started,
} from '../src/cluster.js';

const adminUrl = process.env['TEST_DATABASE_URL'] || undefined;
const missing = missingPieces(adminUrl);
if (missing.length > 0) {
  if (process.env['CI'] === 'true')
    throw new Error(`CI=true, but the deployment tier cannot run: ${missing.join('; ')}`);
  console.warn(`deploy: skipping the two-process tier: ${missing.join('; ')}`);
}

const PASSWORD = 'jinzai-demo';
const REMINDERS = 'deadline-reminders';

describe.skipIf(missing.length > 0)('two API processes on one PostgreSQL behind haproxy', () => {
  let db: ClusterDatabase;
  let a: Started;
  let b: Started;
  let proxy: Started;
  /** The scheduler's claims of the reminders' job seen once it was made due again (see the last test). */
  let claims: Promise<string[]>;

  beforeAll(async () => {
    db = await createDatabase(adminUrl as string);
    // Both at once on the new database, as `systemctl start jinzai@3001 jinzai@3002` does.
    [a, b] = await Promise.all([
      startApi({ databaseUrl: db.url, demo: true }),
      startApi({ databaseUrl: db.url, demo: true }),
    ]);
    proxy = await startProxy([`127.0.0.1:${a.port}`, `127.0.0.1:${b.port}`]);
    claims = watchClaims();
  });

  afterAll(async () => {
    await proxy?.stop();
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
  });

  const all = () => [a, b, proxy];

  const login = async (at: Started, loginId: string, password = PASSWORD, from?: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (from) headers['x-forwarded-for'] = from;
    return fetch(`${at.url}/api/auth/login`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ loginId, password }),
    });
  };
  const signIn = async (at: Started, loginId: string) => {
    const res = await login(at, loginId);
    expect(res.status).toBe(200);
    return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };
  const get = (at: Started, path: string, cookie: string) =>
    fetch(`${at.url}${path}`, { headers: { cookie }, redirect: 'manual' });
  const getJson = async <T>(at: Started, path: string, cookie: string): Promise<T> => {
    const res = await get(at, path, cookie);
    expect(res.status, `${path} on ${at.url}`).toBe(200);
    return (await res.json()) as T;
  };
  const me = async (at: Started, cookie: string) => {
    const res = await get(at, '/api/me', cookie);
    await res.arrayBuffer();
    return res.status;
  };

  it('starts both at once on a new database and loads the demo once', async () => {
    const loaded = (p: Started) => p.output().split('デモデータを登録しました').length - 1;
    expect(loaded(a) + loaded(b)).toBe(1);
    const [users] = await db.query<{ n: number }>('select count(*)::int as n from users');
    expect(users?.n).toBeGreaterThan(4000);
  });

  it('serves a session made on one process on the other, directly and through the proxy, API and pages', async () => {
    const hr = await signIn(a, 'hr');
    for (const at of [b, a, proxy, proxy, proxy, proxy]) expect(await me(at, hr)).toBe(200);
    const body = await getJson<{ user: { loginId: string } }>(b, '/api/me', hr);
    expect(body.user.loginId).toBe('hr');
    for (const at of all()) {
      const page = await get(at, '/review/', hr);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('人事');
      const anonymous = await get(at, '/review/', '');
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get('location')).toContain('/review/login');
    }
  });

  it('ends a session on every process when it signs out on one', async () => {
    const cookie = await signIn(b, 'recruiter');
    for (const at of all()) expect(await me(at, cookie)).toBe(200);
    const out = await fetch(`${a.url}/api/auth/logout`, { method: 'POST', headers: { cookie } });
    expect(out.status).toBeLessThan(300);
    for (const at of [b, a, proxy, proxy]) expect(await me(at, cookie)).toBe(401);
    expect((await get(b, '/recruit/', cookie)).status).toBe(303);
  });

  it('shows a score written through one process in the results read through the other at once', async () => {
    const recruiter = await signIn(proxy, 'recruiter');
    const { rounds } = await getJson<{ rounds: { id: number }[] }>(b, '/api/recruit/rounds', recruiter);
    const round = rounds[0]?.id ?? 0;
    const overview = await getJson<{
      stages: { id: number }[];
      weights: Record<string, number>;
      criteria: { code: string; layer: string; holistic: boolean }[];
    }>(b, `/api/recruit/rounds/${round}`, recruiter);
    const stage = overview.stages[0]?.id ?? 0;
    type Results = {
      applicants: {
        applicantNo: string;
        name: string;
        total: number | null;
        layers: Record<string, number>;
      }[];
    };
    const results = (at: Started) =>
      getJson<Results>(at, `/api/recruit/rounds/${round}/results?stage=${stage}`, recruiter);
    const applicant = (r: Results, no: string) => r.applicants.find((x) => x.applicantNo === no);
    // The first stage of the demo round has no scores yet; its results are read (and so could be cached) on both.
    const before = await results(b);
    const target = before.applicants[0];
    expect(target?.total).toBeNull();
    await results(a);
    const scored = overview.criteria.filter((c) => !c.holistic && (overview.weights[c.layer] ?? 0) > 0);
    for (const score of [1, 5]) {
      const csv = [
        'applicant_no,rater,criterion,score',
        ...scored.map((c) => `${target?.applicantNo},interviewer1,${c.code},${score}`),
      ].join('\n');
      const written = await fetch(`${a.url}/api/recruit/rounds/${round}/scores`, {
        method: 'POST',
        headers: { cookie: recruiter, 'content-type': 'text/csv' },
        body: csv,
      });
      expect(written.status).toBe(200);
      for (const at of [b, proxy, a]) {
        expect(applicant(await results(at), target?.applicantNo ?? '')?.total).toBe(score);
      }
      const page = await get(b, `/recruit/rounds/${round}/results?stage=${stage}`, recruiter);
      expect(page.status).toBe(200);
      const html = await page.text();
      const row = html.split('<tr').find((r) => r.includes(target?.name ?? '?')) ?? '';
      expect(row).toContain(`>${score.toFixed(3)}<`);
    }
    // Renamed through one process, the round is named anew in the results the other one had cached.
    const renamed = await fetch(`${a.url}/api/recruit/rounds/${round}`, {
      method: 'PATCH',
      headers: { cookie: recruiter, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '令和9年度 新卒採用（二回目）' }),
    });
    expect(renamed.status).toBe(200);
    const named = await getJson<{ round: { name: string } }>(
      b,
      `/api/recruit/rounds/${round}/results?stage=${stage}`,
      recruiter,
    );
    expect(named.round.name).toBe('令和9年度 新卒採用（二回目）');
  });

  it('anonymises expired applicants once when the retention runs on both processes at the same moment', async () => {
    const hr = await signIn(a, 'hr');
    const created = await fetch(`${a.url}/api/recruit/rounds`, {
      method: 'POST',
      headers: { cookie: hr, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '保存期間の確認', track: 'experienced', fiscalYear: 2024 }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const applicants = await fetch(`${b.url}/api/recruit/rounds/${id}/applicants`, {
      method: 'POST',
      headers: { cookie: hr, 'content-type': 'text/csv' },
      body: 'applicant_no,name,name_kana,email\nX-1,保存 一,ホゾン イチ,\nX-2,保存 二,ホゾン ニ,\nX-3,保存 三,ホゾン サン,\n',
    });
    expect(applicants.status).toBeLessThan(300);
    // Closed two years ago: the default retention (one year) has ended.
    await db.query(`update recruit_rounds set status = 'closed', closed_at = $1 where id = $2`, [
      new Date(Date.now() - 2 * 365 * 86_400_000).toISOString(),
      id,
    ]);
    const run = (at: Started) =>
      fetch(`${at.url}/api/recruit/retention/run`, { method: 'POST', headers: { cookie: hr } }).then(
        async (r) => {
          expect(r.status).toBe(200);
          return (await r.json()) as { rounds: { roundId: number; applicants: number }[] };
        },
      );
    const runs = await Promise.all([run(a), run(b)]);
    const counted = runs.flatMap((r) => r.rounds.filter((x) => x.roundId === id).map((x) => x.applicants));
    expect(counted).toEqual([3]);
    const rows = await db.query<{ name: string | null }>(
      'select name from recruit_applicants where round_id = $1',
      [id],
    );
    expect(rows.map((r) => r.name)).toEqual([null, null, null]);
  });

  it('counts failed sign-ins across the processes and the proxy', async () => {
    // Failures of one login id from one visitor's address, alternating between the processes: the fifth earns a
    // wait of 1 s, the sixth (made once that is over) 2 s, the seventh 4 s, which both processes and the proxy then
    // enforce. The address reaches the processes in X-Forwarded-For, which they believe from the proxy's host
    // (TRUSTED_PROXIES).
    const from = '203.0.113.9';
    const fail = async (at: Started) => {
      const res = await login(at, 'staff1', 'wrong-password', from);
      expect(res.status).toBe(401);
    };
    for (const at of [a, b, a, b, a]) await fail(at);
    for (const [at, wait] of [
      [b, 1],
      [a, 2],
    ] as const) {
      await new Promise((r) => setTimeout(r, wait * 1000 + 100));
      await fail(at);
    }
    for (const at of [b, proxy, a]) {
      const res = await login(at, 'staff1', PASSWORD, from);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    const [row] = await db.query<{ failures: number }>(`select failures from login_attempts where key = $1`, [
      `pair:staff1|${from}`,
    ]);
    expect(row?.failures).toBe(7);
  });

  // Made due again at the start, the reminders' job is claimed by exactly one process at its next round (every
  // 15 s); the other one's round finds it claimed. Watched while the tests above run.
  function watchClaims(): Promise<string[]> {
    return (async () => {
      await db.query(
        `insert into scheduled_jobs (name, next_run_at, holder, claimed_at) values ($1, $2, 'test', $2)
         on conflict (name) do update set next_run_at = $2, holder = 'test', claimed_at = $2`,
        [REMINDERS, new Date(Date.now() - 1000).toISOString()],
      );
      const seen = new Set<string>();
      // Two rounds of every process, and some room for a busy machine.
      const until = Date.now() + 40_000;
      while (Date.now() < until) {
        const [job] = await db.query<{ holder: string; claimed_at: string }>(
          'select holder, claimed_at from scheduled_jobs where name = $1',
          [REMINDERS],
        );
        if (job && job.holder !== 'test') seen.add(`${job.holder} ${job.claimed_at}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return [...seen];
    })();
  }

  it('has the reminders job claimed by one process only, once', async () => {
    const seen = await claims;
    expect(seen).toHaveLength(1);
    const holder = seen[0] ?? '';
    expect([a.pid, b.pid].some((pid) => holder.includes(`:${pid}:`))).toBe(true);
  });

  it('outlives PostgreSQL closing every connection of the processes, as in a restart of the server', async () => {
    const hr = await signIn(proxy, 'hr');
    const closed = await db.query<{ n: number }>(
      `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
       where datname = $1 and pid <> pg_backend_pid()`,
      [db.name],
    );
    expect(closed[0]?.n).toBeGreaterThan(0);
    for (const at of [a, b]) {
      // A request may meet a connection that is closing; the process lives on and opens new ones.
      let status = 0;
      for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, 20));
        status = await me(at, hr);
      }
      expect(status).toBe(200);
    }
    expect(a.output()).not.toContain('Node.js v');
    expect(b.output()).not.toContain('Node.js v');
  });

  it('keeps answering through the proxy while one process stops, as in a rolling restart', async () => {
    const hr = await signIn(proxy, 'hr');
    await a.stop();
    // The proxy has not seen the process go yet (its check runs every 2 s): what reaches it is tried on the other.
    for (let i = 0; i < 6; i++) expect(await me(proxy, hr)).toBe(200);
  });
});
