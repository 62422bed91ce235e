// The staff directory search and I・メッセージ sending: only staff who send messages (and HR) may, every search audited.
import { listAudit } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import type { Role } from '@jinzai/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PEOPLE, seedWard } from '../testing/evaluation-fixture.js';
import { createHarness, expectError, json, type Harness } from '../testing/harness.js';

const ALLOWED: Record<Role, boolean> = {
  hr: true,
  staff: true,
  evaluator: true,
  recruiter: false,
  interviewer: false,
};

describe.each(testDialects())('staff directory search and sending on %s', (dialect) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(dialect);
    await seedWard(h);
  });
  afterEach(async () => h.dispose());

  for (const [role, allowed] of Object.entries(ALLOWED) as [Role, boolean][]) {
    it(`${allowed ? 'lets' : 'refuses'} ${role} search colleagues and send`, async () => {
      const cookie = await h.login(role);
      const search = await h.request(`/api/review/colleagues?q=${encodeURIComponent('主事')}`, { cookie });
      const send = await h.request(
        '/api/review/messages',
        json({ recipientStaffNo: PEOPLE.shuji, strength: '傾聴', body: '丁寧でした' }, 'POST', cookie),
      );
      if (allowed) {
        expect(search.status).toBe(200);
        expect(((await search.json()) as { staff: unknown[] }).staff).toHaveLength(1);
        expect(send.status).toBe(201);
      } else {
        await expectError(search, 403);
        await expectError(send, 403);
      }
    });
  }

  it('audits every search: who, what and how many results', async () => {
    const staff1 = await h.login('staff1');
    await h.request(`/api/review/colleagues?q=${encodeURIComponent('課長')}`, { cookie: staff1 });
    await h.request(`/api/review/colleagues?q=${encodeURIComponent('該当なし')}`, { cookie: staff1 });
    const rows = await listAudit(h.db.db, { entity: 'staff_directory' });
    expect(rows.map((r) => ({ action: r.action, loginId: r.loginId, detail: r.detail }))).toEqual([
      { action: 'read', loginId: 'staff1', detail: { q: '該当なし', results: 0 } },
      { action: 'read', loginId: 'staff1', detail: { q: '課長', results: 2 } },
    ]);
  });
});
