import { z } from 'zod';
import type { OutcomeCode } from './logic-model.js';

export const KPI_CODES = [
  'q01',
  'q02',
  'q03',
  'q04',
  'q05',
  'q06',
  'q07',
  'q08',
  'q09',
  'q10',
  'q11',
  'q12',
  'q13',
  'q14',
  'q15',
] as const;
export type KpiCode = (typeof KPI_CODES)[number];
export const kpiCodeSchema = z.enum(KPI_CODES);

/** The KPI target rule (policy IV-3-(1)): 3.000, or 2.500 where the baseline is under 2.500. */
export function kpiTarget(baseline: number): number {
  if (!Number.isFinite(baseline)) throw new RangeError(`baseline must be a finite number, got ${baseline}`);
  // The policy compares the baseline as printed, to 3 decimals; rounding the same way keeps a baseline shown as
  // 2.500 from getting the lower target.
  return Number(baseline.toFixed(3)) < 2.5 ? 2.5 : 3;
}

export interface KpiQuestion {
  code: KpiCode;
  outcome: OutcomeCode;
  /** 成果指標, as the policy names it. */
  indicatorJa: string;
  /** The full question of the staff survey, without the leading 「Q:」. */
  questionJa: string;
  shortJa: string;
  questionEn: string;
  /** A heading-length name of the question (a table's column, a chart's axis), in Japanese and English. */
  labelJa: string;
  labelEn: string;
  /** Mean of the March 2024 survey, as printed in the policy. */
  baseline: number;
  /** Computed from the baseline by kpiTarget, never typed in. */
  target: number;
}

type Row = Omit<KpiQuestion, 'target'>;

