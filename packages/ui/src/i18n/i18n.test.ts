import { describe, expect, it } from 'vitest';
import { en, ja, pick, t, isLang } from './index.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('has the same keys in Japanese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
  });

  it('has no empty text', () => {
    for (const dict of [ja, en]) {
      for (const [key, text] of Object.entries(dict)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(ja) as (keyof typeof ja)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(ja[key]));
    }
  });

  it('carries the sign-in errors word for word', () => {
    expect(ja['login.error.invalid']).toBe('ログインIDまたはパスワードが正しくありません');
    expect(ja['login.error.rateLimited']).toBe(
      'ログイン試行が多すぎます。しばらくしてから再度お試しください',
    );
  });
});

describe('t', () => {
  it('returns the text of the language', () => {
    expect(t('ja', 'login.title')).toBe('ログイン');
    expect(t('en', 'login.title')).toBe('Sign in');
  });

  it('fills placeholders and leaves unknown ones alone', () => {
    expect(t('ja', 'review.grade.title', { grade: '課長級' })).toBe('課長級の標準職務遂行能力');
    expect(t('en', 'review.standards.itemCount', { count: 6 })).toBe('6 items');
    expect(t('en', 'review.grade.title')).toBe('Competencies for {grade}');
  });
});

describe('isLang and pick', () => {
  it('accepts only ja and en', () => {
    expect(isLang('ja')).toBe(true);
    expect(isLang('en')).toBe(true);
    expect(isLang('fr')).toBe(false);
    expect(isLang(undefined)).toBe(false);
  });

  it('falls back to Japanese when the English text is missing', () => {
    expect(pick('en', '倫理', 'Ethics')).toEqual({ text: 'Ethics', lang: 'en' });
    expect(pick('en', '倫理', '')).toEqual({ text: '倫理', lang: 'ja' });
    expect(pick('ja', '倫理', 'Ethics')).toEqual({ text: '倫理', lang: 'ja' });
  });

  it('shows the policy labels that model holds, unchanged', () => {
    expect([ja['role.hr'], ja['role.staff'], en['role.interviewer']]).toEqual([
      '人事担当',
      '職員',
      'Interviewer',
    ]);
    expect([ja['rc.band.poor'], ja['rc.band.excellent'], en['rc.band.moderate']]).toEqual([
      '低い',
      '優秀',
      'Moderate',
    ]);
    expect([
      ja['survey.status.achieved'],
      ja['survey.status.not-improving'],
      en['survey.status.achieved'],
    ]).toEqual(['目標達成', '基準値以下', 'Target met']);
    expect(en['survey.status.not-improving']).toBe('At or below baseline');
  });
});
