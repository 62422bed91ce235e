// Recruitment rounds: inputs, files and retention (docs/interfaces.md "Recruitment", docs/domain.md §2, §9).
// Pure.
import { z } from 'zod';
import { rowSpec, type CellCheck, type RowOf } from '../import-rows.js';
import { normalizeName, normalizeText } from '../org.js';
import { trackCodeSchema } from '../tracks.js';

/** The stages a new round starts with (docs/domain.md §2); HR may rename, add or remove them. */
export const DEFAULT_STAGES = ['書類選考', '一次面接', '二次面接', '最終面接'] as const;

/**
 * Months an applicant's personal data is kept after the round closes, unless they consented to longer
 * (docs/domain.md §9).
 */
export const DEFAULT_RETENTION_MONTHS = 12;
/** Extra months kept when the applicant consented (docs/domain.md §9: a consent flag extends retention). */
export const CONSENT_EXTENSION_MONTHS = 24;

export const ROUND_STATUSES = ['open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const DECISIONS = ['pass', 'hold', 'fail'] as const;
export type Decision = (typeof DECISIONS)[number];

const name = z
  .string()
  .transform((v) => normalizeName(v))
  .pipe(z.string().min(1, '名称を入力してください').max(100));

/**
 * POST /api/recruit/rounds (docs/interfaces.md "Recruitment"): name, track, fiscalYear; stages and retention
 * optional.
 */
export const newRoundSchema = z.object({
  name,
  track: trackCodeSchema,
  fiscalYear: z.number().int().min(2000).max(2100),
  stages: z.array(name).min(1).max(10).optional(),
  retentionMonths: z.number().int().min(1).max(120).optional(),
});
export type NewRound = z.output<typeof newRoundSchema>;

/** Applicant numbers: printable ASCII codes, leading zeros kept (docs/domain.md §8). */
const APPLICANT_NO = /^[0-9A-Za-z_.-]{1,32}$/;

const cell =
  (max: number, required: boolean): CellCheck<string> =>
  (v, issue) => {
    const s = normalizeName(v);
    if (required && s.length === 0) issue('値が入っていません（必須の項目です）');
    else if (s.length > max) issue(`${max}文字以内で入力してください`);
    return s;
  };

export const APPLICANT_COLUMNS = {
  required: ['applicant_no', 'name'],
  optional: ['name_kana', 'email'],
} as const;

/** One row of the applicants CSV (docs/interfaces.md "Recruitment"): applicant_no,name,name_kana,email. */
export const applicantRowSpec = rowSpec('applicantRowSpec', APPLICANT_COLUMNS, {
  applicant_no: (v, issue) => {
    const s = normalizeText(v);
    if (!APPLICANT_NO.test(s)) issue('英数字・ハイフン・下線・ピリオドの32文字以内で指定してください');
    return s;
  },
  name: cell(100, true),
  name_kana: cell(200, false),
  email: (v, issue) => {
    const s = normalizeText(v).toLowerCase();
    if (s !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)) issue('メールアドレスの形式が正しくありません');
    return s;
  },
});
export const applicantRowSchema = applicantRowSpec.schema;
export type ApplicantRow = RowOf<typeof applicantRowSpec.checks>;

/** One applicant added on the screen (same rules as a CSV row). */
export const newApplicantSchema = z.object({
  applicantNo: z.string(),
  name: z.string(),
  nameKana: z.string().default(''),
  email: z.string().default(''),
  consent: z.boolean().default(false),
});

export const SCORE_COLUMNS = {
  required: ['applicant_no', 'rater', 'criterion', 'score'],
  optional: ['stage'],
} as const;

/**
 * One row of the scores CSV (docs/interfaces.md "Recruitment"): applicant_no,rater,criterion,score and an
 * optional stage.
 */
export const scoreRowSpec = rowSpec('scoreRowSpec', SCORE_COLUMNS, {
  applicant_no: cell(32, true),
  rater: cell(64, true),
  criterion: cell(64, true),
  score: (v, issue) => {
    const s = normalizeText(v);
    const n = /^\d+$/.test(s) ? Number(s) : Number.NaN;
    if (!(n >= 1 && n <= 5)) issue('1～5の整数を入力してください');
    return n;
  },
  stage: cell(100, false),
});
export const scoreRowSchema = scoreRowSpec.schema;
export type ScoreRow = RowOf<typeof scoreRowSpec.checks>;

/** A score given on the scoring form: 1–5 or null (not yet scored), with an evidence note. */
export const sheetInputSchema = z.object({
  version: z.number().int().min(0),
  submit: z.boolean().default(false),
  scores: z
    .array(
      z.object({
        criterion: z.string().min(1).max(64),
        score: z.number().int().min(1).max(5).nullable(),
        note: z.string().max(2000).default(''),
      }),
    )
    .max(100),
});
export type SheetInput = z.output<typeof sheetInputSchema>;

/** Adds months to an ISO instant, clamping the day to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const d = new Date(iso);
  const day = d.getUTCDate();
  const target = new Date(
    Date.UTC(
      d.getUTCFullYear(),
      d.getUTCMonth() + months,
      1,
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
    ),
  );
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return target.toISOString();
}

/**
 * When an applicant's personal data must be anonymised (docs/domain.md §9): the round's closing plus its
 * retention period, extended when the applicant consented; null while the round is open.
 */
export function retentionEndsAt(
  closedAt: string | null,
  retentionMonths: number,
  consent: boolean,
): string | null {
  if (closedAt === null) return null;
  return addMonths(closedAt, retentionMonths + (consent ? CONSENT_EXTENSION_MONTHS : 0));
}

/** Whether personal data is due for anonymisation at `now` (docs/domain.md §9). */
export function retentionDue(
  closedAt: string | null,
  retentionMonths: number,
  consent: boolean,
  now: string,
): boolean {
  const end = retentionEndsAt(closedAt, retentionMonths, consent);
  return end !== null && end <= now;
}
