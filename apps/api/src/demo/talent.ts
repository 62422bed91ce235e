// The demo's talent data (docs/domain.md §10): the training catalogue, completions across the ward, a few
// self-developments waiting for HR, 自己申告 of last year and of this year's open window, a 公募 posting with
// applicants, and 面談 records, so that every talent screen of a new database is filled.
import {
  applyToPosting,
  createPosting,
  findAccount,
  insertDeclarations,
  insertInterview,
  insertSelfDevelopment,
  listUnits,
  setDeclarationWindow,
  staffPlacements,
  upsertCourse,
  upsertTrainingCompletions,
  type Database,
  type TrainingCompletion,
} from '@jinzai/db';
import { createRandom, DEMO_PEOPLE } from '@jinzai/db/demo';
import { DEFAULT_COURSES, LAYER_CODES, tokyoDay } from '@jinzai/model';
import type { Kysely } from 'kysely';

type Db = Kysely<Database>;

const DAY = 86_400_000;
const GOALS = [
  '福祉分野の専門性を高め、相談支援の中核を担いたい',
  'DXを進め、窓口の手続を電子化したい',
  '係長として若手の育成に取り組みたい',
  '企画部門で政策立案に携わりたい',
  '現場の経験を活かして業務改善を進めたい',
] as const;

/** The fiscal year (年度, from 1 April) of a day YYYY-MM-DD. */
const fiscalYearOf = (day: string) => Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) < 4 ? 1 : 0);

