import type { SheetState } from '@jinzai/model';
import { apiGet } from '$lib/server/review-api';
import type { PageServerLoad } from './$types';

export interface DistRow {
  key: string;
  label: string;
  n: number;
  counts: Record<'S' | 'A' | 'B' | 'C' | 'D', number>;
  mean: number | null;
}

export interface Analytics {
  fiscalYear: number;
  period: { id: number; name: string } | null;
  overall: DistRow | null;
  trend: DistRow[];
  byUnit: DistRow[];
  byGrade: DistRow[];
  byEvaluator: DistRow[];
  evaluators: {
    organisation: { n: number; mean: number | null; central: number | null };
    evaluators: {
      evaluator: string;
      name: string;
      n: number;
      mean: number;
      leniency: number;
      central: number;
      panelDeviation: number | null;
      flags: ('lenient' | 'severe' | 'central')[];
    }[];
  } | null;
  agreement: {
    n: number;
    shareChanged: number | null;
    alpha: number | null;
    items: { n: number; shareChanged: number | null; alpha: number | null };
  } | null;
}

export interface Progress {
  states: SheetState[];
  units: { unitCode: string; unitName: string; counts: Record<string, number>; n: number }[];
  total: Record<string, number>;
}

export const load: PageServerLoad = async ({ fetch, url }) => {
  const periods = (
    await apiGet<{ periods: { id: number; fiscalYear: number; name: string }[] }>(fetch, '/periods')
  ).periods;
  const years = [...new Set(periods.map((p) => p.fiscalYear))].sort((a, b) => b - a);
  const latest = years[0] ?? new Date().getFullYear();
  // The open period's progress, tendencies and agreement; distributions of the chosen year, by default the latest
  // year that has confirmed results.
  const current = await apiGet<Analytics>(fetch, `/analytics?fiscalYear=${latest}`);
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
  const analytics =
    fiscalYear === latest ? current : await apiGet<Analytics>(fetch, `/analytics?fiscalYear=${fiscalYear}`);
  const progress = current.period
    ? await apiGet<Progress>(fetch, `/periods/${current.period.id}/progress`)
    : null;
  const messages = await apiGet<{
    units: { unitCode: string; unitName: string; count: number }[];
    total: number;
  }>(fetch, '/messages/counts');
  return { fiscalYear, years, current, analytics, progress, messages };
};
