// How failed sign-ins slow down further attempts (docs/interfaces.md "Start, sign-in, demo"): growing delays, never a lock.

/** One counter's rule: free failures inside a quiet window, then a doubling delay up to a cap. */
export interface DelayRule {
  /** Failures allowed before attempts must wait. */
  freeFailures: number;
  /** The count starts over after this long without a failure. */
  windowMs: number;
  /** The longest wait between two attempts. */
  maxDelayMs: number;
}

/**
 * The counters of sign-in failures: per login id and address together (one person's typos), per login id from any
 * address (an attacker rotating addresses), per address for any login id (high enough for an office NAT).
 */
export interface SignInThrottle {
  pair: DelayRule;
  loginId: DelayRule;
  address: DelayRule;
}

export const SIGN_IN_THROTTLE: SignInThrottle = {
  pair: { freeFailures: 5, windowMs: 15 * 60_000, maxDelayMs: 5 * 60_000 },
  loginId: { freeFailures: 100, windowMs: 60 * 60_000, maxDelayMs: 60_000 },
  address: { freeFailures: 1000, windowMs: 60 * 60_000, maxDelayMs: 60_000 },
};

/** How long a counter without a new failure can still matter: after the longest window it starts over anyway. */
export const SIGN_IN_MEMORY_MS = Math.max(
  ...Object.values(SIGN_IN_THROTTLE).map((r: DelayRule) => r.windowMs),
);

/**
 * How long the next attempt must wait after the `failures`-th failure of a window: nothing while failures are free,
 * then 1 s, 2 s, 4 s … (2^k seconds for the k-th failure past the free ones, counting from 0), at most the cap.
 */
export function delayAfterFailures(failures: number, rule: DelayRule): number {
  if (failures < rule.freeFailures) return 0;
  const k = Math.min(failures - rule.freeFailures, 30);
  return Math.min(1000 * 2 ** k, rule.maxDelayMs);
}

/** The count after one more failure at `now`: the window starts over after `windowMs` without a failure. */
export function failuresAfter(
  previous: { failures: number; lastFailureAt: number } | undefined,
  now: number,
  rule: DelayRule,
): number {
  if (!previous || now - previous.lastFailureAt >= rule.windowMs) return 1;
  return previous.failures + 1;
}

/** Whole seconds to wait until `notBefore` (at least 1 while it is in the future), for Retry-After. */
export function secondsToWait(notBefore: number, now: number): number {
  return Math.max(1, Math.ceil((notBefore - now) / 1000));
}

/**
 * The address under which failures are counted: an IPv4 address as it is, an IPv6 address by its /64 (one
 * household or office usually holds a whole /64, so rotating inside it must not make a new address).
 */
export function throttleAddress(ip: string): string {
  if (!ip.includes(':')) return ip;
  const [head = '', tail] = ip.toLowerCase().split('::');
  const groups = (part: string) =>
    part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : [];
  const h = groups(head);
  const t = tail === undefined ? [] : groups(tail);
  const all =
    tail === undefined ? h : [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
  const prefix = all.slice(0, 4).map((g) => (parseInt(g, 16) || 0).toString(16));
  return `${prefix.join(':')}::/64`;
}
