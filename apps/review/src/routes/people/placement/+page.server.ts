// 配置検討 (docs/domain.md §10 "Placement"): for a unit, who wishes to come and to leave, and the headcount by grade
// per unit after the what-if moves HR types (one a line: staff number, unit code). Nothing is stored.
import { error, fail } from '@sveltejs/kit';
import { isHr } from '@jinzai/ui';
import { apiClient, result } from '@jinzai/ui/client';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  if (!isHr(locals.user)) error(403, 'このページを表示する権限がありません');
  return {};
};

export const actions: Actions = {
  default: async ({ fetch, request }) => {
    const form = await request.formData();
    const unitCode = String(form.get('unitCode') ?? '').trim();
    const movesText = String(form.get('moves') ?? '');
    const moves = movesText
      .split(/\r?\n/)
      .map((line) => line.split(/[,，\s]+/).filter(Boolean))
      .filter((cells) => cells.length > 0)
      .map(([staffNo = '', toUnit = '']) => ({ staffNo, toUnit }));
    const r = await result(apiClient(fetch).talent.placement.$post({ json: { unitCode, moves } }));
    if (!r.ok) return fail(r.failure.status, { ...r.failure.data, unitCode, movesText });
    return { view: r.value, unitCode, movesText };
  },
};
