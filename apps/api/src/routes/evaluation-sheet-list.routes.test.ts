// HR finds and acts on a period's sheets (docs/interfaces.md "Daily work"): the list with its filters and pages,
// and 確定, 開示 and 督促 of many sheets, each by the workflow's own rules, the sheets done in one transaction.
import { findSheet, getSheetHeader, listAudit, listHistory, listUsers, saveRatings } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import { gradeByCode, type SheetState } from '@jinzai/model';
import { describe, expect, it, onTestFinished } from 'vitest';
import { PEOPLE } from '../testing/evaluation-fixture.js';
import { createHarness, expectError, json, type Harness } from '../testing/harness.js';
import { seedStaff, staffRow } from '../testing/org-fixture.js';
import { sheetWorld } from '../testing/sheet-steps.js';
import { actOnSheets } from '../services/evaluation-sheet-bulk.service.js';

/** Someone of 経理課 whose staff number sorts first but whose unit sorts last but one. */
const SHINAGAWA = '000000';

describe.each(testDialects())('HR’s sheet list and bulk actions on %s', (dialect) => {
  /**
   * The small ward's open period, staff1's sheet walked to 調整 through the API; every other sheet put where a
   * test needs it. Returns the sheet ids by staff number and the harness, disposed when the test ends.
   */
  async function world() {
    const h = await createHarness(dialect);
    onTestFinished(() => h.dispose());
    const w = await sheetWorld(h);
    await w.toStage('adjust');
    await seedStaff(h, [
      staffRow({ staff_no: SHINAGAWA, name: '品川 太郎', name_kana: 'シナガワ タロウ', unit_code: '1020' }),
    ]);
    const again = await h.request(
      `/api/review/periods/${w.periodId}/assignments/defaults`,
      json({}, 'POST', w.c.hr),
    );
    expect(await again.json()).toEqual({ created: 1 });
    const id = async (staffNo: string) => {
      const s = await findSheet(h.db.db, w.periodId, staffNo);
      if (!s) throw new Error(`no sheet for ${staffNo}`);
      return s.id;
    };
    const ids = {
      bucho: await id(PEOPLE.bucho),
      kacho: await id(PEOPLE.kacho),
      shuji: w.sheetId,
      shunin: await id(PEOPLE.shunin),
      kacho2: await id(PEOPLE.kacho2),
      shinagawa: await id(SHINAGAWA),
    };
    /** Puts a sheet in a state directly (the test's setup, not a workflow step). */
    const place = (sheetId: number, state: SheetState) =>
      h.db.db.updateTable('review_sheets').set({ state }).where('id', '=', sheetId).execute();
    /** Rates every item of a sheet's final part (a complete adjustment). */
    const rateFinal = async (sheetId: number, grade: string) => {
      const items = gradeByCode(grade)?.competencies.map((c) => c.code) ?? [];
      await saveRatings(h.db.db, sheetId, 'final', [
        ...items.map((item) => ({ item, rating: 'B' as const })),
        { item: 'overall', rating: 'B' as const },
      ]);
    };
    return { h, w, ids, place, rateFinal, hr: w.c.hr };
  }
  const list = async (h: Harness, hr: string, periodId: number, query = '') => {
    const res = await h.request(`/api/review/periods/${periodId}/sheets${query ? `?${query}` : ''}`, {
      cookie: hr,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as {
      sheets: {
        id: number;
        staffNo: string;
        name: string;
        unitCode: string;
        state: string;
        firstEvaluator: { staffNo: string; name: string } | null;
        secondEvaluator: { staffNo: string; name: string } | null;
        waitingOn: { relation: string; staffNo: string | null } | null;
        updatedAt: string;
      }[];
      total: number;
    };
  };
  const nos = async (h: Harness, hr: string, periodId: number, query: string) =>
    (await list(h, hr, periodId, query)).sheets.map((s) => s.staffNo);

  it('lists a period’s sheets in unit then staff-number order, with evaluators and who must act', async () => {
    const { h, w, hr, ids } = await world();
    const page = await list(h, hr, w.periodId);
    expect(page.total).toBe(6);
    expect(page.sheets.map((s) => [s.unitCode, s.staffNo])).toEqual([
      ['10', PEOPLE.bucho],
      ['1010', PEOPLE.kacho],
      ['101010', PEOPLE.shuji],
      ['101010', PEOPLE.shunin],
      ['1020', SHINAGAWA],
      ['1020', PEOPLE.kacho2],
    ]);
    const shuji = page.sheets.find((s) => s.id === ids.shuji);
    expect(shuji).toMatchObject({
      name: '主事 翔太',
      state: 'adjust',
      firstEvaluator: { staffNo: PEOPLE.kacho, name: '課長 花子' },
      secondEvaluator: { staffNo: PEOPLE.bucho, name: '部長 一郎' },
      waitingOn: { relation: 'adjuster', staffNo: null },
    });
    expect(page.sheets[0]).toMatchObject({
      firstEvaluator: null,
      secondEvaluator: null,
      waitingOn: { relation: 'evaluatee', staffNo: PEOPLE.bucho },
    });
    expect(Date.parse(shuji?.updatedAt ?? '')).not.toBeNaN();
  });

  it('filters by state, by unit with the units under it, by number prefix or name or kana, and pages', async () => {
    const { h, w, hr, place, ids } = await world();
    await place(ids.kacho2, 'second');
    const p = w.periodId;
    expect(await nos(h, hr, p, 'state=adjust')).toEqual([PEOPLE.shuji]);
    expect(await nos(h, hr, p, 'state=second')).toEqual([PEOPLE.kacho2]);
    expect(await nos(h, hr, p, 'state=')).toHaveLength(6);
    expect(await nos(h, hr, p, 'unit=1010')).toEqual([PEOPLE.kacho, PEOPLE.shuji, PEOPLE.shunin]);
    expect(await nos(h, hr, p, 'unit=101010&state=goal-setting')).toEqual([PEOPLE.shunin]);
    expect(await nos(h, hr, p, 'unit=9999')).toEqual([]);
    expect(await nos(h, hr, p, `q=${encodeURIComponent('課長')}`)).toEqual([PEOPLE.kacho, PEOPLE.kacho2]);
    expect(await nos(h, hr, p, `q=${encodeURIComponent('０００００３')}`)).toEqual([PEOPLE.shuji]);
    expect(await nos(h, hr, p, 'q=00000')).toHaveLength(6);
    expect(await nos(h, hr, p, 'q=0003')).toEqual([]);
    expect(await nos(h, hr, p, `q=${encodeURIComponent('しながわ')}`)).toEqual([SHINAGAWA]);
    expect(await nos(h, hr, p, `q=${encodeURIComponent('ｼﾅｶﾞﾜ')}`)).toEqual([SHINAGAWA]);
    expect(await nos(h, hr, p, `q=${encodeURIComponent('太郎')}&unit=10`)).toEqual([SHINAGAWA]);
    expect(await nos(h, hr, p, `q=${encodeURIComponent('%')}`)).toEqual([]);
    const second = await list(h, hr, p, 'pageSize=4&page=2');
    expect(second.total).toBe(6);
    expect(second.sheets.map((s) => s.staffNo)).toEqual([SHINAGAWA, PEOPLE.kacho2]);
    expect((await list(h, hr, p, 'pageSize=4&page=3')).sheets).toEqual([]);
    // A search pages too, and a page past its end still says how many there are.
    const kacho = `q=${encodeURIComponent('課長')}`;
    expect(await list(h, hr, p, `${kacho}&pageSize=1&page=2`)).toMatchObject({
      total: 2,
      sheets: [{ staffNo: PEOPLE.kacho2 }],
    });
    expect(await list(h, hr, p, `${kacho}&pageSize=1&page=5`)).toEqual({ total: 2, sheets: [] });
    expect(await nos(h, hr, p, `${kacho}&state=second`)).toEqual([PEOPLE.kacho2]);
  });

  it('keeps to the period asked for, audits the read, and is for HR only', async () => {
    const { h, w, hr } = await world();
    const other = await h.request(
      '/api/review/periods',
      json({ fiscalYear: 2027, kind: 'fiscal' }, 'POST', hr),
    );
    const { id: otherId } = (await other.json()) as { id: number };
    expect((await list(h, hr, otherId)).total).toBe(0);
    await list(h, hr, w.periodId, 'state=adjust&q=0000');
    const [entry] = await listAudit(h.db.db, { entity: 'review_sheets', entityId: String(w.periodId) });
    expect(entry).toMatchObject({
      action: 'read',
      loginId: 'hr',
      detail: { search: { state: 'adjust', q: '0000' }, shown: 1, total: 1 },
    });
    const url = `/api/review/periods/${w.periodId}/sheets`;
    await expectError(await h.request(url), 401);
    await expectError(await h.request(url, { cookie: w.c.staff1 }), 403);
    await expectError(await h.request(url, { cookie: w.c.eval1 }), 403);
    await expectError(await h.request('/api/review/periods/999999/sheets', { cookie: hr }), 404);
    await expectError(await h.request('/api/review/periods/0x1/sheets', { cookie: hr }), 404);
    for (const bad of ['state=finished', 'page=0', 'pageSize=501', 'page=abc', `q=${'x'.repeat(101)}`]) {
      const e = await expectError(await h.request(`${url}?${bad}`, { cookie: hr }), 400);
      expect(e.code, bad).toBe('invalid_input');
    }
  });

  const act = (h: Harness, cookie: string, periodId: number, body: unknown) =>
    h.request(`/api/review/periods/${periodId}/sheets/actions`, json(body, 'POST', cookie));
  const result = async (res: Response) => {
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as {
      done: number[];
      skipped: { id: number; reason: string; message: string; state: string | null }[];
      recipients?: { sheetId: number; staffNo: string; relation: string }[];
      matched?: { total: number; states: { state: string; n: number }[] };
    };
  };

  it('confirms the sheets that may be confirmed and skips the others with the reason', async () => {
    const { h, w, hr, ids, place, rateFinal } = await world();
    await place(ids.kacho, 'adjust');
    await rateFinal(ids.kacho, 'kacho');
    await place(ids.shunin, 'adjust'); // no final ratings: incomplete
    await place(ids.kacho2, 'confirmed');
    const other = await h.request(
      '/api/review/periods',
      json({ fiscalYear: 2027, kind: 'fiscal' }, 'POST', hr),
    );
    const { id: otherId } = (await other.json()) as { id: number };
    await h.request(`/api/review/periods/${otherId}/assignments/defaults`, json({}, 'POST', hr));
    const foreign = (await findSheet(h.db.db, otherId, PEOPLE.shuji))?.id ?? 0;
    const before = await getSheetHeader(h.db.db, ids.shunin);
    const asked = [ids.shuji, ids.kacho2, ids.kacho, ids.shunin, ids.bucho, foreign, 999_999, ids.shuji];

    // A dry run says the same and writes nothing.
    const dry = await result(
      await act(h, hr, w.periodId, { action: 'confirm', sheetIds: asked, dryRun: true }),
    );
    expect((await getSheetHeader(h.db.db, ids.shuji))?.state).toBe('adjust');

    const out = await result(await act(h, hr, w.periodId, { action: 'confirm', sheetIds: asked }));
    expect(out.done).toEqual([ids.shuji, ids.kacho]);
    expect(out.skipped.map((s) => [s.id, s.reason, s.state])).toEqual([
      [ids.kacho2, 'invalid_state', 'confirmed'],
      [ids.shunin, 'incomplete', 'adjust'],
      [ids.bucho, 'invalid_state', 'goal-setting'],
      [foreign, 'not_found', null],
      [999_999, 'not_found', null],
    ]);
    expect(out.skipped[0]?.message).toBe('「確定」の段階では「確定」はできません');
    expect(out.skipped[1]?.message).toMatch(/^未評価の項目が\d+件あります/);
    expect(dry).toEqual(out);

    for (const id of out.done) {
      expect((await getSheetHeader(h.db.db, id))?.state).toBe('confirmed');
      expect((await listHistory(h.db.db, id)).at(-1)).toMatchObject({
        action: 'confirm',
        fromState: 'adjust',
        toState: 'confirmed',
        loginId: 'hr',
      });
      const [audit] = await listAudit(h.db.db, { entity: 'review_sheet', entityId: String(id) });
      expect(audit).toMatchObject({
        action: 'update',
        loginId: 'hr',
        before: { state: 'adjust', revision: 0 },
        after: { state: 'confirmed', revision: 0 },
        detail: { action: 'confirm' },
      });
    }
    const results = await h.db.db
      .selectFrom('review_results')
      .select(['staff_no', 'overall', 'source'])
      .where('period_id', '=', w.periodId)
      .orderBy('staff_no')
      .execute();
    expect(results).toEqual([
      { staff_no: PEOPLE.kacho, overall: 'B', source: 'sheet' },
      { staff_no: PEOPLE.shuji, overall: 'A', source: 'sheet' },
    ]);
    // A skipped sheet is left exactly as it was, audit included.
    expect(await getSheetHeader(h.db.db, ids.shunin)).toEqual(before);
    expect(await listAudit(h.db.db, { entity: 'review_sheet', entityId: String(ids.shunin) })).toEqual([]);
    const [summary] = await listAudit(h.db.db, { entity: 'review_sheets', entityId: String(w.periodId) });
    expect(summary).toMatchObject({
      action: 'update',
      detail: { bulk: 'confirm', dryRun: false, done: [ids.shuji, ids.kacho] },
    });
  });

  it('acts on every sheet the filters find, chosen on the server, with how many by step', async () => {
    const { h, w, hr, ids, place, rateFinal } = await world();
    await place(ids.kacho, 'adjust');
    await rateFinal(ids.kacho, 'kacho');
    await place(ids.shunin, 'adjust'); // no final ratings: incomplete
    await place(ids.kacho2, 'confirmed');
    const adjust = (await list(h, hr, w.periodId, 'state=adjust')).sheets.map((s) => s.id);
    expect(adjust).toHaveLength(3);

    const dry = await result(
      await act(h, hr, w.periodId, { action: 'confirm', matching: { state: 'adjust' }, dryRun: true }),
    );
    expect(dry.matched).toEqual({ total: 3, states: [{ state: 'adjust', n: 3 }] });
    expect([...dry.done, ...dry.skipped.map((s) => s.id)].sort()).toEqual([...adjust].sort());
    expect(dry.skipped.map((s) => [s.id, s.reason])).toEqual([[ids.shunin, 'incomplete']]);
    expect((await getSheetHeader(h.db.db, ids.shuji))?.state).toBe('adjust');

    // Every sheet of the period, whatever its step: the tally names each step, the action skips the others.
    const all = await result(await act(h, hr, w.periodId, { action: 'confirm', matching: {}, dryRun: true }));
    const everything = await list(h, hr, w.periodId, 'pageSize=500');
    expect(all.matched?.total).toBe(everything.total);
    expect(all.matched?.states).toContainEqual({ state: 'confirmed', n: 1 });
    expect(all.done.sort()).toEqual([...dry.done].sort());

    const out = await result(
      await act(h, hr, w.periodId, { action: 'confirm', matching: { state: 'adjust' } }),
    );
    expect(out.done.sort()).toEqual([ids.shuji, ids.kacho].sort());
    for (const id of out.done) expect((await getSheetHeader(h.db.db, id))?.state).toBe('confirmed');
    const [summary] = await listAudit(h.db.db, { entity: 'review_sheets', entityId: String(w.periodId) });
    expect(summary).toMatchObject({
      action: 'update',
      detail: { bulk: 'confirm', dryRun: false, matching: { state: 'adjust' } },
    });

    // The text search and the unit (with the units under it) narrow it as the list does.
    const q = await result(
      await act(h, hr, w.periodId, { action: 'disclose', matching: { q: 'シナガワ' }, dryRun: true }),
    );
    expect(q.matched?.total).toBe(1);
    expect(q.skipped.map((s) => s.id)).toEqual([ids.shinagawa]);
    const unit = await result(
      await act(h, hr, w.periodId, { action: 'disclose', matching: { unit: '9999' }, dryRun: true }),
    );
    expect(unit).toEqual({ done: [], skipped: [], matched: { total: 0, states: [] } });

    // Either the ids or the filters, never both or neither.
    await expectError(
      await act(h, hr, w.periodId, { action: 'confirm', sheetIds: [ids.shuji], matching: {} }),
      400,
    );
    await expectError(await act(h, hr, w.periodId, { action: 'confirm' }), 400);
    await expectError(
      await act(h, hr, w.periodId, { action: 'confirm', matching: { state: 'nowhere' } }),
      400,
    );
  });

  it('discloses the confirmed sheets only', async () => {
    const { h, w, hr, ids, place } = await world();
    await place(ids.kacho2, 'confirmed');
    const out = await result(
      await act(h, hr, w.periodId, { action: 'disclose', sheetIds: [ids.kacho2, ids.shuji] }),
    );
    expect(out.done).toEqual([ids.kacho2]);
    expect(out.skipped).toMatchObject([{ id: ids.shuji, reason: 'invalid_state', state: 'adjust' }]);
    const disclosed = await getSheetHeader(h.db.db, ids.kacho2);
    expect(disclosed).toMatchObject({ state: 'disclosed', disclosedAt: h.clock.now().toISOString() });
  });

  it('reminds whoever must act on each sheet by a notice, once a day, and changes no sheet', async () => {
    const { h, w, hr, ids, place } = await world();
    await place(ids.shunin, 'first');
    await place(ids.kacho2, 'second'); // names no second evaluator
    await place(ids.bucho, 'done');
    const before = await h.db.db
      .selectFrom('review_sheets')
      .select(['id', 'version'])
      .orderBy('id')
      .execute();
    const out = await result(
      await act(h, hr, w.periodId, {
        action: 'remind',
        sheetIds: [ids.shinagawa, ids.shunin, ids.shuji, ids.kacho2, ids.bucho],
      }),
    );
    expect(out.done).toEqual([ids.shinagawa, ids.shunin]);
    expect(out.recipients).toEqual([
      { sheetId: ids.shinagawa, staffNo: SHINAGAWA, relation: 'evaluatee' },
      { sheetId: ids.shunin, staffNo: PEOPLE.kacho, relation: 'first' },
    ]);
    expect(out.skipped.map((s) => [s.id, s.reason])).toEqual([
      [ids.shuji, 'adjuster_turn'],
      [ids.kacho2, 'no_evaluator'],
      [ids.bucho, 'nothing_to_do'],
    ]);
    expect(
      await h.db.db.selectFrom('review_sheets').select(['id', 'version']).orderBy('id').execute(),
    ).toEqual(before);
    const [entry] = await listAudit(h.db.db, { entity: 'review_sheets', entityId: String(w.periodId) });
    expect(entry).toMatchObject({ action: 'create', detail: { bulk: 'remind', recipients: out.recipients } });
    // Each reminder is a notice to the person (mailed when mail is on); a second 督促 the same day reminds nobody.
    const reminders = await h.db.db
      .selectFrom('notices')
      .select('recipient_staff_no')
      .where('kind', '=', 'reminder')
      .execute();
    expect(reminders.map((n) => n.recipient_staff_no).sort()).toEqual([SHINAGAWA, PEOPLE.kacho].sort());
    const again = await result(
      await act(h, hr, w.periodId, { action: 'remind', sheetIds: [ids.shinagawa, ids.shunin] }),
    );
    expect(again.done).toEqual([]);
    expect(again.skipped.map((s) => [s.id, s.message])).toEqual([
      [ids.shinagawa, '本日すでに督促しています'],
      [ids.shunin, '本日すでに督促しています'],
    ]);
  });

  it('writes none of the sheets when one of them fails', async () => {
    const { h, w, ids, place, rateFinal } = await world();
    await place(ids.kacho, 'adjust');
    await rateFinal(ids.kacho, 'kacho');
    const hrUser = (await listUsers(h.db.db)).find((u) => u.loginId === 'hr');
    if (!hrUser) throw new Error('no hr user');
    const audits = (await listAudit(h.db.db, { limit: 100_000 })).length;
    let writes = 0;
    const failing = async () => {
      writes += 1;
      if (writes === 2) throw new Error('the disk is full');
    };
    await expect(
      actOnSheets(
        h.db.db,
        hrUser,
        h.clock.now(),
        w.periodId,
        { action: 'confirm', sheetIds: [ids.shuji, ids.kacho] },
        failing,
      ),
    ).rejects.toThrow('the disk is full');
    expect(writes).toBe(2);
    for (const id of [ids.shuji, ids.kacho]) {
      expect((await getSheetHeader(h.db.db, id))?.state).toBe('adjust');
      expect((await listHistory(h.db.db, id)).some((e) => e.action === 'confirm')).toBe(false);
    }
    const results = await h.db.db.selectFrom('review_results').selectAll().execute();
    expect(results).toEqual([]);
    expect((await listAudit(h.db.db, { limit: 100_000 })).length).toBe(audits);
  });

  it('refuses a bad request, an unknown period, no session and the wrong role', async () => {
    const { h, w, hr, ids } = await world();
    const ok = { action: 'confirm', sheetIds: [ids.shuji] };
    await expectError(await act(h, '', w.periodId, ok), 401);
    await expectError(await act(h, w.c.staff1, w.periodId, ok), 403);
    await expectError(await act(h, w.c.eval2, w.periodId, ok), 403);
    await expectError(await act(h, hr, 999_999, ok), 404);
    for (const bad of [
      { action: 'approve', sheetIds: [ids.shuji] },
      { action: 'confirm', sheetIds: [] },
      { action: 'confirm', sheetIds: [String(ids.shuji)] },
      { action: 'confirm', sheetIds: [0] },
      { action: 'confirm', sheetIds: [1.5] },
      { action: 'confirm', sheetIds: Array.from({ length: 1001 }, (_, i) => i + 1) },
      { action: 'confirm', sheetIds: [ids.shuji], version: 1 },
      { action: 'confirm' },
    ]) {
      const e = await expectError(await act(h, hr, w.periodId, bad), 400);
      expect(e.code).toBe('invalid_input');
    }
    await expectError(
      await h.request(`/api/review/periods/${w.periodId}/sheets/actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"action":',
        cookie: hr,
      }),
      400,
    );
    expect((await getSheetHeader(h.db.db, ids.shuji))?.state).toBe('adjust');
  });
});
