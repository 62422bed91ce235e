// HR's 自己申告 (docs/domain.md §10): the year's declarations filtered by wish, unit (with the units under it) and
// interest in the 管理職選考, the summary by unit, and the window HR opens.
import { error, fail, redirect } from '@sveltejs/kit';
import { isHr } from '@jinzai/ui';
import { apiClient, data, result } from '@jinzai/ui/client';
import type { Actions, PageServerLoad } from './$types';

const FORBIDDEN = 'このページを表示する権限がありません';
const WISHES = ['stay', 'move', 'either'] as const;

export const load: PageServerLoad = async ({ fetch, locals, url }) => {
  if (!isHr(locals.user)) error(403, FORBIDDEN);
  const api = apiClient(fetch).talent;
  const { windows } = await data(api['declaration-windows'].$get());
  const yearText = url.searchParams.get('fiscalYear') ?? '';
  const fiscalYear = /^\d{4}$/.test(yearText)
    ? Number(yearText)
    : (windows[0]?.fiscalYear ?? new Date().getFullYear());
  const wish = url.searchParams.get('transferWish') ?? '';
  const unit = (url.searchParams.get('unit') ?? '').trim();
  const exam = url.searchParams.get('managerExam') ?? '';
  const filters = {
    transferWish: (WISHES as readonly string[]).includes(wish)
      ? (wish as (typeof WISHES)[number])
      : undefined,
    unit: unit || undefined,
    managerExam: exam === 'yes' || exam === 'no' ? exam : undefined,
  };
  const query = Object.fromEntries(
    Object.entries({ fiscalYear: String(fiscalYear), ...filters }).filter(([, v]) => v !== undefined),
  ) as { fiscalYear: string };
  const list = await data(api.declarations.$get({ query }));
  return { windows, fiscalYear, filters, ...list };
};

export const actions: Actions = {
  window: async ({ fetch, locals, request }) => {
    if (!isHr(locals.user)) error(403, FORBIDDEN);
    const form = await request.formData();
    const json = {
      fiscalYear: Number(form.get('fiscalYear')),
      opensOn: String(form.get('opensOn') ?? ''),
      closesOn: String(form.get('closesOn') ?? ''),
    };
    const r = await result(apiClient(fetch).talent['declaration-windows'].$post({ json }));
    if (!r.ok) return fail(r.failure.status, r.failure.data);
    redirect(303, `?fiscalYear=${r.value.fiscalYear}&saved=1`);
  },
};
