#!/usr/bin/env node
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { deleteExpiredSessions, deleteStaleAttempts } from '@jinzai/db';
import { SIGN_IN_MEMORY_MS } from '@jinzai/model';
import { createApp } from './app.js';
import { registerInProcessApi } from './in-process.js';
import { depsFor, openDatabase } from './boot.js';
import { ADDRESS_HEADER, configureAppsEnv, PROTOCOL_HEADER, readEnv } from './env.js';
import { parseTrustedProxies, visitorOf } from './http/peer.js';
import { smtpMailer } from './mail/transport.js';
import { startScheduler } from './scheduler.js';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const started = performance.now();
const env = readEnv();
const log = (m: string) => console.log(`[jinzai] ${m}`);

const internalToken = env.JINZAI_INTERNAL_TOKEN ?? randomBytes(32).toString('base64url');
const trustedProxies = parseTrustedProxies(env.TRUSTED_PROXIES);
configureAppsEnv(internalToken);

/** Loads a built SvelteKit app (adapter-node's handler), or a page that says it is not built. */
async function loadApp(name: 'recruit' | 'review'): Promise<NodeHandler> {
  const appsDir = env.JINZAI_APPS_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const file = resolve(appsDir, name, 'build', 'handler.js');
  if (!existsSync(file)) {
    log(`${name} is not built (${file}); run pnpm build`);
    return (_req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`${name} はビルドされていません。pnpm build を実行してください。`);
    };
  }
  const mod = (await import(pathToFileURL(file).href)) as { handler: NodeHandler };
  return mod.handler;
}

const { conn, seeded } = await openDatabase(env, { log });
const deps = depsFor(conn, env, internalToken);
const app = createApp(deps);
// Reminders and the notices' mail (docs/domain.md §12); every process runs it, the database decides who sends what.
const mailer = deps.mail ? smtpMailer(deps.mail) : null;
const scheduler = startScheduler({
  db: conn.db,
  now: deps.now,
  mail: deps.mail && mailer ? { config: deps.mail, mailer } : null,
  log,
});
const api = getRequestListener(app.fetch);
// The apps served below call the API in process, not over TCP (in-process.ts).
registerInProcessApi((request, bindings) => app.fetch(request, bindings));
const apps = { recruit: await loadApp('recruit'), review: await loadApp('review') };

const notFound = (res: ServerResponse) => () => {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found');
};

const underPrefix = (url: string, prefix: string) =>
  url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`);

// One origin for everything (docs/toolchain.md "Running"): /api, /recruit, /review; one session cookie serves
// all.
const server = createServer((req, res) => {
  const url = req.url ?? '/';
  if (underPrefix(url, '/api')) return void api(req, res);
  // The protocol and the visitor's address as the socket saw them, or as a proxy of TRUSTED_PROXIES forwarded them
  // (ORIGIN, when set, overrides the protocol in the apps). Always overwritten: a client cannot set them.
  const forwarded = (name: string, key: 'forwardedFor' | 'forwardedProto') => {
    const v = req.headers[name];
    const text = Array.isArray(v) ? v.join(',') : v;
    return text === undefined ? {} : { [key]: text };
  };
  const visitor = visitorOf(
    {
      peer: req.socket.remoteAddress,
      tls: 'encrypted' in req.socket && req.socket.encrypted === true,
      ...forwarded('x-forwarded-for', 'forwardedFor'),
      ...forwarded('x-forwarded-proto', 'forwardedProto'),
    },
    trustedProxies,
  );
  req.headers[PROTOCOL_HEADER] = visitor.protocol;
  req.headers[ADDRESS_HEADER] = visitor.address;
  if (underPrefix(url, '/recruit')) return apps.recruit(req, res, notFound(res));
  if (underPrefix(url, '/review')) return apps.review(req, res, notFound(res));
  if (url === '/' || url.startsWith('/?')) {
    res.writeHead(302, { location: '/review' });
    return void res.end();
  }
  notFound(res)();
});

// Hourly housekeeping, idempotent, so every API process may run it: ended sessions and sign-in counters that can no
// longer matter.
const sweep = setInterval(() => {
  const now = new Date();
  const quietSince = new Date(now.getTime() - SIGN_IN_MEMORY_MS).toISOString();
  void deleteExpiredSessions(conn.db, now.toISOString()).catch(() => {});
  void deleteStaleAttempts(conn.db, quietSince, now.toISOString()).catch(() => {});
}, 3_600_000);
sweep.unref();

server.listen(env.PORT, env.HOST, () => {
  const ms = Math.round(performance.now() - started);
  log(
    `http://localhost:${env.PORT}/ で起動しました（${conn.dialect}${seeded ? '、デモデータ登録済み' : ''}、${ms} ms）`,
  );
  log(`採用: /recruit, 評価・分析: /review, API: /api（リファレンス /api/docs）`);
  log(
    deps.mail
      ? `メール送信: 有効（${deps.mail.from}）`
      : 'メール送信: 無効（SMTP_URL と MAIL_FROM が未設定）',
  );
});

const shutdown = () => {
  server.close(
    () =>
      void scheduler
        .stop()
        .then(() => mailer?.close())
        .then(() => conn.close())
        .then(() => process.exit(0)),
  );
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
