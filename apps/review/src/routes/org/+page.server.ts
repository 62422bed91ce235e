import { error, fail } from '@sveltejs/kit';
import { isHr } from '@jinzai/ui';
import { apiClient, createApi, readApi } from '@jinzai/ui/api';
import { buildTree } from './tree';
import type { Actions, PageServerLoad } from './$types';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const load: PageServerLoad = async ({ locals, fetch, url }) => {
  if (!isHr(locals.user)) error(403, 'このページを表示する権限がありません');
  const api = apiClient(fetch);
  const [{ summary, units }, { grades }] = await Promise.all([
    readApi<{ summary: { units: number; staff: number }; units: Parameters<typeof buildTree>[0] }>(
      await api.org.units.$get(),
    ),
    createApi(fetch).grades(),
  ]);
  const staffNo = url.searchParams.get('staffNo')?.trim() ?? '';
  let lookup = null;
  if (staffNo) {
    const res: Response = await api.org.staff[':staffNo'].$get({ param: { staffNo } });
    const staff = res.status === 404 ? null : await readApi<Record<string, string | number>>(res);
    const unit = staff ? units.find((u) => u.code === staff['unitCode']) : undefined;
    const grade = staff ? grades.find((g) => g.code === staff['gradeCode']) : undefined;
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
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return fail(400, { kind, error: 'noFile' as const });
    const res = await fetch(`/api/org/${kind}`, {
      method: 'POST',
      headers: { 'content-type': file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv' },
      body: await file.arrayBuffer(),
    });
    const body = (await res.json()) as {
      rows?: number;
      created?: number;
      updated?: number;
      error?: { message: string; details?: { row?: number; column?: string; message: string }[] };
    };
    if (!res.ok) {
      return fail(res.status === 403 ? 403 : 400, {
        kind,
        error: 'failed' as const,
        message: body.error?.message ?? '',
        details: Array.isArray(body.error?.details) ? body.error.details : [],
      });
    }
    return { kind, result: { rows: body.rows ?? 0, created: body.created ?? 0, updated: body.updated ?? 0 } };
  },
};
