// Test fixtures of recruitment: a new-graduate round, its applicants file, scores files, and request helpers.
import type { DialectName } from '@jinzai/db';
import { beforeEach, expect, onTestFinished } from 'vitest';
import { clearResultsCache } from '../services/recruitment-results.service.js';
import { createHarness, csv, json, type Harness } from './harness.js';

/** Three applicants (003 without an e-mail address). */
export const APPLICANTS = `applicant_no,name,name_kana,email
001,品川 花子,シナガワ ハナコ,hanako@example.jp
002,大井 太郎,オオイ タロウ,taro@example.jp
003,大崎 三郎,オオサキ サブロウ,
`;

/** Scores for the new-graduate layers, whole-layer, on the first stage. */
export function scoresCsv(rows: [string, string, Record<string, number>][]): string {
  const lines = ['applicant_no,rater,criterion,score'];
  for (const [no, rater, layers] of rows) {
    for (const [layer, score] of Object.entries(layers)) lines.push(`${no},${rater},${layer},${score}`);
  }
  return lines.join('\n') + '\n';
}

/** One score for each layer the new-graduate track weighs. */
export const all = (p: number, s: number, i: number, q: number) => ({
  potential: p,
  stance: s,
  interpersonal: i,
  problem: q,
});

export interface RoundBody {
  stages: { id: number; name: string; panel: { loginId: string }[] }[];
  criteria: { code: string; layer: string }[];
  round: { weightVersion: string };
}

export interface RecruitmentRound {
  h: Harness;
  /** The recruiter's cookie. */
  recruiter: string;
  roundId: number;
  /** The round's API path with p after it. */
  path(p?: string): string;
  importApplicants(body: string | Uint8Array, cookie?: string, type?: string): Promise<Response>;
  importScores(body: string, cookie?: string): Promise<Response>;
  get(p: string, cookie: string): Promise<Response>;
  /** The round as the recruiter reads it. */
  round(): Promise<RoundBody>;
}

/**
 * For the current test: a harness (results cache cleared) with interviewer2 and interviewer3 added and the recruiter
 * signed in, who has created the round 令和9年度 新卒採用; disposed when the test finishes.
 */
export async function recruitmentRound(dialect: DialectName): Promise<RecruitmentRound> {
  clearResultsCache();
  const h = await createHarness(dialect);
  onTestFinished(() => h.dispose());
  await h.addUser('interviewer2', ['interviewer']);
  await h.addUser('interviewer3', ['interviewer']);
  const recruiter = await h.login('recruiter');
  const res = await h.request(
    '/api/recruit/rounds',
    json({ name: '令和9年度 新卒採用', track: 'new-graduate', fiscalYear: 2027 }, 'POST', recruiter),
  );
  expect(res.status).toBe(201);
  const roundId = ((await res.json()) as { id: number }).id;

  const path = (p = '') => `/api/recruit/rounds/${roundId}${p}`;
  const get = (p: string, cookie: string) => h.request(p, { cookie });
  return {
    h,
    recruiter,
    roundId,
    path,
    importApplicants: (body, cookie = recruiter, type) =>
      h.request(path('/applicants'), csv(body, cookie, type)),
    importScores: (body, cookie = recruiter) => h.request(path('/scores'), csv(body, cookie)),
    get,
    round: async () => (await (await get(path(), recruiter)).json()) as RoundBody,
  };
}

/**
 * Registers recruitmentRound for each test of the surrounding describe; the object it returns holds the current
 * test's round (read its fields inside tests and hooks, not when the describe runs).
 */
export function eachRecruitmentRound(dialect: DialectName): RecruitmentRound {
  const t = {} as RecruitmentRound;
  beforeEach(async () => {
    Object.assign(t, await recruitmentRound(dialect));
  });
  return t;
}
