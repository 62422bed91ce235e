// HR's list of a period's sheets (docs/interfaces.md "Daily work"): searched and filtered a page at a time, and
// the bulk actions 確定, 開示 and 督促 on the sheets ticked, asked about first (a dry run says what will be done and
// skipped), then done. Every call goes through the typed client.
import { error, fail, redirect } from '@sveltejs/kit';
import {
  BULK_SHEET_ACTIONS,
  type BulkSheetAction,
  type BulkSkipReason,
  type SheetRelation,
  type SheetState,
} from '@jinzai/model';
import { isHr } from '@jinzai/ui';
import { apiClient, data, result } from '@jinzai/ui/client';
import { tallyByState } from './bulk-text';
import { apiQuery, filterSearch, hasEmptyFilter, readFilters } from './filters';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const FORBIDDEN = 'このページを表示する権限がありません';

export const load: PageServerLoad = async ({ locals, fetch, url, params }) => {
  if (!isHr(locals.user)) error(403, FORBIDDEN);
  const filters = readFilters(url.searchParams);
  // The search form sends its empty fields too: the page's address keeps only the filters that are set.
  if (hasEmptyFilter(url.searchParams)) {
    const search = filterSearch(filters);
    redirect(303, search ? `${url.pathname}?${search}` : url.pathname);
  }
  const api = apiClient(fetch);
  const param = { id: encodeURIComponent(params.id) };
  const [list, { periods }, { units }] = await Promise.all([
    data(api.review.periods[':id'].sheets.$get({ param, query: apiQuery(filters) })),
    data(api.review.periods.$get()),
    data(api.org.units.$get()),
  ]);
  const period = periods.find((p) => String(p.id) === params.id) ?? null;
  return {
    filters,
    period,
    sheets: list.sheets,
    total: list.total,
    units: units.map((u) => ({ code: u.code, name: u.name, parentCode: u.parentCode, level: u.level })),
  };
};

/** What the bulk form posted: the action, the sheets ticked, and whether the question was answered. */
async function bulkForm(event: RequestEvent) {
  if (!isHr(event.locals.user)) error(403, FORBIDDEN);
  const form = await event.request.formData();
  const action = BULK_SHEET_ACTIONS.find((a) => a === form.get('action')) ?? null;
  const ids = [
    ...new Set(
      form
        .getAll('sheet')
        .map((v) => Number(v))
        .filter((n) => Number.isInteger(n) && n > 0),
    ),
  ];
  // 「条件に合うすべて」: every sheet the list's filters (in the form's address) find, chosen by the API.
  const matching = form.get('scope') === 'matching';
  return { action, ids, matching, confirmed: form.get('confirmed') === 'yes' };
}

/** The list's filters as the bulk route's `matching` takes them. */
function matchingOf(url: URL) {
  const f = readFilters(url.searchParams);
  return {
    ...(f.state ? { state: f.state } : {}),
    ...(f.unit ? { unit: f.unit } : {}),
    ...(f.q ? { q: f.q } : {}),
  };
}

type Skip = { id: number; reason: BulkSkipReason; state: SheetState | null };

export const actions: Actions = {
  bulk: async (event) => {
    const { action, ids, matching, confirmed } = await bulkForm(event);
    if (!action) return fail(400, { bulk: { kind: 'error' as const, action: null, error: 'none' as const } });
    if (ids.length === 0 && !matching)
      return fail(400, { bulk: { kind: 'error' as const, action, error: 'none' as const } });
    const api = apiClient(event.fetch).review.periods[':id'];
    const param = { id: encodeURIComponent(event.params.id) };
    const selection = matching ? { matching: matchingOf(event.url) } : { sheetIds: ids };
    const r = await result(
      api.sheets.actions.$post({ param, json: { action, ...selection, dryRun: !confirmed } }),
    );
    if (!r.ok) {
      const { status, message } = r.failure.data;
      return fail(status, { bulk: { kind: 'error' as const, action, error: 'failed' as const, message } });
    }
    const skipped: Skip[] = r.value.skipped.map((s) => ({ id: s.id, reason: s.reason, state: s.state }));
    if (confirmed) {
      const recipients: SheetRelation[] = (r.value.recipients ?? []).map((x) => x.relation);
      return { bulk: { kind: 'done' as const, action, done: r.value.done.length, skipped, recipients } };
    }
    if (r.value.matched) {
      // Every sheet the filters find: the API counted them by step.
      const { total, states: tally } = r.value.matched;
      return {
        bulk: {
          kind: 'ask' as const,
          action: action as BulkSheetAction,
          scope: 'matching' as const,
          ids: [],
          total,
          tally,
          skipped,
        },
      };
    }
    // The question names the steps of the sheets ticked, as the list holds them now.
    const list = await data(api.sheets.$get({ param, query: apiQuery(readFilters(event.url.searchParams)) }));
    const stateOf = new Map<number, SheetState | null>(list.sheets.map((s) => [s.id, s.state]));
    for (const s of skipped) if (!stateOf.has(s.id)) stateOf.set(s.id, s.state);
    return {
      bulk: {
        kind: 'ask' as const,
        action: action as BulkSheetAction,
        scope: 'ids' as const,
        ids,
        total: ids.length,
        tally: tallyByState(ids.map((id) => stateOf.get(id) ?? null)),
        skipped,
      },
    };
  },
};
