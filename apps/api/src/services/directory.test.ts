// Directory sign-in against a real OpenLDAP (src/testing/slapd.ts): no mocks, so the filter, bind and TLS behaviour
// is the server's, not an assumption about it.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlapd, type Slapd } from '../testing/slapd.js';
import { checkDirectoryPassword, directoryConfigFromEnv, type DirectoryConfig } from './directory.js';

const USERS = [
  { uid: 'tanaka', password: 'tanaka-pass-1', cn: '田中 一郎', employeeNumber: '100234' },
  { uid: 'suzuki', password: 'suzuki-pass-2', cn: 'Suzuki Hanako' },
  // Two entries share a cn: a sign-in by cn must not pick one of them.
  { uid: 'sato1', password: 'sato-pass', cn: 'Sato Ken', employeeNumber: '200001' },
  { uid: 'sato2', password: 'sato-pass', cn: 'Sato Ken', employeeNumber: '200002' },
];

const configFor = (server: Slapd, overrides: Partial<DirectoryConfig> = {}): DirectoryConfig => ({
  url: server.url,
  baseDn: server.baseDn,
  bindDn: server.bindDn,
  bindPassword: server.bindPassword,
  staffNoAttribute: 'employeeNumber',
  loginAttribute: 'uid',
  startTls: false,
  caFile: null,
  timeoutMs: 3000,
  ...overrides,
});

describe('checkDirectoryPassword over ldap://', () => {
  let server: Slapd;
  let config: DirectoryConfig;
  beforeAll(async () => {
    server = await startSlapd({ users: USERS });
    config = configFor(server);
  });
  afterAll(() => server?.stop());

  it('signs in with the right password and reads the staff number and name', async () => {
    expect(await checkDirectoryPassword(config, 'tanaka', 'tanaka-pass-1')).toEqual({
      kind: 'ok',
      dn: 'uid=tanaka,ou=people,dc=jinzai,dc=test',
      staffNo: '100234',
      displayName: '田中 一郎',
    });
  });

  it('matches attribute names case-insensitively', async () => {
    const result = await checkDirectoryPassword(
      { ...config, staffNoAttribute: 'EMPLOYEENUMBER' },
      'tanaka',
      'tanaka-pass-1',
    );
    expect(result).toMatchObject({ kind: 'ok', staffNo: '100234' });
  });

  it('gives a null staff number to a user without one', async () => {
    expect(await checkDirectoryPassword(config, 'suzuki', 'suzuki-pass-2')).toEqual({
      kind: 'ok',
      dn: 'uid=suzuki,ou=people,dc=jinzai,dc=test',
      staffNo: null,
      displayName: 'Suzuki Hanako',
    });
  });

  it('rejects a wrong password', async () => {
    expect(await checkDirectoryPassword(config, 'tanaka', 'tanaka-pass-2')).toEqual({
      kind: 'wrong-password',
    });
    // Another user's password is just as wrong.
    expect(await checkDirectoryPassword(config, 'tanaka', 'suzuki-pass-2')).toEqual({
      kind: 'wrong-password',
    });
  });

  it('rejects an empty password without the unauthenticated bind succeeding', async () => {
    expect(await checkDirectoryPassword(config, 'tanaka', '')).toEqual({ kind: 'wrong-password' });
  });

  it('reports an unknown user', async () => {
    expect(await checkDirectoryPassword(config, 'nobody', 'whatever')).toEqual({ kind: 'unknown-user' });
    expect(await checkDirectoryPassword(config, '', 'whatever')).toEqual({ kind: 'unknown-user' });
  });

  it('takes filter syntax in a login id literally', async () => {
    for (const loginId of ['*', 'tan*', ')(uid=*', 'tanaka)(uid=*', '*)(|(uid=*', 'tanaka)(|(objectClass=*)'])
      expect(await checkDirectoryPassword(config, loginId, 'tanaka-pass-1'), loginId).toEqual({
        kind: 'unknown-user',
      });
  });

  it('treats a login id matching two entries as unknown', async () => {
    const byCn = { ...config, loginAttribute: 'cn' };
    expect(await checkDirectoryPassword(byCn, 'Sato Ken', 'sato-pass')).toEqual({ kind: 'unknown-user' });
    expect(await checkDirectoryPassword(byCn, 'Suzuki Hanako', 'suzuki-pass-2')).toMatchObject({
      kind: 'ok',
    });
  });

  it('is unavailable when the service account password is wrong, without echoing it', async () => {
    const result = await checkDirectoryPassword(
      { ...config, bindPassword: 'not-the-bind-secret' },
      'tanaka',
      'tanaka-pass-1',
    );
    expect(result).toMatchObject({
      kind: 'unavailable',
      message: expect.stringMatching(/service account.*InvalidCredentials/),
    });
    expect(JSON.stringify(result)).not.toMatch(/not-the-bind-secret|tanaka-pass-1/);
  });

  it('is unavailable when the CA file cannot be read', async () => {
    const result = await checkDirectoryPassword(
      { ...config, url: server.url.replace('ldap:', 'ldaps:'), caFile: '/nonexistent/ca.pem' },
      'tanaka',
      'tanaka-pass-1',
    );
    expect(result).toMatchObject({ kind: 'unavailable', message: expect.stringMatching(/CA file/) });
  });

  it('does not let anonymous clients search (the ACLs of the fixture)', async () => {
    const { Client } = await import('ldapts');
    const client = new Client({ url: server.url, timeout: 2000 });
    try {
      const { searchEntries } = await client.search(server.baseDn, { scope: 'sub', filter: '(uid=*)' });
      expect(searchEntries).toEqual([]);
    } catch (err) {
      // OpenLDAP answers noSuchObject for a base the client may not see.
      expect(String(err)).toMatch(/NoSuchObject/);
    } finally {
      await client.unbind();
    }
  });
});

