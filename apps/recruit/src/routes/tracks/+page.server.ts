// The recruitment home page: the hiring tracks and their weights.
import { error } from '@sveltejs/kit';
import { canUseRecruit } from '@jinzai/ui';
import { createApi } from '@jinzai/ui/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, fetch }) => {
  if (!canUseRecruit(locals.user)) error(403, 'このページを表示する権限がありません');
  return { standards: await createApi(fetch).tracks() };
};
