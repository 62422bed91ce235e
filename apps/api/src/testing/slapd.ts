// A real OpenLDAP server for the directory sign-in tests: a fresh cn=config and database in a temp directory, slapd in
// the foreground on free loopback ports, killed and removed by stop(). Tests fail (never skip) when slapd is missing.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'ldapts';

const SLAPD = '/usr/sbin/slapd';
const SLAPADD = '/usr/sbin/slapadd';
const MODULE_DIR = '/usr/lib/ldap';
const SCHEMA_DIR = '/etc/ldap/schema';

const BASE_DN = 'dc=jinzai,dc=test';
const ROOT_DN = `cn=admin,${BASE_DN}`;
const ROOT_PASSWORD = 'root-secret';
const BIND_DN = `cn=jinzai-bind,ou=services,${BASE_DN}`;
const BIND_PASSWORD = 'bind-secret';
const READY_TIMEOUT_MS = 10_000;

const run = promisify(execFile);

export interface SlapdUser {
  uid: string;
  password: string;
  cn: string;
  employeeNumber?: string;
}

export interface Slapd {
  /** ldap:// on 127.0.0.1 (StartTLS is offered there when tls is on). */
  url: string;
  ldapsUrl?: string;
  /** The PEM file of the CA that signed the server certificate. */
  caFile?: string;
  baseDn: string;
  /** The service account (not the rootdn), as the app would be configured. */
  bindDn: string;
  bindPassword: string;
  stop(): Promise<void>;
}

