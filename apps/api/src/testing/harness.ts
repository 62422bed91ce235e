import { createUser, type DialectName } from '@jinzai/db';
import { connectAgain, openTestDatabase, type TestDatabase } from '@jinzai/db/testing';
import type { Role } from '@jinzai/model';
import { onTestFinished } from 'vitest';
import { createApp } from '../app.js';
import { defaultThrottle, type Deps } from '../deps.js';
import { hashPassword } from '../passwords.js';

export const PASSWORD = 'correct-horse-battery';

/** A test clock: starts at a fixed instant and moves only when told (never sleep in tests). */
export class TestClock {
  constructor(private t = Date.parse('2025-06-02T01:00:00Z')) {}
  now = () => new Date(this.t);
  advance(ms: number) {
    this.t += ms;
  }
}

export interface Harness {
  db: TestDatabase;
  clock: TestClock;
  app: ReturnType<typeof createApp>;
  /** What the app was made with (another app on the same database takes the same, with its own connection). */
  deps: Deps;
  request(path: string, init?: RequestInit & { cookie?: string }): Promise<Response>;
  /** Signs in and returns the cookie header value. */
  login(loginId: string, password?: string): Promise<string>;
  addUser(loginId: string, roles: Role[], staffNo?: string | null): Promise<void>;
  dispose(): Promise<void>;
}

let passwordHash: Promise<string> | undefined;

/** An app on a fresh database of the dialect, with users hr, recruiter, interviewer, evaluator and staff. */
export async function createHarness(dialect: DialectName, overrides: Partial<Deps> = {}): Promise<Harness> {
  const db = await openTestDatabase(dialect);
  const clock = new TestClock();
  const deps: Deps = {
    db: db.db,
    dialect,
    now: clock.now,
    session: { idleMinutes: 60, maxHours: 12 },
    allowedOrigins: [],
    throttle: { ...defaultThrottle },
    ...overrides,
  };
  const app = createApp(deps);
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const addUser = async (loginId: string, roles: Role[], staffNo: string | null = null) => {
    await createUser(
      db.db,
      { loginId, displayName: loginId, passwordHash: hash, staffNo, roles },
      clock.now().toISOString(),
    );
  };
  for (const role of ['hr', 'recruiter', 'interviewer', 'evaluator', 'staff'] as const)
    await addUser(role, [role]);

  const request = requestOf(app);
  const login = async (loginId: string, password = PASSWORD) => {
    const res = await request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ loginId, password }),
    });
    if (res.status !== 200) throw new Error(`login ${loginId} failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers.get('set-cookie') ?? '';
    return cookie.split(';')[0] ?? '';
  };
  return { db, clock, app, deps, request, login, addUser, dispose: () => db.dispose() };
}

/** Requests to an app, with the cookie of a sign-in when given. */
const requestOf =
  (app: ReturnType<typeof createApp>) =>
  async (path: string, init: RequestInit & { cookie?: string } = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (init.cookie) headers.set('cookie', init.cookie);
    return app.request(path, { ...init, headers });
  };

/**
 * For the current test: a second app on the harness's database through a connection of its own, as another API
 * process on the same database would be (same settings and clock; the harness's sessions work on it).
 */
export function anotherProcess(h: Harness): Pick<Harness, 'request'> {
  const conn = connectAgain(h.db);
  onTestFinished(() => conn.close());
  return { request: requestOf(createApp({ ...h.deps, db: conn.db, dialect: conn.dialect })) };
}

/**
 * For the current test: a harness with hr signed in, then seeded by seed (which may use hr's cookie); disposed when
 * the test finishes. Call it in beforeEach or in the test.
 */
export async function hrHarness(
  dialect: DialectName,
  seed?: (h: Harness, hr: string) => Promise<void>,
): Promise<{ h: Harness; hr: string }> {
  const h = await createHarness(dialect);
  onTestFinished(() => h.dispose());
  const hr = await h.login('hr');
  await seed?.(h, hr);
  return { h, hr };
}

/** Asserts the error shape of docs/interfaces.md "Conventions" and returns the error. */
export async function expectError(
  res: Response,
  status: number,
): Promise<{ code: string; message: string; details?: unknown }> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
  if (!body.error || typeof body.error.code !== 'string' || typeof body.error.message !== 'string') {
    throw new Error(`not the error shape: ${text}`);
  }
  return body.error as { code: string; message: string; details?: unknown };
}

export const json = (body: unknown, method = 'POST', cookie?: string): RequestInit & { cookie?: string } => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
  ...(cookie ? { cookie } : {}),
});

export const csv = (
  text: string | Uint8Array,
  cookie: string,
  contentType = 'text/csv',
): RequestInit & { cookie?: string } => ({
  method: 'POST',
  headers: { 'content-type': contentType },
  body: text,
  cookie,
});
