// The home page: the signed-in person's to-do list across both apps (GET /api/me/tasks).
import { error } from '@sveltejs/kit';
import { canUseRecruit } from '@jinzai/ui';
import { apiClient, data } from '@jinzai/ui/client';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, fetch }) => {
  if (!canUseRecruit(locals.user)) error(403, 'このページを表示する権限がありません');
  return await data(apiClient(fetch).me.tasks.$get());
};
