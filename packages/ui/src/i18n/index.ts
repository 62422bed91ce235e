import { en, ja, type MessageKey, type Messages } from './messages.js';

export { en, ja, type MessageKey, type Messages };

export const LANGS = ['ja', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'ja';

export const dictionaries: Readonly<Record<Lang, Messages>> = { ja, en };

export function isLang(value: unknown): value is Lang {
  return value === 'ja' || value === 'en';
}

export type MessageParams = Readonly<Record<string, string | number>>;

/** The text for `key` in `lang`, with `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const text = dictionaries[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Picks the Japanese or English field of an API object, falling back to Japanese when English is missing. */
export function pick(lang: Lang, ja: string, en: string | null | undefined): { text: string; lang: Lang } {
  return lang === 'en' && en ? { text: en, lang: 'en' } : { text: ja, lang: 'ja' };
}
