import { testDialects } from '@jinzai/db/testing';
import { describe, expect, it } from 'vitest';
import { json } from '../testing/harness.js';
import { APPLICANTS, all, recruitmentRound, scoresCsv } from '../testing/recruitment-fixture.js';

// The results are cached by the round's scores version, in every API process (docs/toolchain.md "Several
// processes"): a write that changes what they show must move that version, or a process keeps showing the old.
describe.each(testDialects())('cached recruitment results on %s', (dialect) => {
  it('follow a renamed round and a renamed stage', async () => {
    const t = await recruitmentRound(dialect);
    expect((await t.importApplicants(APPLICANTS)).status).toBe(200);
    expect((await t.importScores(scoresCsv([['001', 'interviewer2', all(4, 4, 4, 4)]]))).status).toBe(200);
    type Results = { round: { name: string }; stage: { id: number; name: string } };
    const results = async () => (await (await t.get(t.path('/results'), t.recruiter)).json()) as Results;
    const before = await results();
    expect(before.round.name).toBe('令和9年度 新卒採用');
    const renamed = await t.h.request(
      t.path(),
      json({ name: '令和9年度 新卒採用（春）' }, 'PATCH', t.recruiter),
    );
    expect(renamed.status).toBe(200);
    const stage = await t.h.request(
      t.path(`/stages/${before.stage.id}`),
      json({ name: '一次選考' }, 'PATCH', t.recruiter),
    );
    expect(stage.status).toBe(200);
    const after = await results();
    expect(after.round.name).toBe('令和9年度 新卒採用（春）');
    expect(after.stage.name).toBe('一次選考');
  });
});
