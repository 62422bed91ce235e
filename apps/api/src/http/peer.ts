// Who is on the other end of a request: the client's address and protocol, believing X-Forwarded-For and
// X-Forwarded-Proto only from the proxies named in TRUSTED_PROXIES (and the apps' own server side).
import { timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.js';

/** The proxies whose forwarded headers are believed. */
export interface TrustedProxies {
  has(address: string): boolean;
}

/** No proxy is trusted (the default). */
export const NO_PROXIES: TrustedProxies = { has: () => false };

/** An address without the IPv4-mapped IPv6 prefix (`::ffff:192.0.2.1` → `192.0.2.1`), or undefined if not an IP. */
export function normaliseAddress(raw: string | undefined): string | undefined {
  const trimmed = raw?.trim().replace(/^\[(.*)\]$/, '$1');
  if (!trimmed) return undefined;
  const unmapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed)?.[1] ?? trimmed;
  return isIP(unmapped) ? unmapped : undefined;
}

/**
 * Parses TRUSTED_PROXIES: comma-separated IP addresses and CIDR ranges (IPv4 or IPv6). Throws on an entry that is
 * neither, naming it.
 */
export function parseTrustedProxies(text: string | undefined): TrustedProxies {
  const entries = (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return NO_PROXIES;
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits, ...rest] = entry.split('/');
    const ip = normaliseAddress(address);
    const family = ip ? isIP(ip) : 0;
    const prefix = bits === undefined ? undefined : Number(bits);
    const max = family === 6 ? 128 : 32;
    if (
      !ip ||
      rest.length > 0 ||
      (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= max))
    ) {
      throw new Error(`not an IP address or CIDR range: "${entry}"`);
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(ip, type);
    else list.addSubnet(ip, prefix, type);
  }
  return {
    has: (raw) => {
      const ip = normaliseAddress(raw);
      return ip !== undefined && list.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');
    },
  };
}

/**
 * The client's address: the direct peer, unless the peer is a trusted proxy; then X-Forwarded-For is read from the
 * right (each proxy appends the address it saw) and the first address that is not a trusted proxy is the client.
 * Addresses left of it were written by the client itself and could be anything.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trusted: TrustedProxies,
): string | undefined {
  let client = normaliseAddress(peer);
  if (!client || !trusted.has(client) || !forwardedFor) return client;
  const hops = forwardedFor.split(',').reverse();
  for (const hop of hops) {
    const address = normaliseAddress(hop);
    if (!address) return client; // garbage: stop at the last address a trusted proxy vouched for
    client = address;
    if (!trusted.has(address)) return client;
  }
  return client;
}

/** The protocol a trusted proxy says the client used (its X-Forwarded-Proto, the right-most value), if any. */
export function forwardedProtocol(
  peer: string | undefined,
  forwardedProto: string | undefined,
  trusted: TrustedProxies,
): 'http' | 'https' | undefined {
  const address = normaliseAddress(peer);
  if (!address || !trusted.has(address) || !forwardedProto) return undefined;
  const last = forwardedProto.split(',').pop()?.trim().toLowerCase();
  return last === 'https' || last === 'http' ? last : undefined;
}

/**
 * The visitor of a request that main.ts hands to the apps: the protocol (TLS on the socket, else a trusted proxy's
 * X-Forwarded-Proto, else http) and the address (see `clientAddress`; empty when unknown).
 */
export function visitorOf(
  request: { peer: string | undefined; tls: boolean; forwardedFor?: string; forwardedProto?: string },
  trusted: TrustedProxies,
): { protocol: 'http' | 'https'; address: string } {
  const protocol = request.tls
    ? 'https'
    : (forwardedProtocol(request.peer, request.forwardedProto, trusted) ?? 'http');
  return { protocol, address: clientAddress(request.peer, request.forwardedFor, trusted) ?? '' };
}

/** The header through which the apps' server side passes the visitor's address on to the API, with a token. */
export const INTERNAL_TOKEN_HEADER = 'x-jinzai-internal';

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const peerOf = (c: Context<AppEnv>) =>
  (c.env as { incoming?: { socket?: { remoteAddress?: string; encrypted?: boolean } } } | undefined)?.incoming
    ?.socket;

/**
 * The address a request comes from, for throttling. The apps' server side (which proves itself with the process's
 * internal token) passes on the visitor's address, already worked out from the trusted proxies; anyone else is
 * read through `clientAddress`.
 */
export function clientIp(c: Context<AppEnv>): string {
  const { trustedProxies = NO_PROXIES, internalToken } = c.var.deps;
  const forwarded = c.req.header('x-forwarded-for');
  const token = c.req.header(INTERNAL_TOKEN_HEADER);
  if (internalToken && token && sameToken(token, internalToken)) {
    const visitor = normaliseAddress(forwarded?.split(',').pop());
    if (visitor) return visitor;
  }
  return clientAddress(peerOf(c)?.remoteAddress, forwarded, trustedProxies) ?? 'unknown';
}

/** Whether the client reached us over https: the public ORIGIN says so, a trusted proxy says so, or the socket is TLS. */
export function isHttps(c: Context<AppEnv>): boolean {
  const { trustedProxies = NO_PROXIES, origin } = c.var.deps;
  if (origin) return origin.startsWith('https:');
  const socket = peerOf(c);
  if (socket?.encrypted) return true;
  const proto = forwardedProtocol(socket?.remoteAddress, c.req.header('x-forwarded-proto'), trustedProxies);
  if (proto) return proto === 'https';
  return new URL(c.req.url).protocol === 'https:';
}
