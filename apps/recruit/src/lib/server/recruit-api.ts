import { error, fail, type ActionFailure } from '@sveltejs/kit';

type Fetch = typeof fetch;

export interface ApiFailure {
  status: number;
  message: string;
  details?: unknown;
}

async function failureOf(res: Response): Promise<ApiFailure> {
  try {
    const body = (await res.json()) as { error?: { message?: string; details?: unknown } };
    return {
      status: res.status,
      message: body.error?.message ?? `${res.status}`,
      details: body.error?.details,
    };
  } catch {
    return { status: res.status, message: `${res.status}` };
  }
}

/** GETs an API route for a page load; an error answer becomes the page's error (403, 404…). */
export async function load<T>(fetch: Fetch, path: string): Promise<T> {
  const res = await fetch(`/api/recruit${path}`);
  if (!res.ok) {
    const f = await failureOf(res);
    error(f.status, f.message);
  }
  return (await res.json()) as T;
}

/** Sends a form's write to the API; an error answer becomes the action's failure with the API's message. */
export async function send<T>(
  fetch: Fetch,
  method: string,
  path: string,
  body: unknown,
  contentType = 'application/json',
): Promise<{ ok: true; value: T } | { ok: false; failure: ActionFailure<ApiFailure> }> {
  const res = await fetch(`/api/recruit${path}`, {
    method,
    headers: { 'content-type': contentType },
    body: contentType === 'application/json' ? JSON.stringify(body) : (body as BodyInit),
  });
  if (!res.ok) {
    const f = await failureOf(res);
    return { ok: false, failure: fail(f.status, f) };
  }
  return { ok: true, value: (await res.json()) as T };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An uploaded file's bytes and the content type the API expects (xlsx by name, else CSV). */
export async function uploaded(
  form: FormData,
  field = 'file',
): Promise<{ bytes: Uint8Array; type: string } | null> {
  const file = form.get(field);
  if (!(file instanceof File) || file.size === 0) return null;
  const type = /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv';
  return { bytes: new Uint8Array(await file.arrayBuffer()), type };
}
