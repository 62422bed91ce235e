// The demo's personnel evaluation (docs/interfaces.md "Start, sign-in, demo"): past results, an open period,
// messages.
import {
  createPeriod,
  insertIMessages,
  insertSheetContent,
  insertSheets,
  listUnits,
  sheetIdsOfPeriod,
  staffNames,
  staffPlacements,
  upsertResults,
  type Database,
  type EvaluationResult,
  type SheetContentSeed,
} from '@jinzai/db';
import { createRandom, DEMO_PEOPLE } from '@jinzai/db/demo';
import {
  defaultPhaseDates,
  EVALUATION_GRADES,
  EVALUATION_SCALE,
  evaluationPoints,
  GOAL_DIFFICULTIES,
  gradeByCode,
  OUTCOME_CODES,
  periodName,
  type EvaluationGrade,
  type SheetState,
} from '@jinzai/model';
import type { Kysely } from 'kysely';
import { defaultAssignments } from '../services/evaluation-assignments.service.js';

type Db = Kysely<Database>;

/** The year of the demo's open period (令和8年度) and the past years imported from the "earlier system". */
export const DEMO_REVIEW_YEAR = 2026;
const PAST_YEARS = [2021, 2022, 2023, 2024, 2025];
const STAFF1_OVERALL: readonly EvaluationGrade[] = ['C', 'B', 'B', 'A', 'A'];

const clamp = (p: number) => Math.max(1, Math.min(5, Math.round(p)));
const gradeOf = (points: number): EvaluationGrade => EVALUATION_GRADES[5 - clamp(points)] as EvaluationGrade;

const GOAL_TEXTS = [
  ['窓口の待ち時間を短縮する', '平均待ち時間を前年度比20%短縮'],
  ['業務マニュアルを改訂し引継ぎを円滑にする', '改訂版を年度内に公開'],
  ['係内の超過勤務を削減する', '月平均10%削減'],
  ['DXによる申請手続の電子化を進める', '電子申請の対象手続を3件追加'],
  ['若手職員のOJTを計画的に行う', '育成計画を作成し四半期ごとに振り返る'],
  ['区民への情報発信を充実させる', 'SNS発信を月4回以上'],
] as const;

const rating = (sheetId: number, part: string, item: string, grade: string) => ({
  sheetId,
  part,
  item,
  rating: grade,
  comment: null,
});

/**
 * Demo data of personnel evaluation: imported results for 2021–2025 (every staff member, deterministic), and the
 * open 令和8年度 period with default assignments from the org tree, so that staff1 is evaluated by evaluator1
 * and evaluator2. Other sheets stand at various steps with ratings, so that HR's views have data; staff1's sheet
 * waits at 目標設定 for the walkthrough. Set-based: a few statements.
 */
