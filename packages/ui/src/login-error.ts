// The sign-in form's error line in the page's language, with the seconds to wait when the API asked for a wait.
import type { LoginFailure } from './api.js';
import { t, type Lang } from './i18n/index.js';

/** What the sign-in action returned on failure (`fail(…)` in signInPage). */
export interface LoginFormResult {
  loginId?: string;
  error?: LoginFailure | 'missing';
  retryAfterSeconds?: number;
}

/** The message for a failed sign-in, or null when there is none. */
export function loginErrorText(lang: Lang, form: LoginFormResult | null | undefined): string | null {
  if (!form?.error) return null;
  if (form.error === 'rateLimited' && form.retryAfterSeconds) {
    return t(lang, 'login.error.rateLimitedFor', { seconds: form.retryAfterSeconds });
  }
  return t(lang, `login.error.${form.error}`);
}
