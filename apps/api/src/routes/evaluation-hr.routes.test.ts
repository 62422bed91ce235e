import { listAudit } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPeriodWithSheets, PEOPLE, seedWard } from '../testing/evaluation-fixture.js';
import { createHarness, csv, expectError, json, type Harness } from '../testing/harness.js';

describe.each(testDialects())('evaluation HR views and I・メッセージ on %s', (dialect) => {
  let h: Harness;
  let hr: string;
  let staff1: string;
  let eval1: string;
  let periodId: number;
  let sheetId: number;
  beforeEach(async () => {
    h = await createHarness(dialect);
    await seedWard(h);
    hr = await h.login('hr');
    staff1 = await h.login('staff1');
    eval1 = await h.login('eval1');
    ({ periodId, sheetId } = await openPeriodWithSheets(h, hr));
  });
  afterEach(async () => h.dispose());

  it('sets evaluators in bulk by CSV, all or nothing', async () => {
    const ok = await h.request(
      `/api/review/periods/${periodId}/assignments`,
      csv(`staff_no,first_evaluator,second_evaluator\n${PEOPLE.shuji},${PEOPLE.kacho2},\n`, hr),
    );
    expect(await ok.json()).toEqual({ rows: 1, created: 0, updated: 1 });
    const sheet = await h.db.db
      .selectFrom('review_sheets')
      .selectAll()
      .where('id', '=', sheetId)
      .executeTakeFirstOrThrow();
    expect([sheet.first_staff_no, sheet.second_staff_no]).toEqual([PEOPLE.kacho2, null]);
    const bad = await h.request(
      `/api/review/periods/${periodId}/assignments`,
      csv(
        `staff_no,first_evaluator,second_evaluator\n${PEOPLE.shunin},${PEOPLE.kacho},${PEOPLE.bucho}\n${PEOPLE.shuji},999999,\n`,
        hr,
      ),
    );
    const err = await expectError(bad, 400);
    expect(err.details).toEqual([expect.objectContaining({ row: 3, column: 'first_evaluator' })]);
    const after = await h.db.db
      .selectFrom('review_sheets')
      .selectAll()
      .where('id', '=', sheetId)
      .executeTakeFirstOrThrow();
    expect(after.first_staff_no).toBe(PEOPLE.kacho2);
    await expectError(
      await h.request(`/api/review/periods/${periodId}/assignments`, csv('staff_no\n1\n', hr)),
      400,
    );
    await expectError(await h.request(`/api/review/periods/${periodId}/assignments`, csv('x', eval1)), 403);
  });

  it('changes one sheet’s evaluators', async () => {
    const res = await h.request(
      `/api/review/sheets/${sheetId}/assignment`,
      json({ firstStaffNo: PEOPLE.kacho2, secondStaffNo: PEOPLE.bucho }, 'PUT', hr),
    );
    expect(res.status).toBe(200);
    await expectError(
      await h.request(
        `/api/review/sheets/${sheetId}/assignment`,
        json({ firstStaffNo: PEOPLE.shuji, secondStaffNo: null }, 'PUT', hr),
      ),
      400,
    );
    await expectError(
      await h.request(
        `/api/review/sheets/${sheetId}/assignment`,
        json({ firstStaffNo: null, secondStaffNo: null }, 'PUT', eval1),
      ),
      403,
    );
  });

  it('refuses the same person as first and second evaluator of one sheet, as the bulk import does', async () => {
    const same = { firstStaffNo: PEOPLE.kacho2, secondStaffNo: PEOPLE.kacho2 };
    const err = await expectError(
      await h.request(`/api/review/sheets/${sheetId}/assignment`, json(same, 'PUT', hr)),
      400,
    );
    expect(err.message).toBe('一次評価者と二次評価者が同じです');
    const bulk = await h.request(
      `/api/review/periods/${periodId}/assignments`,
      csv(
        `staff_no,first_evaluator,second_evaluator\n${PEOPLE.shuji},${PEOPLE.kacho2},${PEOPLE.kacho2}\n`,
        hr,
      ),
    );
    expect((await expectError(bulk, 400)).details).toEqual([
      expect.objectContaining({ row: 2, column: 'second_evaluator', message: err.message }),
    ]);
    const sheet = await h.db.db
      .selectFrom('review_sheets')
      .selectAll()
      .where('id', '=', sheetId)
      .executeTakeFirstOrThrow();
    expect(sheet.second_staff_no).not.toBe(PEOPLE.kacho2);
  });

  it('shows progress, analytics and exports to HR only', async () => {
    const p = await h.request(`/api/review/periods/${periodId}/progress`, { cookie: hr });
    const progress = (await p.json()) as { units: { unitCode: string; counts: Record<string, number> }[] };
    expect(progress.units).toEqual([expect.objectContaining({ unitCode: '10', n: 5 })]);
    await h.request(
      `/api/review/periods/${periodId}/results`,
      csv(`staff_no,overall\n${PEOPLE.shuji},A\n${PEOPLE.shunin},B\n`, hr),
    );
    const a = await h.request('/api/review/analytics?fiscalYear=2026', { cookie: hr });
    const body = (await a.json()) as {
      overall: { n: number; counts: Record<string, number> };
      byUnit: unknown[];
      trend: unknown[];
    };
    expect(body.overall).toMatchObject({ n: 2, counts: { S: 0, A: 1, B: 1, C: 0, D: 0 } });
    expect(body.trend).toHaveLength(5);
    await expectError(await h.request('/api/review/analytics?fiscalYear=x', { cookie: hr }), 400);
    await expectError(await h.request('/api/review/analytics?fiscalYear=2026', { cookie: eval1 }), 403);
    const x = await h.request(`/api/review/periods/${periodId}/export?format=csv`, { cookie: hr });
    expect(x.headers.get('content-type')).toContain('text/csv');
    expect(await x.text()).toContain(PEOPLE.shuji);
    const xl = await h.request(`/api/review/periods/${periodId}/export`, { cookie: hr });
    expect(new Uint8Array(await xl.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    expect((await listAudit(h.db.db, { entity: 'review_sheets' }))[0]).toMatchObject({ action: 'export' });
    await expectError(await h.request(`/api/review/periods/999/progress`, { cookie: hr }), 404);
  });

  it('delivers I・メッセージ to the recipient; HR sees counts only', async () => {
    const sent = await h.request(
      '/api/review/messages',
      json(
        { recipientStaffNo: PEOPLE.shuji, strength: '傾聴', body: '窓口で丁寧に話を聞いていました' },
        'POST',
        eval1,
      ),
    );
    expect(sent.status).toBe(201);
    const mine = (await (await h.request('/api/review/messages', { cookie: staff1 })).json()) as {
      received: { body: string; senderName: string }[];
    };
    expect(mine.received).toEqual([
      expect.objectContaining({ body: '窓口で丁寧に話を聞いていました', senderName: 'eval1' }),
    ]);
    const hrView = (await (await h.request('/api/review/messages', { cookie: hr })).json()) as {
      received: unknown[];
    };
    expect(hrView.received).toEqual([]);
    const counts = await h.request('/api/review/messages/counts', { cookie: hr });
    expect(await counts.json()).toEqual({
      units: [{ unitCode: '10', unitName: '総務部', count: 1 }],
      total: 1,
    });
    await expectError(await h.request('/api/review/messages/counts', { cookie: staff1 }), 403);
    await expectError(
      await h.request(
        '/api/review/messages',
        json({ recipientStaffNo: PEOPLE.shuji, strength: 'x', body: 'y' }, 'POST', staff1),
      ),
      400,
    );
    await expectError(
      await h.request(
        '/api/review/messages',
        json({ recipientStaffNo: '1', strength: '', body: 'y' }, 'POST', staff1),
      ),
      400,
    );
    await expectError(
      await h.request('/api/review/messages', json({ recipientStaffNo: '1', strength: 'a', body: 'y' })),
      401,
    );
    const found = (await (await h.request('/api/review/colleagues?q=主事', { cookie: staff1 })).json()) as {
      staff: { staffNo: string }[];
    };
    expect(found.staff.map((s) => s.staffNo)).toEqual([PEOPLE.shuji]);
  });
});
