import { listAudit } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import { describe, expect, it } from 'vitest';
import { PEOPLE, seedWard } from '../testing/evaluation-fixture.js';
import { csv, expectError, hrHarness, json, type Harness } from '../testing/harness.js';

const HEADER = 'staff_no,course,layer,completed_on,hours\n';

/** The small ward with the fiscal 2025 period open today (2025-06-02): 主事 evaluated by 課長 and 部長. */
async function ward(h: Harness, hr: string) {
  await seedWard(h);
  const res = await h.request('/api/review/periods', json({ fiscalYear: 2025, kind: 'fiscal' }, 'POST', hr));
  const { id } = (await res.json()) as { id: number };
  expect(
    (await h.request(`/api/review/periods/${id}/assignments/defaults`, json({}, 'POST', hr))).status,
  ).toBe(200);
}

describe.each(testDialects())('talent routes on %s', (dialect) => {
  it('imports training all or nothing, naming row and column, and audits the import', async () => {
    const { h, hr } = await hrHarness(dialect, ward);
    const bad = await h.request(
      '/api/talent/training',
      csv(
        `${HEADER}${PEOPLE.shuji},DX研修,ict,2025-05-10,3.5\n999999,DX研修,ict,2025-05-10,3\n${PEOPLE.shunin},研修,it,2025-02-30,0\n`,
        hr,
      ),
    );
    const err = await expectError(bad, 400);
    expect(err.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'staff_no' }),
        expect.objectContaining({ row: 4, column: 'layer' }),
        expect.objectContaining({ row: 4, column: 'completed_on' }),
        expect.objectContaining({ row: 4, column: 'hours' }),
      ]),
    );
    expect(await h.db.db.selectFrom('talent_training').selectAll().execute()).toHaveLength(0);

    const dup = await h.request(
      '/api/talent/training',
      csv(
        `${HEADER}${PEOPLE.shuji},DX研修,ict,2025-05-10,3.5\n${PEOPLE.shuji},ＤＸ研修,ict,2025-05-10,2\n`,
        hr,
      ),
    );
    expect((await expectError(dup, 400)).details).toEqual([
      expect.objectContaining({ row: 3, column: 'course' }),
    ]);
    expect(
      (await expectError(await h.request('/api/talent/training', csv('staff_no,course\n1,x\n', hr)), 400))
        .code,
    ).toBe('bad_columns');

    const file = `${HEADER}${PEOPLE.shuji},DX研修,ict,2025-05-10,3.5\n${PEOPLE.shuji},評価者研修,対人力,2025/4/1,7\n`;
    const ok = await h.request('/api/talent/training', csv(file, hr));
    expect(ok.status).toBe(201);
    expect(await ok.json()).toEqual({ rows: 2, created: 2, updated: 0 });
    const again = await h.request(
      '/api/talent/training',
      csv(`${HEADER}${PEOPLE.shuji},DX研修,ict,2025-05-10,4\n`, hr),
    );
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ rows: 1, created: 0, updated: 1 });
    const audit = (await listAudit(h.db.db, { entity: 'talent_training' }))
      .reverse()
      .filter((a) => a.action === 'import');
    expect(audit).toHaveLength(2);
    expect(audit[0]?.detail).toMatchObject({
      rows: 2,
      created: 2,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const staff = await h.login('staff1');
    expect((await h.request('/api/talent/training', csv(file, staff))).status).toBe(403);
  });

  it('shows the profile to HR, the person and their current evaluators only, with what each may see; audited', async () => {
    const { h, hr } = await hrHarness(dialect, ward);
    await h.request('/api/talent/training', csv(`${HEADER}${PEOPLE.shuji},DX研修,ict,2025-05-10,3.5\n`, hr));
    await h.request(
      '/api/talent/declaration-windows',
      json({ fiscalYear: 2025, opensOn: '2025-06-01', closesOn: '2025-06-30' }, 'POST', hr),
    );
    const staff = await h.login('staff1');
    const declared = await h.request(
      '/api/talent/declarations',
      json(
        {
          fiscalYear: 2025,
          transferWish: 'move',
          wishedUnits: ['1020'],
          careerGoal: '経理の専門性',
          circumstances: '介護',
        },
        'POST',
        staff,
      ),
    );
    expect(declared.status).toBe(201);
    const eval1 = await h.login('eval1');
    const recorded = await h.request(
      '/api/talent/interviews',
      json(
        {
          staffNo: PEOPLE.shuji,
          kind: 'start',
          heldOn: '2025-05-20',
          topics: '目標の確認',
          privateNotes: '体調に配慮',
        },
        'POST',
        eval1,
      ),
    );
    expect(recorded.status).toBe(201);

    type Profile = {
      relation: string;
      training: { course: string; layer: string; completedOn: string; hours: number }[];
      declarations: { fiscalYear: number; transferWish: string; circumstances: string | null }[];
      interviews: { id: number; privateNotes: string | null; acknowledgedAt: string | null }[];
      iMessages: { received: number } | null;
    };
    const view = async (cookie: string) => {
      const res = await h.request(`/api/talent/staff/${PEOPLE.shuji}`, { cookie });
      return { status: res.status, body: (res.status === 200 ? await res.json() : null) as Profile | null };
    };
    const asHr = await view(hr);
    expect(asHr.status).toBe(200);
    expect(asHr.body).toMatchObject({
      staffNo: PEOPLE.shuji,
      relation: 'hr',
      evaluations: [],
      training: [{ course: 'DX研修', layer: 'ict', completedOn: '2025-05-10', hours: 3.5 }],
      declarations: [{ fiscalYear: 2025, transferWish: 'move', circumstances: '介護' }],
      interviews: [{ privateNotes: '体調に配慮' }],
      iMessages: { received: 0, sent: 0 },
    });
    const asSelf = await view(staff);
    expect(asSelf.body?.relation).toBe('self');
    expect(asSelf.body?.declarations[0]?.circumstances).toBe('介護');
    expect(asSelf.body?.interviews[0]?.privateNotes).toBeNull();
    // The second evaluator: no circumstances, no private notes, no I・メッセージ.
    const asSecond = await view(await h.login('eval2'));
    expect(asSecond.body).toMatchObject({ relation: 'second', iMessages: null });
    expect(asSecond.body?.declarations[0]?.circumstances).toBeNull();
    expect(asSecond.body?.interviews[0]?.privateNotes).toBeNull();
    // The first evaluator wrote the notes and keeps seeing them.
    expect((await view(eval1)).body?.interviews[0]?.privateNotes).toBe('体調に配慮');

    expect((await view(await h.login('eval3'))).status).toBe(403);
    expect((await view(await h.login('staff2'))).status).toBe(403);
    expect((await view(await h.login('recruiter'))).status).toBe(403);
    await expectError(await h.request('/api/talent/staff/999999', { cookie: hr }), 404);

    const reads = (await listAudit(h.db.db, { entity: 'talent_profile' })).reverse();
    expect(reads.map((a) => (a.detail as { relation: string }).relation)).toEqual([
      'hr',
      'self',
      'second',
      'first',
    ]);

    // The person acknowledges the 面談; another person cannot.
    const id = asHr.body?.interviews[0]?.id ?? 0;
    await expectError(
      await h.request(`/api/talent/interviews/${id}/acknowledge`, json({}, 'POST', await h.login('staff2'))),
      404,
    );
    const ack = await h.request(`/api/talent/interviews/${id}/acknowledge`, json({}, 'POST', staff));
    expect(ack.status).toBe(200);
    expect((await view(staff)).body?.interviews[0]?.acknowledgedAt).not.toBeNull();
    // An evaluator of someone else records no 面談 of this person.
    const other = await h.request(
      '/api/talent/interviews',
      json(
        { staffNo: PEOPLE.shuji, kind: 'mid', heldOn: '2025-05-21', topics: 'x' },
        'POST',
        await h.login('eval3'),
      ),
    );
    await expectError(other, 403);
  });

  it('takes a declaration only in an open window, once; a PUT corrects it; bad input is 400', async () => {
    const { h, hr } = await hrHarness(dialect, ward);
    const staff = await h.login('staff1');
    const body = {
      fiscalYear: 2025,
      transferWish: 'either',
      wishedUnits: ['1020', '1010'],
      careerGoal: '係長を目指す',
    };
    const closed = await h.request('/api/talent/declarations', json(body, 'POST', staff));
    expect((await expectError(closed, 409)).code).toBe('window_closed');
    await h.request(
      '/api/talent/declaration-windows',
      json({ fiscalYear: 2025, opensOn: '2025-06-01', closesOn: '2025-06-30' }, 'POST', hr),
    );
    expect((await h.request('/api/talent/declarations', json(body, 'POST', staff))).status).toBe(201);
    await expectError(await h.request('/api/talent/declarations', json(body, 'POST', staff)), 409);
    const fixed = await h.request(
      '/api/talent/declarations',
      json({ ...body, transferWish: 'stay', wishedUnits: [] }, 'PUT', staff),
    );
    expect(fixed.status).toBe(200);
    await expectError(
      await h.request(
        '/api/talent/declarations',
        json({ ...body, wishedUnits: ['1', '2', '3', '4'] }, 'PUT', staff),
      ),
      400,
    );
    await expectError(
      await h.request('/api/talent/declarations', json({ ...body, wishedUnits: ['nope'] }, 'PUT', staff)),
      400,
    );
    await expectError(
      await h.request('/api/talent/declarations', json({ ...body, transferWish: 'leave' }, 'POST', staff)),
      400,
    );
    await expectError(await h.request('/api/talent/declarations', json('{', 'POST', staff)), 400);
    await expectError(
      await h.request(
        '/api/talent/declarations',
        json({ ...body, fiscalYear: 2024 }, 'PUT', await h.login('staff2')),
      ),
      409,
    );
    // HR has no staff record: 403.
    await expectError(await h.request('/api/talent/declarations', json(body, 'POST', hr)), 403);
    h.clock.advance(40 * 86_400_000);
    await expectError(
      await h.request('/api/talent/declarations', json(body, 'PUT', await h.login('staff1'))),
      409,
    );
    const hrAgain = await h.login('hr');

    const list = await h.request('/api/talent/declarations?fiscalYear=2025&unit=10', { cookie: hrAgain });
    expect(list.status).toBe(200);
    const l = (await list.json()) as {
      declarations: { staffNo: string; transferWish: string }[];
      summary: unknown[];
    };
    expect(l.declarations).toEqual([
      expect.objectContaining({ staffNo: PEOPLE.shuji, transferWish: 'stay' }),
    ]);
    expect(l.summary).toEqual([expect.objectContaining({ unitCode: '101010', stay: 1, total: 1 })]);
    expect(
      (await h.request('/api/talent/declarations?fiscalYear=2025', { cookie: await h.login('staff1') }))
        .status,
    ).toBe(403);
    const audit = (await listAudit(h.db.db, { entity: 'talent_declaration' })).reverse();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'read']);
    expect(JSON.stringify(audit)).not.toContain('介護');
  });

  it('adds a self-development for HR to approve', async () => {
    const { h, hr } = await hrHarness(dialect, ward);
    const staff = await h.login('staff1');
    const add = await h.request(
      '/api/talent/self-development',
      json(
        {
          course: '情報処理安全確保支援士',
          kind: 'qualification',
          layer: 'ict',
          completedOn: '2025-04-20',
          hours: 120,
          subsidyYen: 20000,
        },
        'POST',
        staff,
      ),
    );
    expect(add.status).toBe(201);
    const { id } = (await add.json()) as { id: number };
    const pending = (await (
      await h.request('/api/talent/self-development/pending', { cookie: hr })
    ).json()) as { records: { id: number }[] };
    expect(pending.records.map((r) => r.id)).toEqual([id]);
    expect(
      (
        await h.request(
          `/api/talent/self-development/${id}/decision`,
          json({ status: 'approved' }, 'POST', staff),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await h.request(
          `/api/talent/self-development/${id}/decision`,
          json({ status: 'approved' }, 'POST', hr),
        )
      ).status,
    ).toBe(200);
    await expectError(
      await h.request(
        `/api/talent/self-development/${id}/decision`,
        json({ status: 'approved' }, 'POST', hr),
      ),
      404,
    );
    const put = await h.request(
      '/api/talent/courses/dx',
      json({ name: 'DX研修', layer: 'ict', outcome: '03' }, 'PUT', hr),
    );
    expect(put.status).toBe(200);
    await expectError(
      await h.request(
        '/api/talent/courses/dx',
        json({ name: 'DX研修', layer: 'ict', outcome: '99' }, 'PUT', hr),
      ),
      400,
    );
  });

  it('posts a 公募, takes applications once before the deadline, shows HR the applicants side by side and records the outcome', async () => {
    const { h, hr } = await hrHarness(dialect, ward);
    const body = {
      title: '企画担当',
      unitCode: '1020',
      gradeMin: 'shuji',
      gradeMax: 'kakaricho',
      needs: { problem: '企画力' },
      deadline: '2025-06-30',
    };
    await expectError(
      await h.request('/api/talent/postings', json({ ...body, unitCode: 'x' }, 'POST', hr)),
      400,
    );
    await expectError(
      await h.request('/api/talent/postings', json({ ...body, gradeMin: 'boss' }, 'POST', hr)),
      400,
    );
    const posted = await h.request('/api/talent/postings', json(body, 'POST', hr));
    expect(posted.status).toBe(201);
    const { id } = (await posted.json()) as { id: number };
    const staff = await h.login('staff1');
    await expectError(await h.request('/api/talent/postings', json(body, 'POST', staff)), 403);
    expect(
      (
        await h.request(
          `/api/talent/postings/${id}/applications`,
          json({ statement: '企画に挑戦したい' }, 'POST', staff),
        )
      ).status,
    ).toBe(201);
    await expectError(
      await h.request(
        `/api/talent/postings/${id}/applications`,
        json({ statement: 'もう一度' }, 'POST', staff),
      ),
      409,
    );
    await expectError(
      await h.request(`/api/talent/postings/999/applications`, json({ statement: 'x' }, 'POST', staff)),
      404,
    );
    const list = (await (await h.request('/api/talent/postings', { cookie: staff })).json()) as {
      postings: { id: number; applied: boolean; applicants: number }[];
    };
    expect(list.postings).toEqual([expect.objectContaining({ id, applied: true, applicants: 1 })]);
    await expectError(await h.request(`/api/talent/postings/${id}`, { cookie: staff }), 403);
    const view = (await (await h.request(`/api/talent/postings/${id}`, { cookie: hr })).json()) as {
      applicants: { staffNo: string; yearsInUnit: number; trainingHours: object }[];
    };
    expect(view.applicants).toEqual([
      expect.objectContaining({ staffNo: PEOPLE.shuji, yearsInUnit: 0, trainingHours: {} }),
    ]);
    const done = await h.request(
      `/api/talent/postings/${id}/applications/${PEOPLE.shuji}/outcome`,
      json({ outcome: 'accepted' }, 'POST', hr),
    );
    expect(done.status).toBe(200);
    await expectError(
      await h.request(
        `/api/talent/postings/${id}/applications/000999/outcome`,
        json({ outcome: 'accepted' }, 'POST', hr),
      ),
      404,
    );
    const profile = (await (await h.request(`/api/talent/staff/${PEOPLE.shuji}`, { cookie: hr })).json()) as {
      applications: { outcome: string }[];
    };
    expect(profile.applications).toEqual([expect.objectContaining({ outcome: 'accepted' })]);
    h.clock.advance(40 * 86_400_000);
    await expectError(
      await h.request(
        `/api/talent/postings/${id}/applications`,
        json({ statement: 'x' }, 'POST', await h.login('staff2')),
      ),
      409,
    );
    expect((await listAudit(h.db.db, { entity: 'talent_application' })).map((a) => a.action)).toEqual([
      'update',
      'create',
    ]);
  });

  it('shows HR who wishes to come and leave, and the headcount by grade after what-if moves', async () => {
    const { h, hr } = await hrHarness(dialect, ward);
    await h.request(
      '/api/talent/declaration-windows',
      json({ fiscalYear: 2025, opensOn: '2025-06-01', closesOn: '2025-06-30' }, 'POST', hr),
    );
    const staff = await h.login('staff1');
    await h.request(
      '/api/talent/declarations',
      json(
        { fiscalYear: 2025, transferWish: 'move', wishedUnits: ['1020'], careerGoal: '経理' },
        'POST',
        staff,
      ),
    );
    const res = await h.request(
      '/api/talent/placement',
      json({ unitCode: '1020', moves: [{ staffNo: PEOPLE.shuji, toUnit: '1020' }] }, 'POST', hr),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      incoming: { staffNo: string }[];
      outgoing: unknown[];
      headcount: { unitCode: string; grades: { gradeCode: string; before: number; after: number }[] }[];
    };
    expect(body.incoming.map((p) => p.staffNo)).toEqual([PEOPLE.shuji]);
    expect(body.outgoing).toEqual([]);
    expect(body.headcount).toEqual([
      expect.objectContaining({
        unitCode: '101010',
        grades: expect.arrayContaining([
          expect.objectContaining({ gradeCode: 'shuji', before: 1, after: 0 }),
        ]),
      }),
      expect.objectContaining({
        unitCode: '1020',
        grades: expect.arrayContaining([
          expect.objectContaining({ gradeCode: 'shuji', before: 0, after: 1 }),
        ]),
      }),
    ]);
    const bad = await h.request(
      '/api/talent/placement',
      json({ unitCode: '1020', moves: [{ staffNo: '777', toUnit: 'zz' }] }, 'POST', hr),
    );
    expect((await expectError(bad, 400)).details).toHaveLength(2);
    await expectError(await h.request('/api/talent/placement', json({ unitCode: 'nope' }, 'POST', hr)), 404);
    await expectError(
      await h.request('/api/talent/placement', json({ unitCode: '1020' }, 'POST', staff)),
      403,
    );
    expect(await listAudit(h.db.db, { entity: 'talent_placement' })).toHaveLength(1);
  });
});
