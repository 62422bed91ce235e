// The roster's search, filters and order as they travel in the page's URL (the search form, the column headings,
// the pager, the export links) and what they ask of GET /api/org/staff.
import { EMPLOYMENT_TYPES, type EmploymentType } from '@jinzai/model';

/** Staff per page of the list. */
export const PAGE_SIZE = 50;

/** The orders of the list, as the API names them. */
export const ROSTER_SORTS = ['staffNo', 'kana', 'unit', 'grade'] as const;
export type RosterSort = (typeof ROSTER_SORTS)[number];
export type SortOrder = 'asc' | 'desc';

export interface RosterFilters {
  q: string;
  unit: string;
  grade: string;
  employmentType: EmploymentType | null;
  sort: RosterSort;
  order: SortOrder;
  page: number;
}

const FIELDS = ['q', 'unit', 'grade', 'employmentType', 'sort', 'order', 'page'] as const;
const text = (params: URLSearchParams, key: string) => (params.get(key) ?? '').trim().slice(0, 100);

/** The filters of a URL's search; what is not a valid value is no filter (or the default order). */
export function readFilters(params: URLSearchParams): RosterFilters {
  const employmentType = params.get('employmentType');
  const sort = params.get('sort');
  const page = Number(params.get('page'));
  return {
    q: text(params, 'q'),
    unit: text(params, 'unit'),
    grade: text(params, 'grade'),
    employmentType: EMPLOYMENT_TYPES.find((e) => e.code === employmentType)?.code ?? null,
    sort: ROSTER_SORTS.find((s) => s === sort) ?? 'staffNo',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The filters and order as a URL search (without `?`); defaults and the first page are left out. */
export function filterSearch(f: RosterFilters, page = f.page): string {
  const params = new URLSearchParams();
  if (f.q) params.set('q', f.q);
  if (f.unit) params.set('unit', f.unit);
  if (f.grade) params.set('grade', f.grade);
  if (f.employmentType) params.set('employmentType', f.employmentType);
  if (f.sort !== 'staffNo') params.set('sort', f.sort);
  if (f.order === 'desc') params.set('order', 'desc');
  if (page > 1) params.set('page', String(page));
  return params.toString();
}

/** Whether a search form sent a field left empty, or the default order spelled out (the address drops them). */
export function hasEmptyFilter(params: URLSearchParams): boolean {
  return (
    FIELDS.some((key) => params.get(key)?.trim() === '') ||
    params.get('sort') === 'staffNo' ||
    params.get('order') === 'asc'
  );
}

/** The search after a click on a column's heading: that column ascending, or the other way if it is the order. */
export function sortedBy(f: RosterFilters, sort: RosterSort): string {
  const order: SortOrder = f.sort === sort && f.order === 'asc' ? 'desc' : 'asc';
  return filterSearch({ ...f, sort, order }, 1);
}

/** The filters without paging: the query of the API's list (with `page` and `pageSize`) or of its export. */
function filterQuery(f: RosterFilters): Record<string, string> {
  return {
    ...(f.q ? { q: f.q } : {}),
    ...(f.unit ? { unit: f.unit } : {}),
    ...(f.grade ? { grade: f.grade } : {}),
    ...(f.employmentType ? { employmentType: f.employmentType } : {}),
    sort: f.sort,
    order: f.order,
  };
}

/** The query of GET /api/org/staff for the filters. */
export function apiQuery(f: RosterFilters): Record<string, string> {
  return { ...filterQuery(f), page: String(f.page), pageSize: String(PAGE_SIZE) };
}

/** The address of the export of everyone the filters find, as .xlsx or CSV (UTF-8 with BOM). */
export function exportHref(f: RosterFilters, format: 'xlsx' | 'csv'): string {
  const params = new URLSearchParams({ ...filterQuery(f), format });
  if (format === 'csv') params.set('encoding', 'utf-8-bom');
  return `/api/org/staff/export?${params.toString()}`;
}

/** "a–b of N": the first and last place shown (0–0 when there are none), and the number of pages. */
export function shownRange(page: number, shown: number, total: number) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (shown === 0) return { from: 0, to: 0, pages };
  const from = (page - 1) * PAGE_SIZE + 1;
  return { from, to: Math.min(total, from + shown - 1), pages };
}
