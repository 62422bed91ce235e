import { describe, expect, it } from 'vitest';
import {
  addMonths,
  applicantRowSchema,
  newRoundSchema,
  retentionDue,
  retentionEndsAt,
  scoreRowSchema,
} from './rounds.js';

describe('retention', () => {
  it('ends 12 months after closing, later with consent, never while open', () => {
    expect(retentionEndsAt(null, 12, false)).toBeNull();
    expect(retentionEndsAt('2026-03-31T00:00:00.000Z', 12, false)).toBe('2027-03-31T00:00:00.000Z');
    expect(retentionEndsAt('2026-03-31T00:00:00.000Z', 12, true)).toBe('2029-03-31T00:00:00.000Z');
    expect(retentionDue('2026-03-31T00:00:00.000Z', 12, false, '2027-03-30T23:59:59.000Z')).toBe(false);
    expect(retentionDue('2026-03-31T00:00:00.000Z', 12, false, '2027-03-31T00:00:00.000Z')).toBe(true);
  });

  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2026-01-31T09:00:00.000Z', 1)).toBe('2026-02-28T09:00:00.000Z');
  });
});

describe('file rows', () => {
  it('normalises applicant rows and checks email', () => {
    expect(
      applicantRowSchema.parse({
        applicant_no: '００１',
        name: ' 品川 花子 ',
        name_kana: 'ｼﾅｶﾞﾜ',
        email: 'A@B.JP',
      }),
    ).toEqual({ applicant_no: '001', name: '品川 花子', name_kana: 'シナガワ', email: 'a@b.jp' });
    expect(
      applicantRowSchema.safeParse({ applicant_no: '1', name: 'x', name_kana: '', email: 'nope' }).success,
    ).toBe(false);
  });

  it('accepts scores 1–5 only', () => {
    const row = (score: string) => ({
      applicant_no: '1',
      rater: 'r',
      criterion: 'potential',
      score,
      stage: '',
    });
    expect(scoreRowSchema.parse(row('５')).score).toBe(5);
    for (const bad of ['0', '6', '2.5', '', 'x'])
      expect(scoreRowSchema.safeParse(row(bad)).success).toBe(false);
  });
});

describe('newRoundSchema', () => {
  it('keeps the name’s Japanese punctuation as typed, and makes its digits half-width', () => {
    const r = newRoundSchema.parse({
      name: '令和９年度 経験者採用（春）',
      track: 'experienced',
      fiscalYear: 2027,
    });
    expect(r.name).toBe('令和9年度 経験者採用（春）');
  });
});
