// Sign-in against an LDAP directory: the service account finds the user's entry by login id, then a bind as that
// entry checks the password. The password is only ever sent in a bind; it is never stored, logged or put in a message.
import { readFile } from 'node:fs/promises';
import type { ConnectionOptions } from 'node:tls';
import { Client, EqualityFilter, InvalidCredentialsError, ResultCodeError, type Entry } from 'ldapts';

export interface DirectoryConfig {
  /** ldap:// or ldaps:// (proto, host and port only). */
  url: string;
  baseDn: string;
  /** The service account that searches for users. */
  bindDn: string;
  bindPassword: string;
  /** The attribute holding the staff number, e.g. employeeNumber. */
  staffNoAttribute: string;
  /** The attribute the login id is matched against, e.g. uid or sAMAccountName. */
  loginAttribute: string;
  /** Upgrade an ldap:// connection with StartTLS before any bind. */
  startTls: boolean;
  /** PEM CA bundle to trust instead of the system CAs. */
  caFile: string | null;
  /** Bound on the whole check (and on each connect and operation). */
  timeoutMs: number;
}

export type DirectoryResult =
  | { kind: 'ok'; dn: string; staffNo: string | null; displayName: string | null }
  | { kind: 'wrong-password' }
  | { kind: 'unknown-user' }
  | { kind: 'unavailable'; message: string };

/** Thrown inside a check to end it as 'unavailable' with a message fit for the log. */
class Unavailable extends Error {}

/** Checks loginId/password against the directory. Never throws: every failure is a result. */
export async function checkDirectoryPassword(
  config: DirectoryConfig,
  loginId: string,
  password: string,
): Promise<DirectoryResult> {
  // A simple bind with an empty password is an unauthenticated bind, which servers answer with success.
  if (password === '') return { kind: 'wrong-password' };
  if (loginId === '') return { kind: 'unknown-user' };

  const clients: Client[] = [];
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const open = async (tlsOptions: ConnectionOptions | undefined): Promise<Client> => {
    // Checked right before the client joins the list, so none is created after the finally below closed them.
    if (closed) throw new Unavailable('check abandoned');
    const secure = config.url.toLowerCase().startsWith('ldaps:');
    // ldapts speaks TLS from the start whenever tlsOptions is given, so ldap:// gets them only at StartTLS.
    const client = new Client({
      url: config.url,
      timeout: config.timeoutMs,
      connectTimeout: config.timeoutMs,
      ...(secure && tlsOptions ? { tlsOptions } : {}),
    });
    clients.push(client);
    if (config.startTls) {
      try {
        await client.startTLS({ ...tlsOptions, host: hostOf(config.url) });
      } catch (err) {
        throw new Unavailable(`StartTLS failed: ${describe(err)}`);
      }
    }
    return client;
  };

  const check = async (): Promise<DirectoryResult> => {
    const tlsOptions = await tlsOptionsFor(config);
    const service = await open(tlsOptions);
    try {
      await service.bind(config.bindDn, config.bindPassword);
    } catch (err) {
      throw new Unavailable(
        err instanceof ResultCodeError
          ? `service account bind rejected: ${describe(err)}`
          : `cannot connect to the directory: ${describe(err)}`,
      );
    }
    let entries: Entry[];
    try {
      ({ searchEntries: entries } = await service.search(config.baseDn, {
        scope: 'sub',
        // A filter object, not a string: the login id goes over the wire as a value and cannot add filter syntax.
        filter: new EqualityFilter({ attribute: config.loginAttribute, value: loginId }),
        attributes: [config.staffNoAttribute, 'cn', 'displayName'],
        sizeLimit: 2,
      }));
    } catch (err) {
      throw new Unavailable(`user search failed: ${describe(err)}`);
    }
    const [found, ...others] = entries;
    // Two entries for one login id: signing in as either would be a guess.
    if (!found || others.length > 0) return { kind: 'unknown-user' };

    // A fresh connection for the user's bind: after StartTLS it is encrypted like the first one.
    const user = await open(tlsOptions);
    try {
      await user.bind(found.dn, password);
    } catch (err) {
      if (err instanceof InvalidCredentialsError) return { kind: 'wrong-password' };
      throw new Unavailable(
        err instanceof ResultCodeError
          ? `user bind rejected: ${describe(err)}`
          : `user bind failed: ${describe(err)}`,
      );
    }
    return {
      kind: 'ok',
      dn: found.dn,
      staffNo: firstValue(found, config.staffNoAttribute),
      displayName: firstValue(found, 'displayName') ?? firstValue(found, 'cn'),
    };
  };

  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Unavailable(`directory did not answer within ${config.timeoutMs} ms`)),
      config.timeoutMs,
    );
  });
  try {
    return await Promise.race([check(), deadline]);
  } catch (err) {
    return { kind: 'unavailable', message: err instanceof Unavailable ? err.message : describe(err) };
  } finally {
    clearTimeout(timer);
    closed = true;
    // unbind also destroys the socket, so a check cut short by the deadline stops waiting as well.
    await Promise.all(clients.map((c) => c.unbind().catch(() => undefined)));
  }
}

