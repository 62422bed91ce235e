import { error } from '@sveltejs/kit';

/** The body of a JSON GET on the API; an answer other than 200 becomes the page's error (401, 403, 404 …). */
export async function apiGet<T>(fetch: typeof globalThis.fetch, path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  if (!res.ok) {
    let message = `${res.status}`;
    try {
      message = ((await res.json()) as { error?: { message?: string } }).error?.message ?? message;
    } catch {
      // not JSON
    }
    error(res.status, message);
  }
  return (await res.json()) as T;
}

/** The error of an API answer: code, message and the rows and columns of a file's problems. */
export async function apiErrorOf(
  res: Response,
): Promise<{ code: string; message: string; details: { row?: number; column?: string; message: string }[] }> {
  try {
    const body = (await res.json()) as {
      error?: {
        code?: string;
        message?: string;
        details?: { row?: number; column?: string; message: string }[];
      };
    };
    return {
      code: body.error?.code ?? 'error',
      message: body.error?.message ?? String(res.status),
      details: Array.isArray(body.error?.details) ? body.error.details : [],
    };
  } catch {
    return { code: 'error', message: String(res.status), details: [] };
  }
}

export interface KpiRow {
  code: string;
  outcome: string;
  baseline: number;
  target: number;
  mean: number | null;
  n: number;
  ci95: [number, number] | null;
  favourable: number | null;
  delta: number | null;
  status: 'achieved' | 'improving' | 'not-improving' | 'no-data';
  progress: number | null;
}

export interface Board {
  fiscalYear: number;
  respondents: number;
  kpis: KpiRow[];
}

/** The fiscal years with answers, and the year to show: the one asked for, else the latest with 5 or more. */
export async function surveyYears(
  fetch: typeof globalThis.fetch,
  url: URL,
): Promise<{ years: number[]; fiscalYear: number }> {
  const { years } = await apiGet<{ years: { fiscalYear: number; respondents: number }[] }>(
    fetch,
    '/api/surveys/kpi/years',
  );
  const list = years.map((y) => y.fiscalYear);
  const asked = Number(url.searchParams.get('fiscalYear'));
  // By default the latest year with figures to show: a survey just opened online may have only a few answers.
  const latest = years.filter((y) => y.respondents >= 5).at(-1)?.fiscalYear ?? list.at(-1);
  const fiscalYear =
    Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : (latest ?? new Date().getFullYear());
  return { years: list.includes(fiscalYear) ? list : [...list, fiscalYear].sort(), fiscalYear };
}
