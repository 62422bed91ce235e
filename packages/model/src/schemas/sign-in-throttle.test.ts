import { describe, expect, it } from 'vitest';
import {
  delayAfterFailures,
  failuresAfter,
  secondsToWait,
  SIGN_IN_THROTTLE,
  throttleAddress,
} from './sign-in-throttle.js';

describe('sign-in throttle rule', () => {
  const { pair, loginId } = SIGN_IN_THROTTLE;

  it('lets the first failures through, then doubles the wait up to the cap', () => {
    expect([1, 4].map((n) => delayAfterFailures(n, pair))).toEqual([0, 0]);
    expect([5, 6, 7, 8].map((n) => delayAfterFailures(n, pair))).toEqual([1000, 2000, 4000, 8000]);
    expect(delayAfterFailures(50, pair)).toBe(pair.maxDelayMs);
    expect(delayAfterFailures(10_000, loginId)).toBe(loginId.maxDelayMs);
  });

  it('keeps counting while failures keep coming and starts over after a quiet window', () => {
    expect(failuresAfter(undefined, 0, pair)).toBe(1);
    expect(failuresAfter({ failures: 7, lastFailureAt: 0 }, pair.windowMs - 1, pair)).toBe(8);
    expect(failuresAfter({ failures: 7, lastFailureAt: 0 }, pair.windowMs, pair)).toBe(1);
  });

  it('rounds the wait up to whole seconds', () => {
    expect(secondsToWait(1500, 0)).toBe(2);
    expect(secondsToWait(1000, 999)).toBe(1);
  });

  it('counts an IPv4 address as it is and an IPv6 address by its /64', () => {
    expect(throttleAddress('203.0.113.5')).toBe('203.0.113.5');
    expect(throttleAddress('unknown')).toBe('unknown');
    expect(throttleAddress('2001:db8:1:2::99')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:0DB8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttleAddress('::1')).toBe('0:0:0:0::/64');
  });
});
