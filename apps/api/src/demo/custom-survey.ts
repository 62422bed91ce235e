// Demo data for the HR-defined surveys: a leaving-intention survey of the current year with imported answers.
import {
  createCustomSurvey,
  replaceImportedCustomResponses,
  rosterAttributes,
  type Database,
} from '@jinzai/db';
import { createRandom } from '@jinzai/db/demo';
import { ageBandOf, choiceMask, fiscalYearOf, type CustomItem } from '@jinzai/model';
import type { Kysely } from 'kysely';

/** The reasons of policy III-2-(2) (退職を考えた理由, 2つまで選択可), in the policy's order. */
export const DEMO_LEAVING_REASONS = [
  '働き方に不満がある(テレワーク・フレックスタイムがない等)',
  '人間関係が嫌だ',
  '家庭の事情(育児、介護等)',
  '給料が少ない',
  '他にやりたい仕事があるから',
  '体調不良',
  '職場までが遠い',
];

const ITEMS: CustomItem[] = [
  { kind: 'agreement', textJa: '今の職場で働き続けたいと思う' },
  {
    kind: 'choice',
    textJa: '退職を考えた理由（2つまで選択可）',
    options: DEMO_LEAVING_REASONS,
    maxChoices: 2,
  },
];

/** How often each age band names each reason (younger staff: pay and other work; 30s and 40s: family). */
const WEIGHTS: Record<string, number[]> = {
  '-29': [3, 2, 1, 5, 4, 1, 1],
  '30-39': [3, 2, 4, 3, 2, 1, 1],
  '40-49': [2, 2, 4, 2, 1, 2, 1],
  '50-': [1, 2, 3, 1, 1, 3, 1],
};

/**
 * An HR-defined survey 「退職意向アンケート」 of the current fiscal year with about 600 imported answers, so that the
 * cross-tab of reasons by age band shows figures (policy III-2-(2)). Deterministic; staff1 has not answered it.
 */
export async function seedCustomSurveyDemo(trx: Kysely<Database>, now: Date): Promise<{ responses: number }> {
  const staff = await rosterAttributes(trx);
  const year = fiscalYearOf(now);
  const survey = await createCustomSurvey(
    trx,
    { fiscalYear: year, titleJa: '退職意向アンケート', items: ITEMS },
    now.toISOString(),
    'c-demo-leaving',
  );
  if (staff.length === 0) return { responses: 0 };
  const rnd = createRandom(20240302);
  const respondents = rnd.shuffle(staff).slice(0, Math.min(600, staff.length));
  const responses = respondents.map((s) => {
    const ageBand = ageBandOf(s.birthYear, year);
    const w = WEIGHTS[ageBand] ?? [1, 1, 1, 1, 1, 1, 1];
    const pick = (exclude: number): number => {
      const total = w.reduce((a, b, i) => a + (i + 1 === exclude ? 0 : b), 0);
      let r = rnd.next() * total;
      for (let i = 0; i < w.length; i++) {
        if (i + 1 === exclude) continue;
        r -= w[i] ?? 0;
        if (r < 0) return i + 1;
      }
      return w.length === exclude ? 1 : w.length;
    };
    const u = rnd.next();
    const chosen: number[] = [];
    if (u > 0.3) chosen.push(pick(0));
    if (u > 0.65) chosen.push(pick(chosen[0] ?? 0));
    const stay = Math.min(4, Math.max(1, Math.round(2.6 + (rnd.next() - 0.5) * 2.4 - chosen.length * 0.3)));
    return {
      unitCode: s.unitCode,
      gradeCode: s.gradeCode,
      ageBand,
      employmentType: s.employmentType,
      values: [stay, choiceMask(chosen.sort((a, b) => a - b))],
    };
  });
  await replaceImportedCustomResponses(trx, survey, responses);
  return { responses: responses.length };
}
