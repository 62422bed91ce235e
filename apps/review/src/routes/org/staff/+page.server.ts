// HR's staff roster (docs/interfaces.md "Daily work"): searched by 職員番号, name or kana, filtered by unit (with the
// units under it), grade and employment type, sorted and paged; the export takes everyone the filters find.
import { error, redirect } from '@sveltejs/kit';
import { isHr } from '@jinzai/ui';
import { createApi } from '@jinzai/ui/api';
import { apiClient, data } from '@jinzai/ui/client';
import { apiQuery, filterSearch, hasEmptyFilter, readFilters } from './filters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, fetch, url }) => {
  if (!isHr(locals.user)) error(403, 'このページを表示する権限がありません');
  const filters = readFilters(url.searchParams);
  // The search form sends its empty fields too: the page's address keeps only the filters that are set.
  if (hasEmptyFilter(url.searchParams)) {
    const search = filterSearch(filters);
    redirect(303, search ? `${url.pathname}?${search}` : url.pathname);
  }
  const api = apiClient(fetch);
  const [list, { units }, { grades }] = await Promise.all([
    data(api.org.staff.$get({ query: apiQuery(filters) })),
    data(api.org.units.$get()),
    createApi(fetch).grades(),
  ]);
  return {
    filters,
    staff: list.staff,
    total: list.total,
    units: units.map((u) => ({ code: u.code, name: u.name, parentCode: u.parentCode, level: u.level })),
    grades: grades.map((g) => ({ code: g.code, nameJa: g.nameJa, nameEn: g.nameEn })),
  };
};
