import { fail } from '@sveltejs/kit';
import { GOALS_MAX, type Goal } from '@jinzai/model';
import { apiGet, apiSend } from '$lib/server/review-api';
import type { SheetData } from '../../types';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => ({
  sheet: await apiGet<SheetData>(fetch, `/sheets/${encodeURIComponent(params.id)}`),
});

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** The body of a save or an action, from the form: goals when the goals are open, else the caller's ratings. */
function content(form: FormData): Record<string, unknown> {
  const part = text(form, 'part');
  const body: Record<string, unknown> = { version: Number(text(form, 'version')) };
  if (part === 'goals') {
    const goals: Goal[] = [];
    for (let i = 1; i <= GOALS_MAX; i++) {
      const c = text(form, `goal-${i}-content`);
      if (c === '') continue;
      goals.push({
        content: c,
        outcome: text(form, `goal-${i}-outcome`) as Goal['outcome'],
        difficulty: text(form, `goal-${i}-difficulty`) as Goal['difficulty'],
        measure: text(form, `goal-${i}-measure`),
      });
    }
    body['goals'] = goals;
  } else if (part !== '') {
    const ratings: { item: string; rating: string | null; comment?: string }[] = [];
    for (const [key, value] of form.entries()) {
      if (!key.startsWith('rating:')) continue;
      const item = key.slice('rating:'.length);
      const comment = text(form, `comment:${item}`);
      ratings.push({
        item,
        rating: String(value) === '' ? null : String(value),
        ...(comment ? { comment } : {}),
      });
    }
    body['ratings'] = ratings;
  }
  return body;
}

export const actions: Actions = {
  save: async ({ fetch, params, request }) => {
    const form = await request.formData();
    const res = await apiSend(fetch, 'PUT', `/sheets/${encodeURIComponent(params.id)}`, content(form));
    if (!res.ok)
      return fail(res.error.status, { error: res.error.message, conflict: res.error.status === 409 });
    return { saved: true };
  },
  act: async ({ fetch, params, request }) => {
    const form = await request.formData();
    const action = text(form, 'action');
    const reason = text(form, 'reason');
    const res = await apiSend(fetch, 'POST', `/sheets/${encodeURIComponent(params.id)}/actions`, {
      ...content(form),
      action,
      ...(reason ? { reason } : {}),
    });
    if (!res.ok)
      return fail(res.error.status, {
        error: res.error.message,
        conflict: res.error.status === 409 && res.error.code === 'conflict',
      });
    return { done: action };
  },
};
