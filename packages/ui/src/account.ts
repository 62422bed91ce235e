// The own-account page's pure parts (both apps): who must set their password first, and what a failed password
// change says, field by field, in the page's language.
import { ROLES } from '@jinzai/model';
import { t, type Lang, type MessageKey } from './i18n/index.js';

/** The password form's fields. */
export type PasswordField = 'current' | 'password' | 'confirm';

/** A failed password change as the page shows it: next to a field, or above the form. */
export interface PasswordProblem {
  field: PasswordField | null;
  /** The message key when the problem is one the page knows; else the API's own (Japanese) message. */
  key: MessageKey | null;
  message: string;
}

/** The API's messages for a refused password, mapped to the page's keys (the English page needs its own words). */
const KNOWN: Readonly<Record<string, MessageKey>> = {
  現在のパスワードが正しくありません: 'account.password.wrongCurrent',
  パスワードは10文字以上にしてください: 'account.password.tooShort',
  パスワードは200文字以内にしてください: 'account.password.tooLong',
  'よく使われていて推測されやすいパスワードです。別のパスワードにしてください': 'account.password.common',
  ログインIDを含むパスワードは使えません: 'account.password.hasLoginId',
  今のパスワードとは別のパスワードにしてください: 'account.password.sameAsCurrent',
  同じ文字の繰り返しだけのパスワードは使えません: 'account.password.repeated',
};

const asField = (value: unknown): PasswordField | null =>
  value === 'current' || value === 'password' ? value : null;

/**
 * Reads a failed `POST /api/me/password`: the field its details name (`field` from the service, `path` from the
 * request validation) and the message, with a key when the message is a known one.
 */
export function passwordProblem(failure: { message: string; details?: unknown }): PasswordProblem {
  const first = Array.isArray(failure.details)
    ? (failure.details as { field?: unknown; path?: unknown; message?: unknown }[])[0]
    : undefined;
  const field = asField(first?.field ?? first?.path);
  const message = typeof first?.message === 'string' && field ? first.message : failure.message;
  return { field, key: KNOWN[message] ?? null, message };
}

/** The checks the form makes before asking the API: every field filled, 10 to 200 characters, the same twice. */
export function checkPasswordForm(input: {
  current: string;
  password: string;
  confirm: string;
}): PasswordProblem | null {
  const problem = (field: PasswordField, key: MessageKey): PasswordProblem => ({ field, key, message: '' });
  if (!input.current) return problem('current', 'account.password.missing');
  if (!input.password) return problem('password', 'account.password.missing');
  if (input.password.length < 10) return problem('password', 'account.password.tooShort');
  if (input.password.length > 200) return problem('password', 'account.password.tooLong');
  if (input.confirm !== input.password) return problem('confirm', 'account.password.mismatch');
  return null;
}

/** Whether a path of the app stays open to someone who must set their own password first. */
export function openBeforePasswordChange(
  pathname: string,
  paths: { loginPath: string; logoutPath: string; accountPath: string },
): boolean {
  const path = pathname.replace(/\/+$/, '') || '/';
  return [paths.loginPath, paths.logoutPath, paths.accountPath].some((p) => p.replace(/\/+$/, '') === path);
}

/** Role codes as the screens name them (ROLE_LABELS of model, via the `role.*` messages), joined with ・. */
export function roleNames(lang: Lang, roles: readonly string[]): string {
  const known = ROLES.filter((role) => roles.includes(role));
  return known.length > 0 ? known.map((role) => t(lang, `role.${role}`)).join('・') : t(lang, 'account.none');
}