const ROWS: readonly Row[] = [
  {
    code: 'q01',
    outcome: '11',
    indicatorJa: '品川区は働きやすいと思う職員の割合',
    questionJa:
      '品川区はシフト勤務やテレワーク、子の看護のための休暇や介護休暇等、働き続ける上での制度が整っている。',
    labelJa: '制度の整備',
    labelEn: 'Support schemes',
    shortJa: '働き続ける上での制度が整っている',
    questionEn:
      'Shinagawa has the schemes that let me keep working, such as shift work, telework, leave to nurse a sick child and family-care leave.',
    baseline: 2.577,
  },
  {
    code: 'q02',
    outcome: '12',
    indicatorJa: '仕事を楽しんでいると感じる職員の割合',
    questionJa: '仕事を楽しんでいると感じる。',
    labelJa: '仕事の楽しさ',
    labelEn: 'Enjoying work',
    shortJa: '仕事を楽しんでいると感じる',
    questionEn: 'I feel that I enjoy my work.',
    baseline: 2.608,
  },
  {
    code: 'q03',
    outcome: '12',
    indicatorJa: '仕事が充実していると感じる職員の割合',
    questionJa: '自分の仕事が誰かの役に立っているという実感がある。',
    labelJa: '役立ち感',
    labelEn: 'Being of use',
    shortJa: '自分の仕事が誰かの役に立っている',
    questionEn: 'I feel that my work is of use to someone.',
    baseline: 2.972,
  },
  {
    code: 'q04',
    outcome: '13',
    indicatorJa: '職場の人に影響を受けて始めたことがある職員の割合',
    questionJa:
      '仕事の進め方や取り組み方、自己研鑽の姿勢等、職場の人から良い刺激や影響を受けて始めたことがある。',
    labelJa: '良い刺激',
    labelEn: 'Inspired by others',
    shortJa: '職場の人から良い刺激や影響を受けて始めたことがある',
    questionEn:
      'I have started something, such as a way of working or an approach to self-improvement, inspired or influenced by people at work.',
    baseline: 2.753,
  },
  {
    code: 'q05',
    outcome: '13',
    indicatorJa: '職場の人にプラスのフィードバックをした職員の割合',
    questionJa: '職場の人の良いところを見つけて、その人に直接伝えることがよくある。',
    labelJa: '良さを伝える',
    labelEn: 'Telling good points',
    shortJa: '職場の人の良いところを直接伝えることがよくある',
    questionEn: 'I often notice good things about people at work and tell them directly.',
    baseline: 2.804,
  },
  {
    code: 'q06',
    outcome: '01',
    indicatorJa: '自分で働き方を選べると感じる職員の割合',
    questionJa: '品川区では勤務や休暇に関する制度を利用して、自分で働き方を自由に選べる。',
    labelJa: '働き方の選択',
    labelEn: 'Choosing how to work',
    shortJa: '自分で働き方を自由に選べる',
    questionEn: 'In Shinagawa I can freely choose how I work, using the working-hours and leave schemes.',
    baseline: 2.29,
  },
  {
    code: 'q07',
    outcome: '02',
    indicatorJa: '職場内に困ったときに相談できる人・機関がある職員の割合',
    questionJa: '職場内に困ったときに相談できる人や相談できる窓口がある。',
    labelJa: '相談先',
    labelEn: 'Someone to ask',
    shortJa: '困ったときに相談できる人や窓口がある',
    questionEn: 'At work there is someone or somewhere I can turn to when I have a problem.',
    baseline: 2.506,
  },
  {
    code: 'q08',
    outcome: '03',
    indicatorJa: '適材適所の人員配置がされていると感じる職員の割合',
    questionJa: '品川区では、適材適所の人員配置がされている。',
    labelJa: '適材適所',
    labelEn: 'Right person, right post',
    shortJa: '適材適所の人員配置がされている',
    questionEn: 'In Shinagawa, people are placed where they fit best.',
    baseline: 2.024,
  },
  {
    code: 'q09',
    outcome: '03',
    indicatorJa: '適材適所の人員配置がされていると感じる職員の割合',
    questionJa: '今の職場は、自分の希望どおりの配置である。',
    labelJa: '希望の配置',
    labelEn: 'Post asked for',
    shortJa: '今の職場は自分の希望どおりの配置である',
    questionEn: 'My current post is the one I asked for.',
    baseline: 2.557,
  },
  {
    code: 'q10',
    outcome: '03',
    indicatorJa: '適材適所の人員配置がされていると感じる職員の割合',
    questionJa: '今の職場では、自分の能力を活かす機会がある。',
    labelJa: '能力の発揮',
    labelEn: 'Using abilities',
    shortJa: '今の職場では自分の能力を活かす機会がある',
    questionEn: 'In my current post I have chances to use my abilities.',
    baseline: 2.691,
  },
  {
    code: 'q11',
    outcome: '03',
    indicatorJa: '業務の効率化が進んでいると感じる職員の割合',
    questionJa: '品川区ではDXや事業見直し等により、業務の効率化が進んでいる。',
    labelJa: '業務の効率化',
    labelEn: 'More efficient work',
    shortJa: 'DXや事業見直し等により業務の効率化が進んでいる',
    questionEn: 'In Shinagawa, DX, programme reviews and the like are making work more efficient.',
    baseline: 2.166,
  },
  {
    code: 'q12',
    outcome: '04',
    indicatorJa: '職場で業務改善や新規事業の提案を積極的にするようになったと思う職員の割合',
    questionJa: '自分は職場で新たな提案や改善提案を行っている。',
    labelJa: '提案・改善',
    labelEn: 'Proposals',
    shortJa: '自分は職場で新たな提案や改善提案を行っている',
    questionEn: 'I make new proposals or suggest improvements at work.',
    baseline: 2.622,
  },
  {
    code: 'q13',
    outcome: '05',
    indicatorJa: '研修や自己啓発などに積極的に取り組んだ職員の割合',
    questionJa: '自分は研修に自発的に参加したり、職場外での勉強に取り組んでいる。',
    labelJa: '自発的な学び',
    labelEn: 'Learning by choice',
    shortJa: '研修に自発的に参加したり職場外での勉強に取り組んでいる',
    questionEn: 'I take part in training of my own accord or study outside work.',
    baseline: 2.505,
  },
  {
    code: 'q14',
    outcome: '05',
    indicatorJa: '研修や自己啓発が仕事に活きたと感じる職員の割合',
    questionJa: '自分は研修や自己啓発で学んだことが仕事に活かされている。',
    labelJa: '学びの活用',
    labelEn: 'Learning put to use',
    shortJa: '研修や自己啓発で学んだことが仕事に活かされている',
    questionEn: 'What I have learnt through training and self-development is put to use in my work.',
    baseline: 2.741,
  },
  {
    code: 'q15',
    outcome: '06',
    indicatorJa: '職場で自分の頑張りが認められていると感じる職員の割合',
    questionJa: '職場では上司や同僚から自分の頑張りが認められている。',
    labelJa: '頑張りの承認',
    labelEn: 'Efforts recognised',
    shortJa: '上司や同僚から自分の頑張りが認められている',
    questionEn: 'At work, my superiors and colleagues recognise my efforts.',
    baseline: 2.628,
  },
];

/**
 * The fifteen KPI questions of the staff survey (policy IV-3-(2), (3)), in the order of the policy's two tables,
 * each with its baseline and computed target. The policy names each indicator a 割合 (share) but measures it as the
 * mean answer; both the name and the measure are kept as the policy has them.
 */
export const KPI_QUESTIONS: readonly KpiQuestion[] = ROWS.map((r) => ({
  ...r,
  target: kpiTarget(r.baseline),
}));

/** The survey of which the policy prints the baselines (policy IV-3-(1), 令和5年度 職員アンケート). */
export const KPI_BASELINE_SURVEY = {
  nameJa: '令和5年度 職員アンケート',
  conductedJa: '令和6年3月22日～28日',
  conductedFrom: '2024-03-22',
  conductedTo: '2024-03-28',
  fiscalYear: 2023,
  targetJa: '品川区職員 (再任用職員、臨時的任用職員、会計年度任用職員を含む)',
  n: 1736,
  responseRate: 0.546,
} as const;

/** The KPI question with this code (policy IV-3). */
export function kpiByCode(code: KpiCode): KpiQuestion;
export function kpiByCode(code: string): KpiQuestion | undefined;
export function kpiByCode(code: string): KpiQuestion | undefined {
  return KPI_QUESTIONS.find((k) => k.code === code);
}

/** The KPI questions that measure one outcome of the logic model (policy IV-3-(2), (3)). */
export function kpisOfOutcome(outcome: OutcomeCode): KpiQuestion[] {
  return KPI_QUESTIONS.filter((k) => k.outcome === outcome);
}
