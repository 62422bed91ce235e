import { SIGN_IN_THROTTLE } from '@jinzai/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.js';
import { claimAttempt, deleteStaleAttempts, waitUntil } from './throttle.repository.js';

describe.each(testDialects())('sign-in counters on %s', (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(dialect);
  });
  afterEach(async () => t.dispose());

  const keys = async () =>
    (await t.db.selectFrom('login_attempts').select('key').orderBy('key').execute()).map((r) => r.key);

  it('forgets only the counters that are quiet and not waiting', async () => {
    const rule = SIGN_IN_THROTTLE.pair;
    const early = new Date('2026-12-01T09:00:00Z');
    const late = new Date('2026-12-01T11:00:00Z');
    await claimAttempt(t.db, 'quiet', early, rule);
    // Five free failures and a sixth that earns a wait: its wait is still running at `late + 1 s`.
    for (let i = 0; i < 6; i++) await claimAttempt(t.db, 'waiting', new Date(late.getTime() + i), rule);
    await claimAttempt(t.db, 'recent', late, rule);
    const now = new Date(late.getTime() + 1000);
    expect(await waitUntil(t.db, ['waiting'], now.toISOString())).toBeDefined();

    const removed = await deleteStaleAttempts(
      t.db,
      new Date(late.getTime() - 60 * 60_000).toISOString(),
      now.toISOString(),
    );
    expect(removed).toBe(1);
    expect(await keys()).toEqual(['recent', 'waiting']);
  });
});
