// The deployment of deploy/README.md started for real on this machine: a new database on a PostgreSQL server, API
// processes (the built production server, as `pnpm start` runs it: the API with both apps) and HAProxy with
// deploy/haproxy.cfg itself (docs/toolchain.md "Several processes"). The test tier (test/) and `pnpm bench scale`
// use it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const HAPROXY = '/usr/sbin/haproxy';
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const HAPROXY_CONFIG = join(repoRoot, 'deploy/haproxy.cfg');
const MAIN = join(repoRoot, 'apps/api/dist/main.js');
const APPS_BUILT = ['recruit', 'review'].map((a) => join(repoRoot, 'apps', a, 'build/handler.js'));

/** How long a process may take to start: a new database gets the demo ward first (about 12 s on PostgreSQL). */
const START_TIMEOUT_MS = 180_000;

/** Why the deployment cannot be started here, or null when it can. */
export function missingPieces(databaseUrl: string | undefined): string[] {
  const missing: string[] = [];
  if (!databaseUrl)
    missing.push('TEST_DATABASE_URL is not set (postgres://…, a server this test may create a database on)');
  if (!existsSync(HAPROXY)) missing.push(`${HAPROXY} is missing (apt-get install haproxy)`);
  for (const file of [MAIN, ...APPS_BUILT])
    if (!existsSync(file)) missing.push(`${file} is missing (pnpm build)`);
  return missing;
}

/** A port nobody listens on at this moment, picked by the system. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A database of its own on the server of adminUrl, dropped (with its connections) by drop(). */
export interface ClusterDatabase {
  name: string;
  url: string;
  /** Runs SQL on it (the tests look at what the processes wrote). */
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

export async function createDatabase(adminUrl: string, prefix = 'jinzai_cluster'): Promise<ClusterDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.href, max: 2 });
  // An idle connection closed by the server (the tests close the processes' connections) is simply replaced.
  pool.on('error', () => {});
  return {
    name,
    url: url.href,
    query: async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
      (await pool.query<R>(text, values)).rows,
    drop: async () => {
      await pool.end();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A started child: its pid, what it printed so far, and stop (SIGTERM, then SIGKILL). */
export interface Started {
  pid: number;
  port: number;
  /** http://127.0.0.1:port */
  url: string;
  output(): string;
  stop(): Promise<void>;
}

function started(
  child: ChildProcess,
  port: number,
): Omit<Started, 'pid'> & { exited: Promise<number | null> } {
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 8_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** Waits for a 200 from url, failing when the child exits first or the time is up. */
async function ready(url: string, exited: Promise<number | null>, what: () => string): Promise<void> {
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  const until = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (gone !== undefined) throw new Error(`${url}: exited with ${gone} before it answered:\n${what()}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url}: no answer in ${START_TIMEOUT_MS} ms:\n${what()}`);
    await sleep(50);
  }
}

/** This process's environment without the settings of a Jinzai process (the caller's own server, mail, directory). */
function ownEnv(): NodeJS.ProcessEnv {
  const setting =
    /^(JINZAI_|LDAP_|SMTP_|SESSION_)|^(MAIL_FROM|DATABASE_URL|ORIGIN|ALLOWED_ORIGINS|TRUSTED_PROXIES|PORT|HOST)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !setting.test(k)));
}

/**
 * Starts one API process as deploy/jinzai@.service does (the built server, HOST 127.0.0.1, TRUSTED_PROXIES naming
 * the proxy on this host) on the database; resolves once /api/health answers 200.
 */
export async function startApi(options: {
  databaseUrl: string;
  demo: boolean;
  port?: number;
  env?: NodeJS.ProcessEnv;
}): Promise<Started> {
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...(options.env ?? ownEnv()),
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: options.databaseUrl,
    JINZAI_DEMO: options.demo ? '1' : '0',
    TRUSTED_PROXIES: '127.0.0.1,::1',
  };
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const s = started(child, port);
  try {
    await ready(`${s.url}/api/health`, s.exited, s.output);
  } catch (err) {
    await s.stop();
    throw err;
  }
  return { ...s, pid: child.pid ?? 0 };
}

/** Starts HAProxy in the foreground with deploy/haproxy.cfg in front of the processes (host:port each). */
export async function startProxy(backends: readonly string[], port?: number): Promise<Started> {
  if (backends.length < 1 || backends.length > 4)
    throw new Error('deploy/haproxy.cfg takes 1 to 4 processes');
  const listen = port ?? (await freePort());
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], JINZAI_LISTEN: `127.0.0.1:${listen}` };
  backends.forEach((b, i) => (env[`JINZAI_API${i + 1}`] = b));
  const child = spawn(HAPROXY, ['-f', HAPROXY_CONFIG, '-db'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const s = started(child, listen);
  try {
    await ready(`${s.url}/api/health`, s.exited, s.output);
  } catch (err) {
    await s.stop();
    throw err;
  }
  return { ...s, pid: child.pid ?? 0 };
}

/** The clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const USER_HZ = 100;

/** CPU seconds (user + system, all threads) a process has used so far, from /proc/<pid>/stat; 0 once it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
  } catch {
    return 0;
  }
}

/** CPU seconds of the whole machine so far (all cores, from /proc/stat): busy, and idle (with I/O wait). */
export function machineSeconds(): { busy: number; idle: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return {
    busy: (user + nice + system + irq + softirq + steal) / USER_HZ,
    idle: (idle + iowait) / USER_HZ,
  };
}
