// Issue "Past one machine": the deployment of deploy/README.md (API processes on one PostgreSQL behind HAProxy with
// deploy/haproxy.cfg) serving through the proxy with one process and with two, measured interleaved in the same run,
// with the share of the machine's CPU that the node processes, the PostgreSQL backends, HAProxy and the load
// generator used meanwhile (/proc/<pid>/stat before and after). On a 2-core machine the ratio is not the point: the
// shares say which part fills the cores.
import { cpus } from 'node:os';
import autocannon from 'autocannon';
import {
  cpuSeconds,
  createDatabase,
  machineSeconds,
  missingPieces,
  startApi,
  startProxy,
  type ClusterDatabase,
  type Started,
} from '@jinzai/deploy';
import { parentEnv } from './env.js';
import { fmt, median, printed, ratio, type BenchRow } from './harness.js';

const SECONDS = 5;
const ROUNDS = 2;
const CONNECTIONS = 50;

interface Measure {
  rps: number;
  p99: number;
  /** Shares of the machine's CPU time (all cores) during the run, in per cent. */
  shares: {
    node: number;
    postgres: number;
    haproxy: number;
    generator: number;
    /** Everything else on the machine (other PostgreSQL work, other programs). */
    other: number;
    idle: number;
  };
}

/** The PostgreSQL backends serving the bench's database (not this process's own inspection connection). */
async function backends(db: ClusterDatabase): Promise<number[]> {
  const rows = await db.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [db.name],
  );
  return rows.map((r) => r.pid);
}

const cpuOf = (pids: readonly number[]) => new Map(pids.map((p) => [p, cpuSeconds(p)]));

/** GET path through the proxy at 50 connections, with the CPU each part used meanwhile. */
async function measure(
  db: ClusterDatabase,
  proxy: Started,
  nodes: readonly Started[],
  path: string,
  cookie: string,
  seconds = SECONDS,
): Promise<Measure> {
  const pgBefore = cpuOf(await backends(db));
  const nodeBefore = nodes.map((n) => cpuSeconds(n.pid));
  const proxyBefore = cpuSeconds(proxy.pid);
  const generatorBefore = process.cpuUsage();
  const machineBefore = machineSeconds();
  const t0 = performance.now();
  const result = await autocannon({
    url: `${proxy.url}${path}`,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { cookie },
  });
  const wall = (performance.now() - t0) / 1000;
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${path}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  const generator = process.cpuUsage(generatorBefore);
  const machine = machineSeconds();
  // Backends that started during the run count from zero; one that ended during it is lost (the pools keep theirs).
  let postgres = 0;
  for (const pid of await backends(db)) postgres += cpuSeconds(pid) - (pgBefore.get(pid) ?? 0);
  const node = nodes.reduce((s, n, i) => s + cpuSeconds(n.pid) - (nodeBefore[i] ?? 0), 0);
  const capacity = wall * cpus().length;
  const share = (cpu: number) => (cpu / capacity) * 100;
  const ours = {
    node: share(node),
    postgres: share(postgres),
    haproxy: share(cpuSeconds(proxy.pid) - proxyBefore),
    generator: share((generator.user + generator.system) / 1e6),
  };
  const busy = share(machine.busy - machineBefore.busy);
  const mine = ours.node + ours.postgres + ours.haproxy + ours.generator;
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    shares: {
      ...ours,
      other: Math.max(0, busy - mine),
      idle: share(machine.idle - machineBefore.idle),
    },
  };
}

const shareText = (ms: Measure[]) => {
  // Means over the rounds, so that the shares of one row add up to the whole machine.
  const m = (k: keyof Measure['shares']) => `${fmt(ms.reduce((s, x) => s + x.shares[k], 0) / ms.length)}%`;
  return (
    `node ${m('node')} · postgres ${m('postgres')} · haproxy ${m('haproxy')} · autocannon ${m('generator')}` +
    ` · other ${m('other')} · idle ${m('idle')}`
  );
};

async function signIn(proxy: Started, loginId: string): Promise<string> {
  const res = await fetch(`${proxy.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ loginId, password: 'jinzai-demo' }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${loginId}: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

export async function scaleBench(rows: BenchRow[]): Promise<void> {
  const adminUrl = parentEnv['BENCH_DATABASE_URL'] || parentEnv['TEST_DATABASE_URL'] || undefined;
  const missing = missingPieces(adminUrl);
  if (missing.length > 0) {
    rows.push(
      printed(
        'scale: not measured',
        missing.join('; ').replace('TEST_DATABASE_URL', 'TEST_DATABASE_URL or BENCH_DATABASE_URL'),
        '—',
      ),
    );
    return;
  }
  const db = await createDatabase(adminUrl as string, 'jinzai_bench');
  const started: Started[] = [];
  try {
    // The first process loads the demo ward; the second one finds it.
    const a = await startApi({ databaseUrl: db.url, demo: true });
    started.push(a);
    const b = await startApi({ databaseUrl: db.url, demo: true });
    started.push(b);
    const one = await startProxy([`127.0.0.1:${a.port}`]);
    started.push(one);
    const two = await startProxy([`127.0.0.1:${a.port}`, `127.0.0.1:${b.port}`]);
    started.push(two);
    const hr = await signIn(two, 'hr');
    const recruiter = await signIn(two, 'recruiter');
    const routes: [string, string][] = [
      ['/api/me', hr],
      ['/api/standards/grades', hr],
      ['/api/recruit/rounds/1/results', recruiter],
    ];
    for (const [path, cookie] of routes) {
      // Warm-up on both, then 1 and 2 processes in turns.
      await measure(db, one, [a], path, cookie, 1);
      await measure(db, two, [a, b], path, cookie, 1);
      const single: Measure[] = [];
      const double: Measure[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        single.push(await measure(db, one, [a, b], path, cookie));
        double.push(await measure(db, two, [a, b], path, cookie));
      }
      const rps1 = median(single.map((m) => m.rps));
      const rps2 = median(double.map((m) => m.rps));
      rows.push({
        measure: `scale ${path}: 2 processes vs 1, through haproxy (req/s)`,
        value: fmt(rps2),
        baseline: `${fmt(rps1)} (1 process)`,
        ratio: ratio(rps2, rps1),
        target: `print (${cpus().length} cores)`,
      });
      for (const [label, ms] of [
        ['1 process', single],
        ['2 processes', double],
      ] as const) {
        rows.push(
          printed(
            `scale ${path}, ${label}: CPU share of ${cpus().length} cores, p99 ${fmt(median(ms.map((m) => m.p99)))} ms`,
            shareText(ms),
          ),
        );
      }
    }
  } finally {
    for (const s of started.reverse()) await s.stop();
    await db.drop();
  }
}
