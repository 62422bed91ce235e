import { z } from 'zod';

export const PROGRAMME_CODES = [
  'shift-work',
  'telework',
  'annual-leave',
  'family-care-leave',
  'partial-leave',
  'child-nursing-leave',
  'short-hours-childcare',
  'paternity-leave',
  'sick-leave',
  'sick-absence',
] as const;
export type ProgrammeCode = (typeof PROGRAMME_CODES)[number];
export const programmeCodeSchema = z.enum(PROGRAMME_CODES);

export interface Programme {
  code: ProgrammeCode;
  nameJa: string;
  nameEn: string;
}

/**
 * The schemes whose use the policy tracks each year, without baseline or target, to follow demand (policy IV-3,
 * note ※6), in the policy's order. 男性の育児休業等 stands for the policy's 「男性の育児休業等の子育て関係休暇」.
 */
export const PROGRAMMES: readonly Programme[] = [
  { code: 'shift-work', nameJa: 'シフト勤務', nameEn: 'Shift work' },
  { code: 'telework', nameJa: 'テレワーク', nameEn: 'Telework' },
  { code: 'annual-leave', nameJa: '年次有給休暇', nameEn: 'Annual paid leave' },
  { code: 'family-care-leave', nameJa: '介護休暇', nameEn: 'Family-care leave' },
  { code: 'partial-leave', nameJa: '部分休業', nameEn: 'Partial leave (shortened hours)' },
  { code: 'child-nursing-leave', nameJa: '子の看護休暇', nameEn: 'Leave to nurse a sick child' },
  { code: 'short-hours-childcare', nameJa: '育児短時間勤務', nameEn: 'Short-hours work for childcare' },
  {
    code: 'paternity-leave',
    nameJa: '男性の育児休業等',
    nameEn: 'Childcare leave taken by men, and related leave',
  },
  { code: 'sick-leave', nameJa: '病気休暇', nameEn: 'Sick leave' },
  { code: 'sick-absence', nameJa: '病気休職', nameEn: 'Sick absence (leave of absence on medical grounds)' },
];

/** Where the policy asks for the use counts: outcome 11 (利用者数) and outcome 01 (利用率) (policy IV-3). */
export const PROGRAMME_TRACKING = {
  outcomes: ['11', '01'],
  indicatorsJa: {
    '11': '各制度の利用者数、病気休暇・休職の人数',
    '01': '各制度の利用率',
  },
  noteJa:
    '制度の利用者数については基準値や目標値を設定せず、利用者の動向や制度のニーズの把握のために確認します。',
} as const;

/** The tracked programme with this code (policy IV-3, ※6). */
export function programmeByCode(code: ProgrammeCode): Programme;
export function programmeByCode(code: string): Programme | undefined;
export function programmeByCode(code: string): Programme | undefined {
  return PROGRAMMES.find((p) => p.code === code);
}
