import { testDialects } from '@jinzai/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../testing/harness.js';
import { seedRecruitmentDemo } from './recruitment.js';

describe.each(testDialects())('recruitment demo on %s', (dialect) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(dialect);
    for (const login of ['interviewer1', 'interviewer2', 'interviewer3'])
      await h.addUser(login, ['interviewer']);
    await seedRecruitmentDemo(h.db.db, h.clock.now());
  });
  afterEach(async () => h.dispose());

  it('shows results, reliability and a lenient rater at once', async () => {
    const cookie = await h.login('recruiter');
    const rounds = (await (await h.request('/api/recruit/rounds', { cookie })).json()) as {
      rounds: { id: number; name: string }[];
    };
    expect(rounds.rounds[0]?.name).toBe('令和9年度 新卒採用');
    const id = rounds.rounds[0]?.id;
    const res = await h.request(`/api/recruit/rounds/${id}/results?stage=一次面接`, { cookie });
    const r = (await res.json()) as {
      applicants: { complete: boolean }[];
      reliability: { icc2k: number; alpha: number };
      raters: { rater: string; flagged: boolean }[];
    };
    expect(r.applicants).toHaveLength(30);
    expect(r.applicants.filter((a) => a.complete)).toHaveLength(26);
    expect(r.reliability.icc2k).toBeGreaterThan(0.5);
    expect(r.raters.find((x) => x.rater === 'interviewer3')?.flagged).toBe(true);
    const i1 = await h.login('interviewer1');
    const queue = (await (await h.request('/api/recruit/queue', { cookie: i1 })).json()) as {
      stages: { applicants: { status: string }[] }[];
    };
    expect(queue.stages[0]?.applicants.filter((a) => a.status === 'none')).toHaveLength(4);
  });
});
