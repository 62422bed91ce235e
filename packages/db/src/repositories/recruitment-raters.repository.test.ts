import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, testDialects, type TestDatabase } from '../test-support/databases.js';
import { pingDatabase } from './health.repository.js';
import { activeUsersByLogin, raterNamesById, raterNamesByLogin } from './recruitment-raters.repository.js';
import { createUser } from './users.repository.js';

const NOW = '2026-04-01T00:00:00.000Z';

describe.each(testDialects())('rater look-ups on %s', (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(dialect);
  });
  afterEach(async () => t.dispose());

  const user = (loginId: string, roles: ('interviewer' | 'recruiter' | 'staff')[]) =>
    createUser(
      t.db,
      { loginId, displayName: `${loginId}さん`, passwordHash: 'x', staffNo: null, roles },
      NOW,
    );

  it('finds active users by login with all their roles, and names by id or login', async () => {
    const a = await user('a', ['interviewer', 'recruiter']);
    const b = await user('b', ['staff']);
    await t.db.updateTable('users').set({ active: 0 }).where('id', '=', b.id).execute();
    const found = await activeUsersByLogin(t.db, ['a', 'b', 'nobody']);
    expect([...found.keys()]).toEqual(['a']);
    expect(found.get('a')?.id).toBe(a.id);
    expect(found.get('a')?.roles.sort()).toEqual(['interviewer', 'recruiter']);
    expect(await raterNamesById(t.db, [b.id, a.id, a.id, 9999])).toEqual([
      { id: a.id, loginId: 'a', displayName: 'aさん' },
      { id: b.id, loginId: 'b', displayName: 'bさん' },
    ]);
    expect(await raterNamesByLogin(t.db, ['b', 'x'])).toEqual([
      { id: b.id, loginId: 'b', displayName: 'bさん' },
    ]);
    expect(await raterNamesByLogin(t.db, [])).toEqual([]);
  });

  it('answers a ping', async () => {
    await expect(pingDatabase(t.db)).resolves.toBeUndefined();
  });
});
