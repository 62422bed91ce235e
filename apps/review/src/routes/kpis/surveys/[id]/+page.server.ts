import { apiGet } from '$lib/server/survey-api';
import type { PageServerLoad } from './$types';

type Item =
  | { kind: 'agreement'; textJa: string }
  | { kind: 'choice'; textJa: string; options: string[]; maxChoices: number };

interface Results {
  survey: { id: string; titleJa: string; fiscalYear: number; items: Item[] };
  respondents: number;
  items: {
    index: number;
    kind: string;
    textJa: string;
    mean?: number | null;
    n?: number;
    ci95?: [number, number] | null;
    favourable?: number | null;
  }[];
}

export interface CrossTab {
  item: number;
  by: string;
  options: string[];
  total: { respondents: number; counts: (number | null)[]; suppressed: boolean };
  groups: {
    key: string;
    labelJa: string;
    labelEn: string;
    respondents: number | null;
    counts: (number | null)[];
    suppressed: boolean;
  }[];
}

const BY = ['age_band', 'unit', 'grade', 'employment_type'] as const;

export const load: PageServerLoad = async ({ fetch, params, url }) => {
  const results = await apiGet<Results>(
    fetch,
    `/api/surveys/custom/${encodeURIComponent(params.id)}/results`,
  );
  const choiceItems = results.survey.items.flatMap((it, i) => (it.kind === 'choice' ? [i] : []));
  const wanted = Number(url.searchParams.get('item'));
  const item = choiceItems.includes(wanted) ? wanted : choiceItems[0];
  const byParam = url.searchParams.get('by');
  const by = BY.find((b) => b === byParam) ?? 'age_band';
  const crossTab =
    item === undefined
      ? null
      : await apiGet<CrossTab>(
          fetch,
          `/api/surveys/custom/${encodeURIComponent(params.id)}/crosstab?item=${item}&by=${by}`,
        );
  return { results, choiceItems, item, by, byOptions: BY, crossTab };
};