export async function seedTalentDemo(
  trx: Db,
  now: Date,
): Promise<{ training: number; declarations: number }> {
  const at = now.toISOString();
  const today = tokyoDay(now);
  const year = fiscalYearOf(today);
  const rnd = createRandom(20261001);
  const staff = await staffPlacements(trx);
  const units = (await listUnits(trx)).filter((u) => u.level !== '部').map((u) => u.code);
  const staff1 = DEMO_PEOPLE.staff1.staffNo;

  for (const c of DEFAULT_COURSES)
    await upsertCourse(
      trx,
      { code: c.code, name: c.nameJa, nameEn: c.nameEn, layer: c.layer, outcome: c.outcome, active: true },
      at,
    );

  // Completions: one to three a person over the last five years; staff1's own history is written out.
  const completions: TrainingCompletion[] = [];
  const seen = new Set<string>();
  const add = (c: TrainingCompletion) => {
    const key = `${c.staffNo}/${c.course}/${c.completedOn}`;
    if (seen.has(key)) return;
    seen.add(key);
    completions.push(c);
  };
  for (const s of staff) {
    if (s.staffNo === staff1) continue;
    for (let k = rnd.int(1, 3); k > 0; k--) {
      const c = rnd.pick(DEFAULT_COURSES);
      const y = rnd.int(year - 4, year);
      add({
        staffNo: s.staffNo,
        course: c.nameJa,
        layer: c.layer,
        completedOn: `${y}-${String(rnd.int(5, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`,
        hours: rnd.pick([2, 3.5, 7, 14]),
      });
    }
  }
  const mine: [string, string, string, number][] = [
    ['コンプライアンス研修', 'stance', `${year - 4}-06-12`, 3.5],
    ['ロジックモデル研修', 'problem', `${year - 2}-07-05`, 7],
    ['DX研修', 'ict', `${year - 1}-09-20`, 14],
    ['キャリアデザイン研修', 'stance', `${year}-05-18`, 7],
  ];
  for (const [course, layer, completedOn, hours] of mine)
    add({ staffNo: staff1, course, layer, completedOn, hours });
  await upsertTrainingCompletions(trx, completions, at);
  await insertSelfDevelopment(
    trx,
    {
      staffNo: staff1,
      course: 'ITパスポート試験',
      layer: 'ict',
      completedOn: `${year}-06-30`,
      hours: 40,
      kind: 'qualification',
      subsidyYen: 7500,
    },
    at,
  );
  for (const s of staff.slice(200, 203))
    await insertSelfDevelopment(
      trx,
      {
        staffNo: s.staffNo,
        course: '公共政策大学院（夜間）',
        layer: 'problem',
        completedOn: `${year}-03-31`,
        hours: 300,
        kind: 'graduate',
        subsidyYen: 200_000,
      },
      at,
    );

  // The window of this year's 自己申告 opened a week ago, for a month; last year's is closed.
  const day = (offset: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + offset * DAY).toISOString().slice(0, 10);
  await setDeclarationWindow(
    trx,
    { fiscalYear: year - 1, opensOn: `${year - 1}-10-01`, closesOn: `${year - 1}-10-31` },
    at,
  );
  await setDeclarationWindow(trx, { fiscalYear: year, opensOn: day(-7), closesOn: day(23) }, at);
  const declarations = [];
  for (const s of staff) {
    for (const fy of [year - 1, year]) {
      // staff1 declared last year; this year's is theirs to make (the walkthrough).
      if (s.staffNo === staff1 ? fy === year : !rnd.chance(fy === year ? 0.35 : 0.7)) continue;
      const wish =
        s.staffNo === staff1
          ? 'move'
          : rnd.weighted([
              ['stay', 5],
              ['move', 3],
              ['either', 2],
            ] as const);
      const wishedUnits =
        wish === 'stay'
          ? []
          : [...new Set([rnd.pick(units), rnd.pick(units)])].filter((u) => u !== s.unitCode);
      declarations.push({
        staffNo: s.staffNo,
        fiscalYear: fy,
        unitCode: s.unitCode,
        gradeCode: s.gradeCode,
        transferWish: wish,
        wishedUnits,
        reason: wish === 'stay' ? '' : '異なる分野の経験を積みたいため',
        careerGoal: s.staffNo === staff1 ? GOALS[1] : rnd.pick(GOALS),
        growthLayer: s.staffNo === staff1 ? 'ict' : rnd.pick(LAYER_CODES),
        circumstances: rnd.chance(0.05) ? '親の介護のため、通勤時間に配慮を希望します' : '',
        managerExamInterest: rnd.chance(0.15),
      });
    }
  }
  await insertDeclarations(trx, declarations, at);

  // A 公募 posting with applicants (staff1 among them).
  const posting = await createPosting(
    trx,
    {
      title: 'DX推進担当（公募）',
      unitCode: units[0] ?? DEMO_PEOPLE.staff1.unitCode,
      gradeMin: 'shuji',
      gradeMax: 'kakaricho',
      needs: { ict: '業務のデジタル化を企画し進める力', interpersonal: '部署を越えた調整力' },
      description: '区の手続の電子化を企画・推進する担当を募集します。',
      deadline: day(20),
    },
    at,
  );
  for (const s of [staff1, ...staff.slice(300, 303).map((x) => x.staffNo)])
    await applyToPosting(
      trx,
      { postingId: posting.id, staffNo: s, statement: '電子申請の拡充に取り組みたい' },
      at,
    );

  // 面談: staff1's 期首 and a 1on1 with evaluator1 (the 期首 holds a private note), and a few across the ward.
  const evaluator1 = await findAccount(trx, 'evaluator1');
  const by = { recordedByUserId: evaluator1?.id ?? null, recordedByName: DEMO_PEOPLE.evaluator1.name };
  await insertInterview(
    trx,
    {
      staffNo: staff1,
      kind: 'start',
      heldOn: `${year}-04-22`,
      topics: '今年度の目標と、DX研修で学んだことの活かし方',
      actions: '電子申請の対象手続を洗い出し、6月までに提案する',
      privateNotes: '異動希望あり。本人の成長意欲が高い',
      ...by,
    },
    at,
  );
  await insertInterview(
    trx,
    {
      staffNo: staff1,
      kind: 'one-on-one',
      heldOn: day(-10),
      topics: '提案の進み具合と困りごと',
      actions: '係長と一緒に関係課へ説明する',
      privateNotes: '',
      ...by,
    },
    at,
  );
  return { training: completions.length, declarations: declarations.length };
}
