import type { SheetState } from '@jinzai/model';
import { apiGet } from '$lib/server/review-api';
import type { PageServerLoad } from './$types';

export interface QueueItem {
  sheetId: number;
  staffNo: string;
  name: string;
  gradeName: string;
  state: SheetState;
  relation: 'first' | 'second';
  myTurn: boolean;
  due: string | null;
  overdue: boolean;
}

export const load: PageServerLoad = async ({ fetch, url }) => {
  const queue = await apiGet<{ period: { id: number; name: string } | null; sheets: QueueItem[] }>(
    fetch,
    '/queue',
  );
  const mine = url.searchParams.get('mine') === '1';
  return { ...queue, mine, sheets: mine ? queue.sheets.filter((s) => s.myTurn) : queue.sheets };
};
