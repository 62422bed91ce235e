// The sheet list's filters as they travel in the page's URL (the search form, the pager, the progress counts'
// links, the bulk form's action) and what they ask of GET /api/review/periods/{id}/sheets.
import { SHEET_STATES, type SheetState } from '@jinzai/model';

/** Sheets per page of the list. */
export const PAGE_SIZE = 50;

export interface SheetFilters {
  state: SheetState | null;
  unit: string;
  q: string;
  page: number;
}

/** The filters of a URL's search; what is not a valid value is no filter. */
export function readFilters(params: URLSearchParams): SheetFilters {
  const state = params.get('state');
  const page = Number(params.get('page'));
  return {
    state: SHEET_STATES.find((s) => s === state) ?? null,
    unit: (params.get('unit') ?? '').trim().slice(0, 100),
    q: (params.get('q') ?? '').trim().slice(0, 100),
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The filters as a URL search (without `?`), on page `page`; the first page is left out. */
export function filterSearch(f: Omit<SheetFilters, 'page'> & { page?: number }, page = f.page ?? 1): string {
  const params = new URLSearchParams();
  if (f.state) params.set('state', f.state);
  if (f.unit) params.set('unit', f.unit);
  if (f.q) params.set('q', f.q);
  if (page > 1) params.set('page', String(page));
  return params.toString();
}

/** Whether a search form sent a filter left empty (and no form action is being answered). */
export function hasEmptyFilter(params: URLSearchParams): boolean {
  if ([...params.keys()].some((key) => key.startsWith('/'))) return false;
  return ['state', 'unit', 'q', 'page'].some((key) => params.get(key)?.trim() === '');
}

/** A form action's URL that keeps the list as it is, so a page without JavaScript comes back to it. */
export function actionUrl(action: string, f: SheetFilters): string {
  const search = filterSearch(f);
  return search ? `?/${action}&${search}` : `?/${action}`;
}

/** The query of the list's API route for the filters. */
export function apiQuery(f: SheetFilters): Record<string, string> {
  return {
    ...(f.state ? { state: f.state } : {}),
    ...(f.unit ? { unit: f.unit } : {}),
    ...(f.q ? { q: f.q } : {}),
    page: String(f.page),
    pageSize: String(PAGE_SIZE),
  };
}

/** "a–b of N": the first and last place shown (0–0 when there are none), and the number of pages. */
export function shownRange(page: number, shown: number, total: number) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (shown === 0) return { from: 0, to: 0, pages };
  const from = (page - 1) * PAGE_SIZE + 1;
  return { from, to: Math.min(total, from + shown - 1), pages };
}
