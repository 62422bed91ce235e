// HR's training records (docs/domain.md §10 "Training"): the completions import (all or nothing), the
// self-developments waiting for approval, and the catalogue with the outcome each course serves.
import { error, fail } from '@sveltejs/kit';
import type { LayerCode, OutcomeCode } from '@jinzai/model';
import { isHr } from '@jinzai/ui';
import { apiClient, data, fileProblems, fileUpload, result } from '@jinzai/ui/client';
import type { Actions, PageServerLoad } from './$types';

const FORBIDDEN = 'このページを表示する権限がありません';

export const load: PageServerLoad = async ({ fetch, locals }) => {
  if (!isHr(locals.user)) error(403, FORBIDDEN);
  const api = apiClient(fetch).talent;
  const [pending, catalogue] = await Promise.all([
    data(api['self-development'].pending.$get()),
    data(api.courses.$get()),
  ]);
  return { pending: pending.records, courses: catalogue.courses };
};

const COURSE_CODE = /^[0-9a-z-]{1,40}$/;

export const actions: Actions = {
  course: async ({ fetch, request }) => {
    const form = await request.formData();
    const text = (k: string) => String(form.get(k) ?? '').trim();
    const code = text('code');
    if (!COURSE_CODE.test(code))
      return fail(400, { message: 'コードは半角英小文字・数字・ハイフンの40文字以内で指定してください' });
    const r = await result(
      apiClient(fetch).talent.courses[':code'].$put({
        param: { code },
        json: {
          name: text('name'),
          nameEn: text('nameEn') || null,
          // Checked by the API (a 400 names a value outside the lists).
          layer: text('layer') as LayerCode,
          outcome: text('outcome') as OutcomeCode,
        },
      }),
    );
    if (!r.ok) return fail(r.failure.status, r.failure.data);
    return { savedCourse: text('name') };
  },
  import: async ({ fetch, request }) => {
    const file = await fileUpload(await request.formData());
    if (!file) return fail(400, { message: 'ファイルを選んでください' });
    const r = await result(apiClient(fetch).talent.training.$post({}, file));
    if (!r.ok) {
      const { status, message, details } = r.failure.data;
      return fail(status, { message, details: fileProblems(details) });
    }
    return { imported: r.value };
  },
  decide: async ({ fetch, request }) => {
    const form = await request.formData();
    const id = String(form.get('id') ?? '');
    const status = form.get('status') === 'rejected' ? 'rejected' : 'approved';
    if (!/^[1-9][0-9]{0,9}$/.test(id)) return fail(400, { message: '記録が指定されていません' });
    const r = await result(
      apiClient(fetch).talent['self-development'][':id'].decision.$post({ param: { id }, json: { status } }),
    );
    if (!r.ok) return fail(r.failure.status, r.failure.data);
    return { decided: true as const };
  },
};
