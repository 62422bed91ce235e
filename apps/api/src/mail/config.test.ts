import { describe, expect, it } from 'vitest';
import { readEnv } from '../env.js';
import { mailConfigFromEnv } from './config.js';

const ORIGIN = 'https://jinzai.example.lg.jp';

describe('mailConfigFromEnv', () => {
  it('is off without SMTP_URL and MAIL_FROM', () => {
    expect(mailConfigFromEnv({})).toBeNull();
    expect(mailConfigFromEnv({ SMTP_URL: ' ', MAIL_FROM: '' })).toBeNull();
  });

  it('reads smtp:// and smtps:// with a plain or named sender', () => {
    expect(
      mailConfigFromEnv({
        SMTP_URL: 'smtp://mail.example.lg.jp:25',
        MAIL_FROM: 'jinzai@example.lg.jp',
        ORIGIN,
      }),
    ).toEqual({ url: 'smtp://mail.example.lg.jp:25', from: 'jinzai@example.lg.jp', origin: ORIGIN });
    expect(
      mailConfigFromEnv({
        SMTP_URL: 'smtps://user:secret@mail.example.lg.jp:465',
        MAIL_FROM: '人材（Jinzai） <jinzai@example.lg.jp>',
        ORIGIN,
      })?.from,
    ).toBe('人材（Jinzai） <jinzai@example.lg.jp>');
  });

  it('refuses half a setting, another scheme, a bad sender or no public origin, without repeating a password', () => {
    const bad = (env: Parameters<typeof mailConfigFromEnv>[0]) => () => mailConfigFromEnv({ ORIGIN, ...env });
    expect(bad({ SMTP_URL: 'smtp://mail.example.lg.jp' })).toThrow(/MAIL_FROM is required/);
    expect(bad({ MAIL_FROM: 'jinzai@example.lg.jp' })).toThrow(/SMTP_URL is required/);
    expect(bad({ SMTP_URL: 'http://mail.example.lg.jp', MAIL_FROM: 'a@b.jp' })).toThrow(
      /smtp:\/\/ or smtps:\/\//,
    );
    expect(bad({ SMTP_URL: 'not a url :secret', MAIL_FROM: 'a@b.jp' })).toThrow(/not a URL/);
    expect(bad({ SMTP_URL: 'not a url :secret', MAIL_FROM: 'a@b.jp' })).not.toThrow(/secret/);
    expect(bad({ SMTP_URL: 'smtp://mail.example.lg.jp', MAIL_FROM: 'jinzai' })).toThrow(
      /MAIL_FROM must be one address/,
    );
    expect(bad({ SMTP_URL: 'smtp://mail.example.lg.jp', MAIL_FROM: 'a@b.jp, c@d.jp' })).toThrow(
      /one address/,
    );
    expect(() => mailConfigFromEnv({ SMTP_URL: 'smtp://mail.example.lg.jp', MAIL_FROM: 'a@b.jp' })).toThrow(
      /ORIGIN is required/,
    );
  });

  it('is checked when the environment is read at start-up', () => {
    expect(() => readEnv({ SMTP_URL: 'smtp://mail.example.lg.jp:25' })).toThrow(/MAIL_FROM/);
    expect(readEnv({ SMTP_URL: 'smtp://m.example.lg.jp', MAIL_FROM: 'a@b.jp', ORIGIN }).SMTP_URL).toBe(
      'smtp://m.example.lg.jp',
    );
  });
});
