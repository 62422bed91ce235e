// Which KPI survey year a page shows: the one asked for in the URL, else the year of the survey open now, else the
// latest with enough answers.
import { fiscalYearOf } from '@jinzai/model';
import { apiClient, data } from '@jinzai/ui/client';

/**
 * The fiscal years with answers, and the year to show: the one asked for; while this year's survey is open, its
 * year (HR follows it as the answers come in); else the latest with 5 or more answers.
 */
export async function surveyYears(
  fetch: typeof globalThis.fetch,
  url: URL,
  now = new Date(),
): Promise<{ years: number[]; fiscalYear: number }> {
  const kpi = apiClient(fetch).surveys.kpi;
  const current = fiscalYearOf(now);
  const [{ years }, status] = await Promise.all([
    data(kpi.years.$get()),
    data(kpi[':fiscalYear'].status.$get({ param: { fiscalYear: String(current) } })),
  ]);
  const list = years.map((y) => y.fiscalYear);
  const asked = Number(url.searchParams.get('fiscalYear'));
  const latest = years.filter((y) => y.respondents >= 5).at(-1)?.fiscalYear ?? list.at(-1);
  const fallback = status.open ? current : (latest ?? current);
  const fiscalYear = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : fallback;
  return { years: list.includes(fiscalYear) ? list : [...list, fiscalYear].sort(), fiscalYear };
}
