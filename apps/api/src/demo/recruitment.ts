// The demo recruitment round that the first start loads (docs/interfaces.md "Start, sign-in, demo").
import {
  createRound,
  importScores,
  insertApplicants,
  listApplicants,
  listCriteria,
  listStages,
  raterNamesByLogin,
  setPanel,
  type Database,
} from '@jinzai/db';
import { createRandom, GIVEN_NAMES, SURNAMES } from '@jinzai/db/demo';
import type { Kysely } from 'kysely';

/** Each demo interviewer's habit: interviewer3 scores about half a point high, so the leniency flag shows. */
const LENIENCY: Record<string, number> = { interviewer1: 0, interviewer2: -0.2, interviewer3: 0.7 };

/**
 * A demo round (令和9年度 新卒採用): 30 applicants, the three demo interviewers on 一次面接's panel, and submitted
 * scores for most applicants, so that results, reliability and leniency show at once. Deterministic.
 */
export async function seedRecruitmentDemo(trx: Kysely<Database>, now: Date): Promise<void> {
  const rnd = createRandom(2027);
  const at = now.toISOString();
  const round = await createRound(
    trx,
    { name: '令和9年度 新卒採用', track: 'new-graduate', fiscalYear: 2027 },
    null,
    at,
  );
  const applicants = Array.from({ length: 30 }, (_, i) => {
    const surname = rnd.pick(SURNAMES.slice(0, 60));
    const given = rnd.pick(GIVEN_NAMES);
    const no = `R9-${String(i + 1).padStart(3, '0')}`;
    return {
      applicant_no: no,
      name: `${surname.kanji} ${given.kanji}`,
      name_kana: `${surname.kana} ${given.kana}`,
      email: `applicant${String(i + 1).padStart(3, '0')}@example.jp`,
      consent: i % 5 === 0,
    };
  });
  await insertApplicants(trx, round.id, applicants, at);
  const stage = (await listStages(trx, round.id))[1];
  if (!stage) return;
  const users = await raterNamesByLogin(trx, Object.keys(LENIENCY));
  await setPanel(
    trx,
    stage.id,
    users.map((u) => u.id),
  );
  const criteria = await listCriteria(trx, round.id);
  const ids = await listApplicants(trx, round.id);
  const rows: Parameters<typeof importScores>[1][number][] = [];
  // The last four applicants are still waiting for their interview: no sheets, so the queue has work in it.
  for (const a of ids.slice(0, 26)) {
    const ability = 1.8 + rnd.next() * 2.6;
    const layerBias = new Map(criteria.map((c) => [c.layer, (rnd.next() - 0.5) * 0.8]));
    for (const u of users) {
      for (const c of criteria) {
        const raw =
          ability + (layerBias.get(c.layer) ?? 0) + (LENIENCY[u.loginId] ?? 0) + (rnd.next() - 0.5) * 1.4;
        const score = Math.min(5, Math.max(1, Math.round(raw)));
        rows.push({
          stageId: stage.id,
          applicantId: a.id,
          raterId: u.id,
          criterionId: c.id,
          layer: c.layer,
          score,
        });
      }
    }
  }
  await importScores(trx, rows, at);
}