/** The CA from caFile when given; undefined means Node's default trust store. */
async function tlsOptionsFor(config: DirectoryConfig): Promise<ConnectionOptions | undefined> {
  if (!config.caFile) return undefined;
  try {
    return { ca: await readFile(config.caFile) };
  } catch (err) {
    throw new Unavailable(`cannot read the CA file ${config.caFile}: ${describe(err)}`);
  }
}

/** The URL's host, for the certificate check after StartTLS (the socket handed over carries no name). */
function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
}

/** An attribute's first value, matched case-insensitively as LDAP attribute names are. */
function firstValue(entry: Entry, attribute: string): string | null {
  const key = Object.keys(entry).find((k) => k.toLowerCase() === attribute.toLowerCase());
  const raw = key === undefined || key === 'dn' ? undefined : entry[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) return null;
  const text = Buffer.isBuffer(value) ? value.toString('utf8') : value;
  return text === '' ? null : text;
}

/** A one-line reason for the log: the error's code and first message line. */
function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err).slice(0, 200);
  // ldapts puts the server's diagnostic (often empty) before " Code: 0x..": the class name says more.
  if (err instanceof ResultCodeError) {
    const diagnostic = err.message.replace(/\s*Code: 0x[0-9a-f]+$/i, '').trim();
    return `${err.name} (result code ${err.code})${diagnostic ? `: ${diagnostic}` : ''}`.slice(0, 200);
  }
  const code = (err as { code?: unknown }).code;
  const line = err.message.split('\n')[0] ?? '';
  const text = typeof code === 'string' && !line.includes(code) ? `${code}: ${line}` : line || err.name;
  return text.slice(0, 200);
}

/**
 * The directory settings from the environment, or null when LDAP_URL is unset (directory sign-in off). A half
 * configuration throws at start-up rather than failing every sign-in later.
 */
export function directoryConfigFromEnv(
  env: Partial<Record<`LDAP_${string}`, string>>,
): DirectoryConfig | null {
  const get = (name: `LDAP_${string}`) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const url = get('LDAP_URL');
  if (url === undefined) return null;
  if (!/^ldaps?:\/\//i.test(url)) throw new Error(`LDAP_URL must start with ldap:// or ldaps://, got ${url}`);
  const required = (name: `LDAP_${string}`) => {
    const value = get(name);
    if (value === undefined) throw new Error(`${name} is required when LDAP_URL is set`);
    return value;
  };
  const baseDn = required('LDAP_BASE_DN');
  const bindDn = required('LDAP_BIND_DN');
  // Not trimmed: spaces may be part of a password.
  const bindPassword = env['LDAP_BIND_PASSWORD'];
  if (!bindPassword) throw new Error('LDAP_BIND_PASSWORD is required when LDAP_URL is set');

  const startTlsText = get('LDAP_STARTTLS')?.toLowerCase();
  // An unrecognised value must not silently mean "no TLS".
  if (startTlsText !== undefined && !['1', 'true', '0', 'false'].includes(startTlsText))
    throw new Error(`LDAP_STARTTLS must be 1, true, 0 or false, got ${startTlsText}`);
  const startTls = startTlsText === '1' || startTlsText === 'true';
  if (startTls && url.toLowerCase().startsWith('ldaps:'))
    throw new Error('LDAP_STARTTLS applies to ldap:// URLs; an ldaps:// URL is already encrypted');

  const timeoutText = get('LDAP_TIMEOUT_MS');
  const timeoutMs = timeoutText === undefined ? 5000 : Number(timeoutText);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
    throw new Error(`LDAP_TIMEOUT_MS must be a positive whole number of milliseconds, got ${timeoutText}`);

  return {
    url,
    baseDn,
    bindDn,
    bindPassword,
    staffNoAttribute: get('LDAP_STAFF_NO_ATTRIBUTE') ?? 'employeeNumber',
    loginAttribute: get('LDAP_LOGIN_ATTRIBUTE') ?? 'uid',
    startTls,
    caFile: get('LDAP_CA_FILE') ?? null,
    timeoutMs,
  };
}
