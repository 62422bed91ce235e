// 面談 records (docs/domain.md §10 "面談").
import { z } from 'zod';

/** The kinds of 面談: 期首, 期中, 期末 (the evaluation's phases) and 1on1. */
export const INTERVIEW_KINDS = [
  { code: 'start', nameJa: '期首面談', nameEn: 'Start of period' },
  { code: 'mid', nameJa: '期中面談', nameEn: 'Mid-period' },
  { code: 'end', nameJa: '期末面談', nameEn: 'End of period' },
  { code: 'one-on-one', nameJa: '1on1', nameEn: '1on1' },
] as const;
export type InterviewKind = (typeof INTERVIEW_KINDS)[number]['code'];
export const interviewKindCodes = INTERVIEW_KINDS.map((k) => k.code) as [InterviewKind, ...InterviewKind[]];

const longText = (max: number) => z.string().trim().max(max, `${max}文字以内で入力してください`);

/** A 面談 as an evaluator or HR records it: the private notes are never shown to the person. */
export const interviewSchema = z.object({
  staffNo: z.string().trim().min(1).max(32),
  kind: z.enum(interviewKindCodes),
  heldOn: z.iso.date(),
  topics: longText(2000).min(1, '話したことを入力してください'),
  actions: longText(2000).default(''),
  privateNotes: longText(2000).default(''),
});
export type InterviewInput = z.output<typeof interviewSchema>;