describe('checkDirectoryPassword over TLS', () => {
  let server: Slapd;
  let config: DirectoryConfig;
  let caFile: string;
  let ldapsUrl: string;
  beforeAll(async () => {
    server = await startSlapd({ users: USERS, tls: true });
    if (!server.caFile || !server.ldapsUrl)
      throw new Error('startSlapd({ tls: true }) returned no ldaps URL or CA');
    caFile = server.caFile;
    ldapsUrl = server.ldapsUrl;
    config = configFor(server);
  });
  afterAll(() => server?.stop());

  it('signs in over ldap:// with StartTLS and the CA', async () => {
    expect(
      await checkDirectoryPassword({ ...config, startTls: true, caFile }, 'tanaka', 'tanaka-pass-1'),
    ).toMatchObject({ kind: 'ok', staffNo: '100234' });
    expect(
      await checkDirectoryPassword({ ...config, startTls: true, caFile }, 'tanaka', 'tanaka-pass-2'),
    ).toEqual({ kind: 'wrong-password' });
  });

  it('signs in over ldaps:// with the CA', async () => {
    expect(
      await checkDirectoryPassword({ ...config, url: ldapsUrl, caFile }, 'tanaka', 'tanaka-pass-1'),
    ).toMatchObject({ kind: 'ok', staffNo: '100234' });
  });

  it('is unavailable over ldaps:// when the server certificate is not trusted', async () => {
    const result = await checkDirectoryPassword({ ...config, url: ldapsUrl }, 'tanaka', 'tanaka-pass-1');
    expect(result).toMatchObject({ kind: 'unavailable', message: expect.stringMatching(/certificate/i) });
  });

  it('is unavailable with StartTLS when the server certificate is not trusted', async () => {
    const result = await checkDirectoryPassword({ ...config, startTls: true }, 'tanaka', 'tanaka-pass-1');
    expect(result).toMatchObject({ kind: 'unavailable', message: expect.stringMatching(/StartTLS/) });
  });

  it('is unavailable when the certificate does not name the host', async () => {
    // The certificate names 127.0.0.1 and localhost; the host name 127.1 resolves to the same address.
    const result = await checkDirectoryPassword(
      { ...config, url: ldapsUrl.replace('127.0.0.1', '127.1'), caFile },
      'tanaka',
      'tanaka-pass-1',
    );
    expect(result).toMatchObject({ kind: 'unavailable', message: expect.stringMatching(/ALTNAME/) });
    const startTls = { ...config, url: server.url.replace('127.0.0.1', '127.1'), startTls: true, caFile };
    expect(await checkDirectoryPassword(startTls, 'tanaka', 'tanaka-pass-1')).toMatchObject({
      kind: 'unavailable',
      message: expect.stringMatching(/StartTLS.*ALTNAME/),
    });
  });
});

