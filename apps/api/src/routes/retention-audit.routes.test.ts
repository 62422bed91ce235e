// Retention reaches the audit log: once an applicant is anonymised, no audit row keeps their name or e-mail.
import { testDialects } from '@jinzai/db/testing';
import { describe, expect, it } from 'vitest';
import { json } from '../testing/harness.js';
import { eachRecruitmentRound } from '../testing/recruitment-fixture.js';

describe.each(testDialects())('retention and the audit log on %s', (dialect) => {
  const t = eachRecruitmentRound(dialect);

  it('redacts the name, kana and e-mail of anonymised applicants from every audit row', async () => {
    const added = await t.h.request(
      t.path('/applicants'),
      json(
        { applicantNo: '002', name: '大井 太郎', nameKana: 'オオイ タロウ', email: 'taro@example.jp' },
        'POST',
        t.recruiter,
      ),
    );
    expect(added.status).toBe(201);
    const stageId = (await t.round()).stages[0]?.id ?? 0;
    const decided = await t.h.request(
      t.path(`/stages/${stageId}/decisions/002`),
      json(
        { decision: 'pass', reason: '大井 太郎さんは受け答えが良好（taro@example.jp）' },
        'PUT',
        t.recruiter,
      ),
    );
    expect(decided.status).toBe(200);
    await t.h.request(t.path(), json({ status: 'closed' }, 'PATCH', t.recruiter));

    const auditText = async () =>
      JSON.stringify(await t.h.db.db.selectFrom('audit_log').selectAll().orderBy('id').execute());
    expect(await auditText()).toContain('大井 太郎');

    t.h.clock.advance(366 * 24 * 3600 * 1000);
    const hr = await t.h.login('hr');
    const run = await t.h.request('/api/recruit/retention/run', json({}, 'POST', hr));
    expect(await run.json()).toMatchObject({ applicants: 1 });

    const text = await auditText();
    for (const personal of ['大井 太郎', 'オオイ タロウ', 'taro@example.jp'])
      expect(text).not.toContain(personal);
    // The rows themselves stay, still valid JSON, with what happened to whom (by applicant number).
    const rows = await t.h.db.db
      .selectFrom('audit_log')
      .select(['entity', 'entity_id', 'before_json', 'after_json', 'detail_json'])
      .where('entity', 'in', ['recruit_applicant', 'recruit_decision'])
      .execute();
    expect(rows.map((r) => r.entity_id)).toEqual([`${t.roundId}/002`, `${t.roundId}/${stageId}/002`]);
    for (const r of rows) for (const j of [r.before_json, r.after_json, r.detail_json]) if (j) JSON.parse(j);
    const decision = rows.find((r) => r.entity === 'recruit_decision');
    expect(JSON.parse(decision?.after_json ?? '{}')).toMatchObject({ decision: 'pass' });
  });
});
