// The own-account page: its checks before the API, the API's refusals in the page's language, and which paths stay
// open before a first password is set; the sign-in refusals with a message of their own.
import { describe, expect, it } from 'vitest';
import { checkPasswordForm, openBeforePasswordChange, passwordProblem, roleNames } from './account.js';
import { createApi } from './api.js';
import { en, ja, t } from './i18n/index.js';
import { signInPage } from './kit.js';
import { loginErrorText } from './login-error.js';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const fetchOf = (res: () => Response) => (async () => res()) as unknown as typeof globalThis.fetch;

describe('the password form', () => {
  const ok = { current: 'jinzai-demo', password: 'a-long-enough-one', confirm: 'a-long-enough-one' };

  it('asks for every field, 10 characters and the same password twice', () => {
    expect(checkPasswordForm(ok)).toBeNull();
    expect(checkPasswordForm({ ...ok, current: '' })).toMatchObject({
      field: 'current',
      key: 'account.password.missing',
    });
    expect(checkPasswordForm({ ...ok, password: 'short', confirm: 'short' })).toMatchObject({
      field: 'password',
      key: 'account.password.tooShort',
    });
    expect(checkPasswordForm({ ...ok, confirm: 'a-long-enough-two' })).toMatchObject({
      field: 'confirm',
      key: 'account.password.mismatch',
    });
  });

  it('names the field and the known reason of a refusal, else keeps the API message', () => {
    const wrong = {
      message: '現在のパスワードが正しくありません',
      details: [{ field: 'current', message: '現在のパスワードが正しくありません' }],
    };
    expect(passwordProblem(wrong)).toEqual({
      field: 'current',
      key: 'account.password.wrongCurrent',
      message: '現在のパスワードが正しくありません',
    });
    const common = 'よく使われていて推測されやすいパスワードです。別のパスワードにしてください';
    expect(
      passwordProblem({ message: common, details: [{ field: 'password', message: common }] }),
    ).toMatchObject({ field: 'password', key: 'account.password.common' });
    // The request validation names the field by its path.
    expect(
      passwordProblem({
        message: '入力内容に誤りがあります',
        details: [{ path: 'password', message: 'パスワードは10文字以上にしてください' }],
      }),
    ).toMatchObject({ field: 'password', key: 'account.password.tooShort' });
    expect(passwordProblem({ message: 'ディレクトリ側で変更してください' })).toEqual({
      field: null,
      key: null,
      message: 'ディレクトリ側で変更してください',
    });
  });

  it('says the rule and the first-sign-in notice as the ward writes them', () => {
    expect(ja['account.password.rule']).toBe(
      '10文字以上。記号などの組み合わせの決まりはありません。よく使われるパスワードは使えません',
    );
    expect(ja['account.forced']).toBe('初めてのログインです。先にご自分のパスワードを設定してください');
    expect(en['account.forced']).toBe('This is your first sign-in. Please set your own password first');
  });
});

describe('before the first password is set', () => {
  const paths = { loginPath: '/review/login', logoutPath: '/review/logout', accountPath: '/review/account' };

  it('leaves only sign-in, sign-out and the account page open', () => {
    expect(openBeforePasswordChange('/review/account', paths)).toBe(true);
    expect(openBeforePasswordChange('/review/account/', paths)).toBe(true);
    expect(openBeforePasswordChange('/review/logout', paths)).toBe(true);
    expect(openBeforePasswordChange('/review/login', paths)).toBe(true);
    expect(openBeforePasswordChange('/review/', paths)).toBe(false);
    expect(openBeforePasswordChange('/review/users', paths)).toBe(false);
    expect(openBeforePasswordChange('/review/accounts', paths)).toBe(false);
  });
});

describe('role names', () => {
  it('names the roles of model in the page language and skips unknown codes', () => {
    expect(roleNames('ja', ['staff', 'hr', 'nobody'])).toBe('人事担当・職員');
    expect(roleNames('en', ['evaluator'])).toBe('Evaluator');
    expect(roleNames('ja', [])).toBe(t('ja', 'account.none'));
  });
});

describe('sign-in refusals with a message of their own', () => {
  const disabled = () =>
    json(403, {
      error: {
        code: 'account_disabled',
        message: 'このアカウントは無効になっています。人事担当にお問い合わせください',
      },
    });

  it('carries the code and the message from the API to the form', async () => {
    expect(await createApi(fetchOf(disabled)).login({ loginId: 'a', password: 'b' })).toEqual({
      ok: false,
      status: 403,
      reason: 'refused',
      code: 'account_disabled',
      message: 'このアカウントは無効になっています。人事担当にお問い合わせください',
    });
    const expired = () =>
      json(401, { error: { code: 'password_expired', message: '初期パスワードの有効期限が切れています' } });
    expect(await createApi(fetchOf(expired)).login({ loginId: 'a', password: 'b' })).toMatchObject({
      status: 401,
      reason: 'refused',
      code: 'password_expired',
    });
    const down = () => json(503, { error: { code: 'directory_unavailable', message: '接続できません' } });
    expect(await createApi(fetchOf(down)).login({ loginId: 'a', password: 'b' })).toMatchObject({
      status: 503,
      reason: 'refused',
      code: 'directory_unavailable',
    });
    // Any other 401 stays the wrong-password answer.
    const wrong = () => json(401, { error: { code: 'invalid_credentials', message: 'x' } });
    expect(await createApi(fetchOf(wrong)).login({ loginId: 'a', password: 'b' })).toEqual({
      ok: false,
      status: 401,
      reason: 'invalid',
    });
  });

  it('passes them from the sign-in action to the page, which shows them in both languages', async () => {
    const { actions } = signInPage({ home: '/review', loginPath: '/review/login' });
    const form = new FormData();
    form.set('loginId', 'left');
    form.set('password', 'pw');
    const result = await actions.default({
      request: new Request('http://localhost/review/login', { method: 'POST', body: form }),
      fetch: fetchOf(disabled),
      url: new URL('http://localhost/review/login'),
    } as unknown as Parameters<typeof actions.default>[0]);
    expect(result).toMatchObject({ status: 403, data: { error: 'refused', code: 'account_disabled' } });
    const data = (result as { data: Parameters<typeof loginErrorText>[1] }).data;
    expect(loginErrorText('ja', data)).toBe(
      'このアカウントは無効になっています。人事担当にお問い合わせください',
    );
    expect(loginErrorText('en', data)).toBe('This account has been disabled. Please contact HR');
    expect(loginErrorText('ja', { error: 'refused', code: 'not_on_roster' })).toBe(
      ja['login.refused.not_on_roster'],
    );
  });
});
