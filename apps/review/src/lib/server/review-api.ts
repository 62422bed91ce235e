import { error } from '@sveltejs/kit';

type Fetch = typeof fetch;

export interface ApiFailure {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

/** GET an evaluation route of the API; an error answer becomes SvelteKit's error page with the API's message. */
export async function apiGet<T>(fetch: Fetch, path: string): Promise<T> {
  const res = await fetch(`/api/review${path}`, { headers: { accept: 'application/json' } });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
    error(res.status, body.error?.message ?? 'エラーが発生しました');
  }
  return (await res.json()) as T;
}

/** Sends JSON to an evaluation route; returns the body, or the API's error for the form to show. */
export async function apiSend<T>(
  fetch: Fetch,
  method: 'POST' | 'PUT',
  path: string,
  body: unknown,
): Promise<{ ok: true; body: T } | { ok: false; error: ApiFailure }> {
  const res = await fetch(`/api/review${path}`, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as { error?: Omit<ApiFailure, 'status'> };
  if (!res.ok) {
    return {
      ok: false,
      error: {
        status: res.status,
        code: json.error?.code ?? 'error',
        message: json.error?.message ?? 'エラーが発生しました',
        details: json.error?.details,
      },
    };
  }
  return { ok: true, body: json as T };
}