export async function seedEvaluationDemo(trx: Db, now: Date): Promise<{ results: number; sheets: number }> {
  const at = now.toISOString();
  const rnd = createRandom(20260401);
  const staff = await staffPlacements(trx);
  const ability = new Map(staff.map((s) => [s.staffNo, rnd.next() * 1.6 - 0.8]));
  ability.set(DEMO_PEOPLE.staff1.staffNo, 0.3);

  const results: EvaluationResult[] = [];
  for (const year of PAST_YEARS) {
    const p = await createPeriod(trx, periodRecord(year), at);
    for (const s of staff) {
      const base = 3 + (ability.get(s.staffNo) ?? 0) + (year - 2021) * 0.05;
      const drawn = gradeOf(base + (rnd.next() - 0.5) * 1.4);
      // staff1 grows over the years, so that their history and pyramid show it.
      const overall =
        s.staffNo === DEMO_PEOPLE.staff1.staffNo ? (STAFF1_OVERALL[year - 2021] ?? drawn) : drawn;
      const items: Record<string, EvaluationGrade> = {};
      const itemBase = s.staffNo === DEMO_PEOPLE.staff1.staffNo ? evaluationPoints(overall) : base;
      for (const c of gradeByCode(s.gradeCode)?.competencies ?? []) {
        items[c.code] = gradeOf(itemBase + (rnd.next() - 0.5) * 1.4);
      }
      results.push({
        periodId: p.id,
        staffNo: s.staffNo,
        unitCode: s.unitCode,
        gradeCode: s.gradeCode,
        overall,
        items,
        source: 'import',
        confirmedAt: `${year + 1}-03-31T00:00:00.000Z`,
      });
    }
  }
  await upsertResults(trx, results);

  const period = await createPeriod(trx, periodRecord(DEMO_REVIEW_YEAR), at);
  const assignments = defaultAssignments(staff, await listUnits(trx));
  // Evaluators differ: a few rate leniently, a few keep to B.
  const style = new Map<string, 'lenient' | 'central' | 'severe' | 'fair'>();
  const styleOf = (e: string) => {
    let st = style.get(e);
    if (!st) {
      st = rnd.weighted<'lenient' | 'central' | 'severe' | 'fair'>([
        ['fair', 14],
        ['lenient', 3],
        ['central', 3],
        ['severe', 1],
      ]);
      style.set(e, st);
    }
    return st;
  };
  const states = new Map<string, SheetState>();
  for (const a of assignments) {
    const demo = Object.values(DEMO_PEOPLE).some((p) => p.staffNo === a.staffNo);
    const state =
      demo || !a.firstStaffNo
        ? 'goal-setting'
        : rnd.weighted([
            ['goal-setting', 10],
            ['self', 15],
            ['first', 20],
            ['second', 30],
            ['adjust', 25],
          ] as const);
    states.set(a.staffNo, state === 'adjust' && !a.secondStaffNo ? 'second' : state);
  }
  await insertSheets(
    trx,
    period.id,
    assignments.map((a) => {
      const state = states.get(a.staffNo) ?? 'goal-setting';
      return { ...a, state, goalsSubmitted: state !== 'goal-setting' };
    }),
    at,
  );
  const ids = await sheetIdsOfPeriod(trx, period.id);
  const { goals, ratings, history }: SheetContentSeed = { goals: [], ratings: [], history: [] };
  const ORDER = ['goal-setting', 'self', 'first', 'second', 'adjust'];
  const ACTIONS = ['agree-goals', 'self-evaluate', 'first-rate', 'second-rate'];
  for (const a of assignments) {
    const id = ids.get(a.staffNo);
    const st = states.get(a.staffNo) ?? 'goal-setting';
    const level = ORDER.indexOf(st);
    if (!id || level < 1) continue;
    const n = 2 + Math.floor(rnd.next() * 2);
    const start = Math.floor(rnd.next() * GOAL_TEXTS.length);
    for (let g = 0; g < n; g++) {
      const [content, measure] = GOAL_TEXTS[(start + g) % GOAL_TEXTS.length] as readonly [string, string];
      goals.push({
        sheetId: id,
        position: g + 1,
        content,
        outcome: rnd.pick(OUTCOME_CODES),
        difficulty: rnd.pick(GOAL_DIFFICULTIES),
        measure,
      });
    }
    const items = [
      ...(gradeByCode(a.gradeCode)?.competencies.map((c) => c.code) ?? []),
      ...Array.from({ length: n }, (_, g) => `goal:${g + 1}`),
    ];
    const base = 3 + (ability.get(a.staffNo) ?? 0);
    const firstStyle = styleOf(a.firstStaffNo ?? '');
    const bias = firstStyle === 'lenient' ? 0.9 : firstStyle === 'severe' ? -0.8 : 0;
    const rate = (p: number) => gradeOf(firstStyle === 'central' ? 3 + (p - 3) * 0.2 : p + bias);
    const firstGrades = new Map<string, EvaluationGrade>();
    for (const item of [...items, 'overall']) firstGrades.set(item, rate(base + (rnd.next() - 0.5) * 1.4));
    if (level >= 2)
      for (const item of items)
        ratings.push(rating(id, 'self', item, gradeOf(base + 0.3 + (rnd.next() - 0.5) * 1.4)));
    if (level >= 3) for (const [item, g] of firstGrades) ratings.push(rating(id, 'first', item, g));
    if (level >= 4) {
      for (const [item, g] of firstGrades) {
        // The second evaluator mostly confirms, and pulls extreme ratings back now and then.
        const changed = rnd.chance(0.15) ? gradeOf(base + (rnd.next() - 0.5) * 1.0) : g;
        ratings.push(rating(id, 'second', item, changed), rating(id, 'final', item, changed));
      }
    }
    for (let k = 0; k < level; k++) {
      history.push({
        sheetId: id,
        at,
        userId: null,
        loginId: 'demo',
        action: ACTIONS[k] ?? 'agree-goals',
        fromState: ORDER[k] ?? '',
        toState: ORDER[k + 1] ?? '',
        reason: null,
        revision: 0,
      });
    }
  }
  await insertSheetContent(trx, { goals, ratings, history });
  await seedMessages(trx, staff, at);
  return { results: results.length, sheets: assignments.length };
}

function periodRecord(year: number) {
  const d = defaultPhaseDates(year, 'fiscal');
  return {
    fiscalYear: year,
    kind: 'fiscal' as const,
    name: periodName(year, 'fiscal'),
    ...d,
    scaleVersion: EVALUATION_SCALE.version,
  };
}

const STRENGTHS = [
  ['傾聴', '窓口で区民の話を最後まで丁寧に聞いていて、見習いたいと思いました。'],
  ['段取り', 'イベントの準備を早めに進めてくれたおかげで、当日落ち着いて対応できました。'],
  ['助けあい', '忙しいときに声をかけて手伝ってくれて、とても助かりました。'],
  ['改善提案', '申請書の様式を見直す提案で、係全体の確認作業が楽になりました。'],
  ['明るさ', 'いつも笑顔で挨拶してくれて、職場の雰囲気が明るくなっています。'],
] as const;

/** I・メッセージ across the ward (from colleagues without logins), and two to staff1. */
async function seedMessages(
  trx: Db,
  staff: readonly { staffNo: string; unitCode: string }[],
  at: string,
): Promise<void> {
  const rnd = createRandom(20260501);
  const names = await staffNames(trx);
  const rows: Parameters<typeof insertIMessages>[1][number][] = [];
  const add = (to: { staffNo: string; unitCode: string }, from: string, k: number) => {
    const [strength, body] = STRENGTHS[k % STRENGTHS.length] as readonly [string, string];
    const senderName = names.get(from) ?? '同僚';
    rows.push({ senderName, recipientStaffNo: to.staffNo, recipientUnitCode: to.unitCode, strength, body });
  };
  const staff1 = staff.find((s) => s.staffNo === DEMO_PEOPLE.staff1.staffNo);
  if (staff1) {
    add(staff1, DEMO_PEOPLE.evaluator1.staffNo, 0);
    add(staff1, DEMO_PEOPLE.evaluator2.staffNo, 2);
  }
  for (let i = 0; i < 400; i++) add(rnd.pick(staff), rnd.pick(staff).staffNo, i);
  await insertIMessages(trx, rows, at);
}