/** Starts slapd with the users under ou=people; with tls, also ldaps:// and StartTLS with a throwaway CA. */
export async function startSlapd(opts: { users: SlapdUser[]; tls?: boolean }): Promise<Slapd> {
  for (const bin of [SLAPD, SLAPADD]) {
    try {
      await access(bin, constants.X_OK);
    } catch {
      throw new Error(
        `${bin} not found: the directory tests need OpenLDAP (apt-get install slapd ldap-utils)`,
      );
    }
  }
  const dir = await mkdtemp(join(tmpdir(), 'jinzai-slapd-'));
  try {
    const configDir = join(dir, 'slapd.d');
    const dataDir = join(dir, 'data');
    await mkdir(configDir);
    await mkdir(dataDir);
    const tls = opts.tls ? await makeCertificates(dir) : undefined;
    await writeFile(join(dir, 'config.ldif'), configLdif(dir, dataDir, tls));
    await writeFile(join(dir, 'data.ldif'), dataLdif(opts.users));
    await run(SLAPADD, ['-n', '0', '-F', configDir, '-l', join(dir, 'config.ldif')]);
    await run(SLAPADD, ['-n', '1', '-F', configDir, '-l', join(dir, 'data.ldif')]);

    // A port picked free can be taken before slapd binds it: try a few times.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const tlsPort = tls ? await freePort() : undefined;
      const url = `ldap://127.0.0.1:${port}/`;
      const ldapsUrl = tlsPort ? `ldaps://127.0.0.1:${tlsPort}/` : undefined;
      const child = spawn(
        SLAPD,
        ['-d', '0', '-h', [url, ldapsUrl].filter(Boolean).join(' '), '-F', configDir],
        {
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      try {
        await waitReady(child, url);
      } catch (err) {
        await kill(child);
        if (attempt < 3 && err instanceof SlapdExited) continue;
        throw err;
      }
      // Never leave a slapd behind when the test process ends without stop().
      const onExit = () => child.kill('SIGKILL');
      process.on('exit', onExit);
      let stopped: Promise<void> | undefined;
      const stop = () =>
        (stopped ??= (async () => {
          process.off('exit', onExit);
          await kill(child);
          await rm(dir, { recursive: true, force: true });
        })());
      return {
        url,
        ...(ldapsUrl && tls ? { ldapsUrl, caFile: tls.caFile } : {}),
        baseDn: BASE_DN,
        bindDn: BIND_DN,
        bindPassword: BIND_PASSWORD,
        stop,
      };
    }
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

class SlapdExited extends Error {}

/** Polls until the service account can bind; rejects with slapd's stderr when it exits first. */
async function waitReady(child: ChildProcess, url: string): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (exited !== undefined) throw new SlapdExited(`slapd exited with ${exited} on start: ${stderr.trim()}`);
    const client = new Client({ url, timeout: 1000, connectTimeout: 1000 });
    try {
      await client.bind(BIND_DN, BIND_PASSWORD);
      return;
    } catch (err) {
      if (Date.now() > deadline)
        throw new Error(
          `slapd did not answer on ${url} within ${READY_TIMEOUT_MS} ms: ${String(err)} ${stderr}`,
        );
    } finally {
      await client.unbind().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** SIGTERM, then SIGKILL if slapd has not exited within 5 s. */
async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

interface TlsFiles {
  caFile: string;
  certFile: string;
  keyFile: string;
}

/** A throwaway CA and a server certificate for 127.0.0.1 and localhost (EC keys: quick to generate). */
async function makeCertificates(dir: string): Promise<TlsFiles> {
  // Run in dir with relative names, so that each command is one readable line with no spaces inside an argument.
  const openssl = (args: string) => run('openssl', args.split(' '), { cwd: dir });
  const key = '-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes';
  await openssl(
    `req -x509 ${key} -keyout ca.key -out ca.pem -days 2 -subj /CN=jinzai-test-CA` +
      ' -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign',
  );
  await openssl(`req ${key} -keyout server.key -out server.csr -subj /CN=localhost`);
  await writeFile(
    join(dir, 'server.ext'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n' +
      'keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n',
  );
  await openssl(
    'x509 -req -in server.csr -CA ca.pem -CAkey ca.key -set_serial 2 -days 2 -extfile server.ext -out server.pem',
  );
  return { caFile: join(dir, 'ca.pem'), certFile: join(dir, 'server.pem'), keyFile: join(dir, 'server.key') };
}

/**
 * cn=config: back_mdb, the schemas inetOrgPerson needs, and ACLs where anonymous may only bind (auth on
 * userPassword), the service account reads everything, and nobody else reads anything (the rootdn bypasses ACLs).
 */
function configLdif(dir: string, dataDir: string, tls: TlsFiles | undefined): string {
  const schemas = ['core', 'cosine', 'nis', 'inetorgperson'];
  return [
    entry('cn=config', [
      ['objectClass', 'olcGlobal'],
      ['cn', 'config'],
      ['olcPidFile', join(dir, 'slapd.pid')],
      ['olcArgsFile', join(dir, 'slapd.args')],
      ...(tls
        ? ([
            ['olcTLSCACertificateFile', tls.caFile],
            ['olcTLSCertificateFile', tls.certFile],
            ['olcTLSCertificateKeyFile', tls.keyFile],
          ] as const)
        : []),
    ]),
    entry('cn=module{0},cn=config', [
      ['objectClass', 'olcModuleList'],
      ['cn', 'module{0}'],
      ['olcModulePath', MODULE_DIR],
      ['olcModuleLoad', 'back_mdb'],
    ]),
    entry('cn=schema,cn=config', [
      ['objectClass', 'olcSchemaConfig'],
      ['cn', 'schema'],
    ]),
    ...schemas.map((name) => `include: file://${SCHEMA_DIR}/${name}.ldif\n`),
    entry('olcDatabase={-1}frontend,cn=config', [
      ['objectClass', 'olcDatabaseConfig'],
      ['objectClass', 'olcFrontendConfig'],
      ['olcDatabase', '{-1}frontend'],
      ['olcAccess', '{0}to * by * none'],
    ]),
    entry('olcDatabase={0}config,cn=config', [
      ['objectClass', 'olcDatabaseConfig'],
      ['olcDatabase', '{0}config'],
      ['olcAccess', '{0}to * by * none'],
    ]),
    entry('olcDatabase={1}mdb,cn=config', [
      ['objectClass', 'olcDatabaseConfig'],
      ['objectClass', 'olcMdbConfig'],
      ['olcDatabase', '{1}mdb'],
      ['olcDbDirectory', dataDir],
      ['olcDbMaxSize', '16777216'],
      ['olcSuffix', BASE_DN],
      ['olcRootDN', ROOT_DN],
      ['olcRootPW', ROOT_PASSWORD],
      ['olcDbIndex', 'objectClass eq'],
      ['olcDbIndex', 'uid eq'],
      ['olcAccess', `{0}to attrs=userPassword by dn.exact="${BIND_DN}" read by anonymous auth by * none`],
      ['olcAccess', `{1}to * by dn.exact="${BIND_DN}" read by * none`],
    ]),
  ].join('\n');
}

/** The suffix, ou=people with one inetOrgPerson per user, and the service account under ou=services. */
function dataLdif(users: SlapdUser[]): string {
  return [
    entry(BASE_DN, [
      ['objectClass', 'dcObject'],
      ['objectClass', 'organization'],
      ['dc', 'jinzai'],
      ['o', 'jinzai test'],
    ]),
    entry(`ou=people,${BASE_DN}`, [
      ['objectClass', 'organizationalUnit'],
      ['ou', 'people'],
    ]),
    entry(`ou=services,${BASE_DN}`, [
      ['objectClass', 'organizationalUnit'],
      ['ou', 'services'],
    ]),
    entry(BIND_DN, [
      ['objectClass', 'applicationProcess'],
      ['objectClass', 'simpleSecurityObject'],
      ['cn', 'jinzai-bind'],
      ['userPassword', BIND_PASSWORD],
    ]),
    ...users.map((u) =>
      entry(`uid=${escapeDnValue(u.uid)},ou=people,${BASE_DN}`, [
        ['objectClass', 'inetOrgPerson'],
        ['uid', u.uid],
        ['cn', u.cn],
        ['sn', u.cn],
        ['userPassword', u.password],
        ...(u.employeeNumber === undefined ? [] : ([['employeeNumber', u.employeeNumber]] as const)),
      ]),
    ),
  ].join('\n');
}

/** One LDIF record; every value base64-encoded so that no value needs LDIF escaping. */
function entry(dn: string, attrs: readonly (readonly [string, string])[]): string {
  const line = (name: string, value: string) =>
    `${name}:: ${Buffer.from(value, 'utf8').toString('base64')}\n`;
  return line('dn', dn) + attrs.map(([name, value]) => line(name, value)).join('');
}

/** RFC 4514 escaping of an attribute value inside a DN. */
function escapeDnValue(value: string): string {
  return value
    .replace(/[\\,+"<>;=]/g, (c) => `\\${c}`)
    .replace(/^[ #]/, (c) => `\\${c}`)
    .replace(/ $/, '\\ ');
}
