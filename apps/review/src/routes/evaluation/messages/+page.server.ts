// Thank-you messages between colleagues: find a colleague, send one, read those received and sent.
import { fail } from '@sveltejs/kit';
import { canSendIMessages } from '@jinzai/model';
import { apiClient, data, result } from '@jinzai/ui/client';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, locals }) => {
  // Only those who send I・メッセージ search the directory; everyone reads what they received.
  const canSend = !!locals.user && canSendIMessages(locals.user);
  const q = canSend ? (url.searchParams.get('q') ?? '').trim().slice(0, 50) : '';
  const found = q ? (await data(apiClient(fetch).review.colleagues.$get({ query: { q } }))).staff : [];
  const messages = await data(apiClient(fetch).review.messages.$get());
  return { canSend, q, found, to: url.searchParams.get('to') ?? '', ...messages };
};

export const actions: Actions = {
  send: async ({ fetch, request }) => {
    const form = await request.formData();
    const body = {
      recipientStaffNo: String(form.get('recipientStaffNo') ?? '').trim(),
      strength: String(form.get('strength') ?? '').trim(),
      body: String(form.get('body') ?? '').trim(),
    };
    // The form's strings go to the API as they are: it validates them and answers a 400 the form shows.
    const json = body as Parameters<ReturnType<typeof apiClient>['review']['messages']['$post']>[0]['json'];
    const r = await result(apiClient(fetch).review.messages.$post({ json }));
    if (!r.ok) return fail(r.failure.status, { error: r.failure.data.message, ...body });
    return { sent: true };
  },
};
