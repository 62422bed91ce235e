// A custom survey's results: each item's figures, and a choice item crossed with a respondent attribute.
import { apiClient, data } from '@jinzai/ui/client';
import type { Output } from '@jinzai/ui/client';
import type { PageServerLoad } from './$types';

export type CrossTab = Output<ReturnType<typeof apiClient>['surveys']['custom'][':id']['crosstab']['$get']>;

const BY = ['age_band', 'unit', 'grade', 'employment_type'] as const;

export const load: PageServerLoad = async ({ fetch, params, url }) => {
  const survey = apiClient(fetch).surveys.custom[':id'];
  const results = await data(survey.results.$get({ param: { id: encodeURIComponent(params.id) } }));
  const choiceItems = results.survey.items.flatMap((it, i) => (it.kind === 'choice' ? [i] : []));
  const wanted = Number(url.searchParams.get('item'));
  const item = choiceItems.includes(wanted) ? wanted : choiceItems[0];
  const byParam = url.searchParams.get('by');
  const by = BY.find((b) => b === byParam) ?? 'age_band';
  const crossTab =
    item === undefined
      ? null
      : await data(
          survey.crosstab.$get({
            param: { id: encodeURIComponent(params.id) },
            query: { item: String(item), by },
          }),
        );
  return { results, choiceItems, item, by, byOptions: BY, crossTab };
};
