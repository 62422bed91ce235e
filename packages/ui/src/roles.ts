import type { Role } from './api.js';

// Who may open the recruit app's pages; the API enforces the same on its routes.
const RECRUIT_ROLES: readonly Role[] = ['hr', 'recruiter', 'interviewer'];

/** HR's own pages (organisation and staff); the API enforces the same. */
export function isHr(user: { roles: readonly Role[] } | null | undefined): boolean {
  return !!user && user.roles.includes('hr');
}

export function canUseRecruit(user: { roles: readonly Role[] } | null | undefined): boolean {
  return !!user && user.roles.some((role) => RECRUIT_ROLES.includes(role));
}
