// The signed-in person's notices (docs/domain.md §12), newest first, a page at a time; opening one marks it read
// and goes where it leads; marking one read stays here. Works without JavaScript.
import { fail, redirect } from '@sveltejs/kit';
import { apiClient, data, result } from '@jinzai/ui/client';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 20;

/** A page number from the address; anything that is not a whole number from 1 up is the first page. */
const pageOf = (text: string | null) => (text && /^[1-9][0-9]{0,5}$/.test(text) ? Number(text) : 1);

export const load: PageServerLoad = async ({ fetch, url }) => {
  const page = pageOf(url.searchParams.get('page'));
  const unreadOnly = url.searchParams.get('unread') === 'yes';
  const body = await data(
    apiClient(fetch).me.notices.$get({
      query: { page: String(page), pageSize: String(PAGE_SIZE), unread: unreadOnly ? 'yes' : 'no' },
    }),
  );
  return { ...body, page, pageSize: PAGE_SIZE, unreadOnly };
};

/** The notice a form posted, as the typed client's path parameter (an id of digits only). */
async function noticeId(request: Request): Promise<string | null> {
  const id = (await request.formData()).get('id');
  return typeof id === 'string' && /^[1-9][0-9]{0,9}$/.test(id) ? id : null;
}

export const actions: Actions = {
  open: async ({ request, fetch }) => {
    const id = await noticeId(request);
    if (!id) return fail(400, { id: null, error: 'お知らせが指定されていません' });
    const r = await result(apiClient(fetch).me.notices[':id'].read.$post({ param: { id } }));
    if (!r.ok) return fail(r.failure.status, { id: Number(id), error: r.failure.data.message });
    // A path on this origin (docs/domain.md §12), in this app or the other one: a full page load there.
    redirect(303, r.value.notice.href);
  },
  read: async ({ request, fetch }) => {
    const id = await noticeId(request);
    if (!id) return fail(400, { id: null, error: 'お知らせが指定されていません' });
    const r = await result(apiClient(fetch).me.notices[':id'].read.$post({ param: { id } }));
    if (!r.ok) return fail(r.failure.status, { id: Number(id), error: r.failure.data.message });
    return { id: r.value.notice.id, marked: true as const };
  },
};
