import type { Lang } from './i18n/index.js';

// Dates are the ward's dates: always shown in Japan time, whatever the server's or browser's zone.
const TIME_ZONE = 'Asia/Tokyo';

const warekiFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: TIME_ZONE,
});
const eraYearFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  timeZone: TIME_ZONE,
});
const westernFormat: Record<Lang, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: TIME_ZONE,
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: TIME_ZONE,
  }),
};

/** A Date, or an ISO string; a bare `YYYY-MM-DD` is that day in Japan. */
export type DateInput = Date | string;

export function toDate(input: DateInput): Date {
  const date =
    typeof input === 'string'
      ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(input) ? `${input}T00:00:00+09:00` : input)
      : input;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(input)}`);
  return date;
}

/** 和暦: 令和6年4月1日 (the first year of an era reads 元年). */
export function formatWareki(input: DateInput): string {
  return warekiFormat.format(toDate(input));
}

/** Western calendar: 2024年4月1日 in Japanese, 1 April 2024 in English. */
export function formatWestern(input: DateInput, lang: Lang = 'ja'): string {
  return westernFormat[lang].format(toDate(input));
}

/** Both forms, as the ward writes dates: 令和6年4月1日（2024年4月1日）. */
export function formatDateBoth(input: DateInput, lang: Lang = 'ja'): string {
  return lang === 'ja'
    ? `${formatWareki(input)}（${formatWestern(input, 'ja')}）`
    : `${formatWestern(input, 'en')} (${formatWareki(input)})`;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: TIME_ZONE,
});

/**
 * A moment as the screens show it, in Japan time: 令和8年4月1日 09:05 in Japanese (和暦), 1 April 2026, 09:05 in
 * English.
 */
export function formatDateTime(input: DateInput, lang: Lang = 'ja'): string {
  const date = toDate(input);
  const time = timeFormat.format(date);
  return lang === 'ja' ? `${formatWareki(date)} ${time}` : `${formatWestern(date, 'en')}, ${time}`;
}

/** 年度 label: '令和6年度 (2024年度)' in Japanese, 'FY2024' in English; the fiscal year starts on 1 April. */
export function fiscalYearLabel(fiscalYear: number, lang: Lang): string {
  if (!Number.isInteger(fiscalYear)) throw new RangeError(`Not a fiscal year: ${fiscalYear}`);
  if (lang === 'en') return `FY${fiscalYear}`;
  const start = new Date(`${String(fiscalYear).padStart(4, '0')}-04-01T00:00:00+09:00`);
  const parts = eraYearFormat.formatToParts(start);
  const era = parts.find((p) => p.type === 'era')?.value ?? '';
  const year = parts.find((p) => p.type === 'year')?.value ?? '';
  return `${era}${year}年度 (${fiscalYear}年度)`;
}

/** A mean as the screens show it: 3 decimals (the JSON keeps full precision); '—' when there is none. */
export function formatMean(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = value.toFixed(3);
  return text === '-0.000' ? '0.000' : text;
}

/** A count or amount with thousands separators (4,000 / 12,345), as every screen and message shows numbers. */
export function formatNumber(value: number, lang: Lang = 'ja'): string {
  return value.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: 20 });
}
