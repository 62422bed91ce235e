// HR's organisation page: the unit tree and staff counts, a staff lookup, and unit and staff imports.
import { error, fail } from '@sveltejs/kit';
import { isHr } from '@jinzai/ui';
import { createApi } from '@jinzai/ui/api';
import { apiClient, data, fileProblems, fileUpload, result } from '@jinzai/ui/client';
import { buildTree } from './tree';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, fetch, url }) => {
  if (!isHr(locals.user)) error(403, 'このページを表示する権限がありません');
  const api = apiClient(fetch);
  const [{ summary, units }, { grades }] = await Promise.all([
    data(api.org.units.$get()),
    createApi(fetch).grades(),
  ]);
  const staffNo = url.searchParams.get('staffNo')?.trim() ?? '';
  let lookup = null;
  if (staffNo) {
    const res = await api.org.staff[':staffNo'].$get({ param: { staffNo } });
    // A 404 (no such staff number) is an answer to show, not an error page; its type is not in the route's.
    const staff = (res.status as number) === 404 ? null : await data(res);
    const unit = staff ? units.find((u) => u.code === staff.unitCode) : undefined;
    const grade = staff ? grades.find((g) => g.code === staff.gradeCode) : undefined;
    lookup = { staffNo, staff, unitName: unit?.name ?? null, grade: grade ?? null };
  }
  return { summary, tree: buildTree(units), lookup };
};

export const actions: Actions = {
  // Uploads go to the API as they are: it detects the encoding, checks every row, and writes all or nothing.
  import: async ({ request, fetch, locals }) => {
    if (!isHr(locals.user)) error(403, 'このページを表示する権限がありません');
    const form = await request.formData();
    const kind = form.get('kind') === 'staff' ? 'staff' : 'units';
    const file = await fileUpload(form);
    if (!file) return fail(400, { kind, error: 'noFile' as const });
    const org = apiClient(fetch).org;
    const r =
      kind === 'staff'
        ? await result(org.staff.$post({ query: {} }, file))
        : await result(org.units.$post({}, file));
    if (!r.ok) {
      const { status, message, details } = r.failure.data;
      return fail(status === 403 ? 403 : 400, {
        kind,
        error: 'failed' as const,
        message,
        details: fileProblems(details),
      });
    }
    const { rows, created, updated } = r.value;
    return { kind, result: { rows: rows ?? 0, created: created ?? 0, updated: updated ?? 0 } };
  },
};
