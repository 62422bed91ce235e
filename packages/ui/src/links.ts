import type { Lang } from './i18n/index.js';

/** The same page in another language: the hook reads `?lang=`, remembers it in a cookie and drops the parameter. */
export function langHref(url: URL, lang: Lang): string {
  const params = new URLSearchParams(url.search);
  params.set('lang', lang);
  return `${url.pathname}?${params.toString()}`;
}
