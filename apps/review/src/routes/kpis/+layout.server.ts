import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

// HR analytics: only hr sees them (the API refuses others too; this gives them a clear 403 page at once).
export const load: LayoutServerLoad = ({ locals }) => {
  if (!locals.user?.roles.includes('hr')) error(403, 'forbidden');
  return {};
};
