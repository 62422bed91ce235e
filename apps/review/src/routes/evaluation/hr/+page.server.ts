// HR's evaluation analytics: the open period's progress, grade distributions, evaluator tendencies, messages.
import { apiClient, data } from '@jinzai/ui/client';
import type { PageServerLoad } from './$types';

export type { Analytics, DistRow, Progress } from '../types';

export const load: PageServerLoad = async ({ fetch, url }) => {
  const review = apiClient(fetch).review;
  const analyticsOf = (fiscalYear: number) =>
    data(review.analytics.$get({ query: { fiscalYear: String(fiscalYear) } }));
  const periods = (await data(review.periods.$get())).periods;
  const years = [...new Set(periods.map((p) => p.fiscalYear))].sort((a, b) => b - a);
  const latest = years[0] ?? new Date().getFullYear();
  // The open period's progress, tendencies and agreement; distributions of the chosen year, by default the latest
  // year that has confirmed results.
  const current = await analyticsOf(latest);
  const asked = Number(url.searchParams.get('fiscalYear'));
  // The default year is the latest with results for at least half as many as its fullest year of the last five.
  const fullest = Math.max(0, ...current.trend.map((r) => r.n));
  const withResults = current.trend.filter((r) => r.n > 0 && r.n >= fullest / 2).map((r) => Number(r.key));
  const fiscalYear =
    Number.isInteger(asked) && years.includes(asked)
      ? asked
      : withResults.length > 0
        ? Math.max(...withResults)
        : latest;
  const analytics = fiscalYear === latest ? current : await analyticsOf(fiscalYear);
  const progress = current.period
    ? await data(review.periods[':id'].progress.$get({ param: { id: String(current.period.id) } }))
    : null;
  const messages = await data(review.messages.counts.$get());
  return { fiscalYear, years, current, analytics, progress, messages };
};
