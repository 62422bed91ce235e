// An evaluation sheet: goals, ratings and comments, saved or moved on through the workflow by its actions.
import { fail } from '@sveltejs/kit';
import { GOALS_MAX, type Goal } from '@jinzai/model';
import { apiClient, data, result } from '@jinzai/ui/client';
import type { Actions, PageServerLoad } from './$types';

type SheetRoute = ReturnType<typeof apiClient>['review']['sheets'][':id'];
type SaveBody = Parameters<SheetRoute['$put']>[0]['json'];
type ActBody = Parameters<SheetRoute['actions']['$post']>[0]['json'];

export const load: PageServerLoad = async ({ fetch, params }) => ({
  sheet: await data(
    apiClient(fetch).review.sheets[':id'].$get({ param: { id: encodeURIComponent(params.id) } }),
  ),
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
    // The form's strings go to the API as they are: it validates them and answers a 400 the form shows.
    const json = content(form) as SaveBody;
    const r = await result(
      apiClient(fetch).review.sheets[':id'].$put({ param: { id: encodeURIComponent(params.id) }, json }),
    );
    if (!r.ok) {
      const { status, message } = r.failure.data;
      return fail(status, { error: message, conflict: status === 409 });
    }
    return { saved: true };
  },
  act: async ({ fetch, params, request }) => {
    const form = await request.formData();
    const action = text(form, 'action');
    const reason = text(form, 'reason');
    const json = { ...content(form), action, ...(reason ? { reason } : {}) } as ActBody;
    const r = await result(
      apiClient(fetch).review.sheets[':id'].actions.$post({
        param: { id: encodeURIComponent(params.id) },
        json,
      }),
    );
    if (!r.ok) {
      const { status, message, code } = r.failure.data;
      return fail(status, { error: message, conflict: status === 409 && code === 'conflict' });
    }
    return { done: action };
  },
};
