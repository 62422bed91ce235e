// An evaluator's queue: the sheets they evaluate in the open period, optionally only those waiting for them.
import { apiClient, data } from '@jinzai/ui/client';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url }) => {
  const queue = await data(apiClient(fetch).review.queue.$get({ query: {} }));
  const mine = url.searchParams.get('mine') === '1';
  return { ...queue, mine, sheets: mine ? queue.sheets.filter((s) => s.myTurn) : queue.sheets };
};
