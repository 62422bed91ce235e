import { listAudit } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, csv, json, type Harness } from '../testing/harness.js';

// Every read and write of applicant data is audited with who did it (docs/domain.md §9), and exports come as
// attachments.
describe.each(testDialects())('recruitment audit trail on %s', (dialect) => {
  let h: Harness;
  let recruiter: string;
  let roundId: number;
  beforeEach(async () => {
    h = await createHarness(dialect);
    recruiter = await h.login('recruiter');
    const res = await h.request(
      '/api/recruit/rounds',
      json({ name: '監査', track: 'new-graduate', fiscalYear: 2027 }, 'POST', recruiter),
    );
    roundId = ((await res.json()) as { id: number }).id;
    const imported = await h.request(
      `/api/recruit/rounds/${roundId}/applicants`,
      csv('applicant_no,name,name_kana,email\n001,品川 花子,シナガワ ハナコ,hanako@example.jp\n', recruiter),
    );
    expect(imported.status).toBe(200);
  });
  afterEach(async () => h.dispose());

  const path = (p = '') => `/api/recruit/rounds/${roundId}${p}`;
  const last = async (entity: string) => (await listAudit(h.db.db, { entity }))[0];

  it('records the reader of applicants, an applicant, a sheet form, the queue, results and exports', async () => {
    const stages = (
      (await (await h.request(path(), { cookie: recruiter })).json()) as { stages: { id: number }[] }
    ).stages;
    const stageId = stages[0]?.id ?? 0;
    await h.request(path(`/stages/${stageId}/panel`), json({ loginIds: ['interviewer'] }, 'PUT', recruiter));
    expect(await last('recruit_panel')).toMatchObject({ action: 'update', loginId: 'recruiter' });

    expect((await h.request(path('/applicants'), { cookie: recruiter })).status).toBe(200);
    expect(await last('recruit_applicants')).toMatchObject({
      action: 'read',
      loginId: 'recruiter',
      entityId: String(roundId),
      detail: { stage: null, count: 1 },
    });
    expect((await h.request(path('/applicants/001'), { cookie: recruiter })).status).toBe(200);
    expect(await last('recruit_applicant')).toMatchObject({ action: 'read', entityId: `${roundId}/001` });

    const interviewer = await h.login('interviewer');
    expect((await h.request('/api/recruit/queue', { cookie: interviewer })).status).toBe(200);
    expect(await last('recruit_queue')).toMatchObject({ action: 'read', loginId: 'interviewer' });
    const form = await h.request(path(`/stages/${stageId}/sheets/001`), { cookie: interviewer });
    expect(form.status).toBe(200);
    expect(await last('recruit_sheet')).toMatchObject({
      action: 'read',
      loginId: 'interviewer',
      entityId: `${roundId}/${stageId}/001`,
    });

    expect((await h.request(path('/results'), { cookie: recruiter })).status).toBe(200);
    expect(await last('recruit_results')).toMatchObject({
      action: 'read',
      entityId: `${roundId}/${stageId}`,
    });
    const file = await h.request(path('/results.csv?encoding=utf-8'), { cookie: recruiter });
    expect(file.headers.get('content-type')).toBe('text/csv; charset=UTF-8');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="results-${roundId}-${stageId}.csv"`,
    );
    expect(await last('recruit_results')).toMatchObject({
      action: 'export',
      detail: { format: 'csv', encoding: 'utf-8' },
    });
    const sjis = await h.request(path('/results.csv'), { cookie: recruiter });
    expect(sjis.headers.get('content-type')).toBe('text/csv; charset=Shift_JIS');
    expect(sjis.headers.get('content-disposition')).toContain(`results-${roundId}-${stageId}-sjis.csv`);
    const xlsx = await h.request(path('/results.xlsx'), { cookie: recruiter });
    expect(xlsx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers.get('content-disposition')).toContain(`results-${roundId}-${stageId}.xlsx`);
  });

  it('records imports, one added applicant, decisions and the retention run', async () => {
    expect(await last('recruit_applicants')).toMatchObject({ action: 'import', detail: { rows: 1 } });
    const added = await h.request(
      path('/applicants'),
      json(
        { applicantNo: '002', name: '大井 太郎', nameKana: 'オオイ タロウ', email: 'taro@example.jp' },
        'POST',
        recruiter,
      ),
    );
    expect(added.status).toBe(201);
    expect(await last('recruit_applicant')).toMatchObject({ action: 'create', entityId: `${roundId}/002` });
    const stageId =
      ((await (await h.request(path(), { cookie: recruiter })).json()) as { stages: { id: number }[] })
        .stages[0]?.id ?? 0;
    const decided = await h.request(
      path(`/stages/${stageId}/decisions/001`),
      json({ decision: 'pass', reason: '良好' }, 'PUT', recruiter),
    );
    expect(decided.status).toBe(200);
    expect(await last('recruit_decision')).toMatchObject({
      action: 'create',
      loginId: 'recruiter',
      entityId: `${roundId}/${stageId}/001`,
    });
    const hr = await h.login('hr');
    expect((await h.request('/api/recruit/retention/run', json({}, 'POST', hr))).status).toBe(200);
    expect(await last('recruit_retention')).toMatchObject({ action: 'update', loginId: 'hr' });
  });
});
