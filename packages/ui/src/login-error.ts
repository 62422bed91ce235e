// The sign-in form's error line in the page's language, with the seconds to wait when the API asked for a wait.
import { isLoginRefusal, type LoginFailure } from './api.js';
import { t, type Lang } from './i18n/index.js';

/** What the sign-in action returned on failure (`fail(…)` in signInPage). */
export interface LoginFormResult {
  loginId?: string;
  error?: LoginFailure | 'missing';
  retryAfterSeconds?: number;
  /** A refusal's code (password_expired, account_disabled, …) and the API's message for it. */
  code?: string;
  message?: string;
}

/** The message for a failed sign-in, or null when there is none. */
export function loginErrorText(lang: Lang, form: LoginFormResult | null | undefined): string | null {
  if (!form?.error) return null;
  if (form.error === 'refused') {
    // The API's own words in Japanese; the same message translated in English.
    if (lang === 'ja' && form.message) return form.message;
    return isLoginRefusal(form.code)
      ? t(lang, `login.refused.${form.code}`)
      : (form.message ?? t(lang, 'login.error.unavailable'));
  }
  if (form.error === 'rateLimited' && form.retryAfterSeconds) {
    return t(lang, 'login.error.rateLimitedFor', { seconds: form.retryAfterSeconds });
  }
  return t(lang, `login.error.${form.error}`);
}
