import { fail } from '@sveltejs/kit';
import { apiGet, apiSend } from '$lib/server/review-api';
import type { Actions, PageServerLoad } from './$types';

interface Message {
  id: number;
  senderName: string;
  recipientStaffNo: string;
  recipientName?: string;
  strength: string;
  body: string;
  createdAt: string;
}

export const load: PageServerLoad = async ({ fetch, url }) => {
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 50);
  const found = q
    ? (
        await apiGet<{ staff: { staffNo: string; name: string; unitName: string }[] }>(
          fetch,
          `/colleagues?q=${encodeURIComponent(q)}`,
        )
      ).staff
    : [];
  const messages = await apiGet<{ received: Message[]; sent: Message[] }>(fetch, '/messages');
  return { q, found, to: url.searchParams.get('to') ?? '', ...messages };
};

export const actions: Actions = {
  send: async ({ fetch, request }) => {
    const form = await request.formData();
    const body = {
      recipientStaffNo: String(form.get('recipientStaffNo') ?? '').trim(),
      strength: String(form.get('strength') ?? '').trim(),
      body: String(form.get('body') ?? '').trim(),
    };
    const res = await apiSend(fetch, 'POST', '/messages', body);
    if (!res.ok) return fail(res.error.status, { error: res.error.message, ...body });
    return { sent: true };
  },
};
