// HR's accounts: the list, searched and filtered a page at a time; per account disable, enable, an initial
// password and the sign-in method (the first, third and fourth end the person's sessions, so they ask a second
// time first); and the users import. Every call goes through the typed client.
import { error, fail, redirect } from '@sveltejs/kit';
import { isHr } from '@jinzai/ui';
import { apiClient, data, fileProblems, fileUpload, jsonBody, result } from '@jinzai/ui/client';
import { apiQuery, filterSearch, hasEmptyFilter, readFilters } from './filters';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const FORBIDDEN = 'このページを表示する権限がありません';

export const load: PageServerLoad = async ({ locals, fetch, url }) => {
  if (!isHr(locals.user)) error(403, FORBIDDEN);
  const filters = readFilters(url.searchParams);
  // The search form sends its empty fields too: the page's address keeps only the filters that are set.
  if (hasEmptyFilter(url.searchParams)) {
    const search = filterSearch(filters);
    redirect(303, search ? `${url.pathname}?${search}` : url.pathname);
  }
  const { users, total } = await data(apiClient(fetch).users.$get({ query: apiQuery(filters) }));
  return { filters, users, total, self: locals.user?.loginId ?? null };
};

type Source = 'local' | 'directory';

/** What an action on one account posted: whose, their name (for the confirmation), and whether it was confirmed. */
async function rowForm(event: RequestEvent) {
  if (!isHr(event.locals.user)) error(403, FORBIDDEN);
  const form = await event.request.formData();
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  const source = text('source');
  return {
    loginId: text('loginId'),
    name: text('name'),
    confirmed: text('confirmed') === 'yes',
    source: (source === 'directory' ? 'directory' : 'local') as Source,
    users: apiClient(event.fetch).users,
  };
}

/** The typed client's path parameter: a login id may hold `@` or `.`, so it is encoded (the API decodes it). */
const param = (loginId: string) => ({ param: { loginId: encodeURIComponent(loginId) } });

/** A refused action, shown next to the account it was about. */
const refused = (row: string, action: RowAction, failure: { status: number; data: { message: string } }) =>
  fail(failure.status, { row, action, error: failure.data.message });

type RowAction = 'disable' | 'enable' | 'issue' | 'source';

/** The second step: the page asks again, next to the account, before sessions end. */
const confirm = (row: string, action: RowAction, name: string, source?: Source) => ({
  row,
  action,
  confirm: true as const,
  name,
  ...(source ? { source } : {}),
});

export const actions: Actions = {
  disable: async (event) => {
    const { loginId, name, confirmed, users } = await rowForm(event);
    if (!confirmed) return confirm(loginId, 'disable', name);
    const r = await result(users[':loginId'].disable.$post(param(loginId)));
    if (!r.ok) return refused(loginId, 'disable', r.failure);
    return { row: loginId, action: 'disable' as const, done: true as const, sessions: r.value.sessionsEnded };
  },
  enable: async (event) => {
    const { loginId, users } = await rowForm(event);
    const r = await result(users[':loginId'].enable.$post(param(loginId)));
    if (!r.ok) return refused(loginId, 'enable', r.failure);
    return { row: loginId, action: 'enable' as const, done: true as const, sessions: r.value.sessionsEnded };
  },
  issue: async (event) => {
    const { loginId, name, confirmed, users } = await rowForm(event);
    if (!confirmed) return confirm(loginId, 'issue', name);
    const r = await result(users[':loginId']['initial-password'].$post(param(loginId), jsonBody({})));
    if (!r.ok) return refused(loginId, 'issue', r.failure);
    // Shown once, in this answer only: never in a URL, never stored by the page.
    const { password, expiresAt } = r.value;
    return {
      row: loginId,
      action: 'issue' as const,
      issued: { loginId: r.value.loginId, password, expiresAt },
    };
  },
  source: async (event) => {
    const { loginId, name, confirmed, source, users } = await rowForm(event);
    if (!confirmed) return confirm(loginId, 'source', name, source);
    const r = await result(users[':loginId']['auth-source'].$post({ ...param(loginId), json: { source } }));
    if (!r.ok) return refused(loginId, 'source', r.failure);
    return { row: loginId, action: 'source' as const, done: true as const, source: r.value.authSource };
  },
  // The file goes to the API as it is: it detects the encoding, checks every row, and writes all or nothing.
  import: async ({ request, fetch, locals }) => {
    if (!isHr(locals.user)) error(403, FORBIDDEN);
    const file = await fileUpload(await request.formData());
    if (!file) return fail(400, { importError: 'noFile' as const });
    const r = await result(apiClient(fetch).users.$post({}, file));
    if (!r.ok) {
      const { status, message, details } = r.failure.data;
      return fail(status === 403 ? 403 : 400, {
        importError: 'failed' as const,
        message,
        details: fileProblems(details),
      });
    }
    const { rows, created, updated, unchanged } = r.value;
    return { imported: { rows, created, updated, unchanged } };
  },
};
