// The users page's search and filters as they travel in the page's URL (links, the search form, the action URLs),
// and what they ask of the API.
import { ROLES, type Role } from '@jinzai/model';

/** Accounts per page of the list. */
export const PAGE_SIZE = 50;

export type YesNo = 'yes' | 'no';

export interface UserFilters {
  q: string;
  role: Role | null;
  signedIn: YesNo | null;
  active: YesNo | null;
  page: number;
}

const yesNo = (value: string | null): YesNo | null => (value === 'yes' || value === 'no' ? value : null);

/** The filters of a URL's search; what is not a valid value is no filter. */
export function readFilters(params: URLSearchParams): UserFilters {
  const role = params.get('role');
  const page = Number(params.get('page'));
  return {
    q: (params.get('q') ?? '').trim().slice(0, 100),
    role: ROLES.find((r) => r === role) ?? null,
    signedIn: yesNo(params.get('signedIn')),
    active: yesNo(params.get('active')),
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The filters as a URL search (without `?`), on page `page`; the first page is left out. */
export function filterSearch(f: UserFilters, page = f.page): string {
  const params = new URLSearchParams();
  if (f.q) params.set('q', f.q);
  if (f.role) params.set('role', f.role);
  if (f.signedIn) params.set('signedIn', f.signedIn);
  if (f.active) params.set('active', f.active);
  if (page > 1) params.set('page', String(page));
  return params.toString();
}

/** Whether a search form sent a filter left empty (and no form action is being answered). */
export function hasEmptyFilter(params: URLSearchParams): boolean {
  if ([...params.keys()].some((key) => key.startsWith('/'))) return false;
  return ['q', 'role', 'signedIn', 'active', 'page'].some((key) => params.get(key)?.trim() === '');
}

/** A form action's URL that keeps the list as it is: `?/disable&q=…`, so a page without JavaScript comes back to it. */
export function actionUrl(action: string, f: UserFilters): string {
  const search = filterSearch(f);
  return search ? `?/${action}&${search}` : `?/${action}`;
}

/** The query of GET /api/users for the filters. */
export function apiQuery(f: UserFilters): Record<string, string> {
  return {
    ...(f.q ? { q: f.q } : {}),
    ...(f.role ? { role: f.role } : {}),
    ...(f.signedIn ? { signedIn: f.signedIn } : {}),
    ...(f.active ? { active: f.active } : {}),
    page: String(f.page),
    pageSize: String(PAGE_SIZE),
  };
}

/** "a–b of N": the first and last place shown (0–0 when there are none). */
export function shownRange(page: number, shown: number, total: number): { from: number; to: number } {
  if (shown === 0) return { from: 0, to: 0 };
  const from = (page - 1) * PAGE_SIZE + 1;
  return { from, to: Math.min(total, from + shown - 1) };
}

/** The template of the users import: a UTF-8 BOM (so Excel reads it as UTF-8), the header and one example row. */
export const USERS_TEMPLATE =
  '\uFEFFlogin_id,staff_no,roles,email\r\n000123,000123,interviewer;recruiter,shinagawa.taro@example.jp\r\n';