describe('checkDirectoryPassword without a server', () => {
  let config: DirectoryConfig;
  let hung: Server;
  let hungUrl: string;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    const server = await startSlapd({ users: USERS });
    config = configFor(server, { timeoutMs: 1000 });
    // A stopped server: its port now refuses connections.
    await server.stop();
    // A server that accepts connections and never answers.
    hung = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const address = hung.address();
    if (typeof address !== 'object' || !address) throw new Error('no address');
    hungUrl = `ldap://127.0.0.1:${address.port}/`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => hung?.close(resolve));
  });

  it('is unavailable when the server is down', async () => {
    const result = await checkDirectoryPassword(config, 'tanaka', 'tanaka-pass-1');
    expect(result).toMatchObject({ kind: 'unavailable', message: expect.stringMatching(/ECONNREFUSED/) });
  });

  it('is unavailable within the timeout when the server does not answer', async () => {
    // Without the deadline this would hang (and the test time out).
    for (const startTls of [false, true]) {
      const result = await checkDirectoryPassword(
        { ...config, url: hungUrl, startTls, timeoutMs: 300 },
        'tanaka',
        'tanaka-pass-1',
      );
      expect(result).toMatchObject({ kind: 'unavailable' });
    }
  });
});

describe('directoryConfigFromEnv', () => {
  const env = {
    LDAP_URL: 'ldap://ldap.example.jp',
    LDAP_BASE_DN: 'dc=example,dc=jp',
    LDAP_BIND_DN: 'cn=jinzai,ou=services,dc=example,dc=jp',
    LDAP_BIND_PASSWORD: ' secret with spaces ',
  };

  it('is null when LDAP_URL is unset', () => {
    expect(directoryConfigFromEnv({})).toBeNull();
    expect(directoryConfigFromEnv({ ...env, LDAP_URL: '' })).toBeNull();
  });

  it('applies the defaults', () => {
    expect(directoryConfigFromEnv(env)).toEqual({
      url: 'ldap://ldap.example.jp',
      baseDn: 'dc=example,dc=jp',
      bindDn: 'cn=jinzai,ou=services,dc=example,dc=jp',
      bindPassword: ' secret with spaces ',
      staffNoAttribute: 'employeeNumber',
      loginAttribute: 'uid',
      startTls: false,
      caFile: null,
      timeoutMs: 5000,
    });
  });

  it('reads every setting', () => {
    expect(
      directoryConfigFromEnv({
        ...env,
        LDAP_STAFF_NO_ATTRIBUTE: 'employeeID',
        LDAP_LOGIN_ATTRIBUTE: 'sAMAccountName',
        LDAP_STARTTLS: 'true',
        LDAP_CA_FILE: '/etc/ssl/ldap-ca.pem',
        LDAP_TIMEOUT_MS: '2500',
      }),
    ).toMatchObject({
      staffNoAttribute: 'employeeID',
      loginAttribute: 'sAMAccountName',
      startTls: true,
      caFile: '/etc/ssl/ldap-ca.pem',
      timeoutMs: 2500,
    });
    expect(directoryConfigFromEnv({ ...env, LDAP_STARTTLS: '1' })?.startTls).toBe(true);
    expect(directoryConfigFromEnv({ ...env, LDAP_STARTTLS: '0' })?.startTls).toBe(false);
    expect(directoryConfigFromEnv({ ...env, LDAP_URL: 'ldaps://ldap.example.jp:636' })?.url).toBe(
      'ldaps://ldap.example.jp:636',
    );
  });

  it('names the missing variable', () => {
    for (const name of ['LDAP_BASE_DN', 'LDAP_BIND_DN', 'LDAP_BIND_PASSWORD'] as const) {
      expect(() => directoryConfigFromEnv({ ...env, [name]: undefined })).toThrow(name);
      expect(() => directoryConfigFromEnv({ ...env, [name]: '' })).toThrow(name);
    }
  });

  it('rejects other URL schemes and bad values', () => {
    expect(() => directoryConfigFromEnv({ ...env, LDAP_URL: 'http://ldap.example.jp' })).toThrow(/LDAP_URL/);
    expect(() => directoryConfigFromEnv({ ...env, LDAP_URL: 'ldap.example.jp' })).toThrow(/LDAP_URL/);
    expect(() => directoryConfigFromEnv({ ...env, LDAP_STARTTLS: 'yes' })).toThrow(/LDAP_STARTTLS/);
    expect(() =>
      directoryConfigFromEnv({ ...env, LDAP_URL: 'ldaps://ldap.example.jp', LDAP_STARTTLS: '1' }),
    ).toThrow(/LDAP_STARTTLS/);
    for (const value of ['0', '-5', 'soon', '1.5'])
      expect(() => directoryConfigFromEnv({ ...env, LDAP_TIMEOUT_MS: value })).toThrow(/LDAP_TIMEOUT_MS/);
  });
});
