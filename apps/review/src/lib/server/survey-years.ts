// Which KPI survey year a page shows: the one asked for in the URL, else the latest with enough answers.
import { apiClient, data } from '@jinzai/ui/client';

/** The fiscal years with answers, and the year to show: the one asked for, else the latest with 5 or more. */
export async function surveyYears(
  fetch: typeof globalThis.fetch,
  url: URL,
): Promise<{ years: number[]; fiscalYear: number }> {
  const { years } = await data(apiClient(fetch).surveys.kpi.years.$get());
  const list = years.map((y) => y.fiscalYear);
  const asked = Number(url.searchParams.get('fiscalYear'));
  // By default the latest year with figures to show: a survey just opened online may have only a few answers.
  const latest = years.filter((y) => y.respondents >= 5).at(-1)?.fiscalYear ?? list.at(-1);
  const fiscalYear =
    Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : (latest ?? new Date().getFullYear());
  return { years: list.includes(fiscalYear) ? list : [...list, fiscalYear].sort(), fiscalYear };
}
