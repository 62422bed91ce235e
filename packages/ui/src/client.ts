// The apps' typed client of the API for server loads and form actions: `apiClient(fetch)` is `hc<AppType>` over
// SvelteKit's fetch, `data` reads a load's answer (or shows the error page), `result` reads an action's answer (or
// gives the form its failure). Response types come from the API's route tree, so a changed shape fails to compile.
import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { parseApiError, type ApiFailure } from './api-error.js';

import type { apiClient } from './api.js';

export { apiClient } from './api.js';
export { parseApiError, type ApiFailure } from './api-error.js';

/**
 * The typed client: `apiClient(fetch).recruit.rounds[':id'].$get({ param: { id } })`. It puts path parameters in
 * as they are: a free-text one (an applicant number, a code) goes through encodeURIComponent first.
 */
export type Client = ReturnType<typeof apiClient>;

/** Any answer of the typed client (a ClientResponse), or a plain Response. */
interface Answer {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}

/** The JSON body of an answer's success statuses. */
export type Success<R> = R extends { ok: true; json(): Promise<infer T> } ? T : never;

/** The success JSON of a client call, e.g. `Output<Client['recruit']['queue']['$get']>`. */
export type Output<F extends (...args: never[]) => Promise<unknown>> = Success<Awaited<ReturnType<F>>>;

/** A load's answer: its typed JSON on success, else SvelteKit's error page with the API's status and message. */
export async function data<R extends Answer>(res: R | Promise<R>): Promise<Success<R>> {
  const answer = await res;
  if (!answer.ok) {
    const failure = await parseApiError(answer as unknown as Response);
    error(failure.status, failure.message);
  }
  return (await answer.json()) as Success<R>;
}

/** The failure a form action returns: what the pages read as `form.message` and `form.details`. */
export type FormFailure = ActionFailure<ApiFailure>;

export type Result<T> = { ok: true; value: T } | { ok: false; failure: FormFailure };

/** An action's answer: its typed JSON on success, else `fail(status, { status, code, message, details })`. */
export async function result<R extends Answer>(res: R | Promise<R>): Promise<Result<Success<R>>> {
  const answer = await res;
  if (!answer.ok) {
    const failure = await parseApiError(answer as unknown as Response);
    return { ok: false, failure: fail(failure.status, failure) };
  }
  const text = await (answer as unknown as Response).text();
  return { ok: true, value: (text ? JSON.parse(text) : null) as Success<R> };
}

/** A download's answer as the raw Response (CSV, xlsx, PDF), or SvelteKit's error page on failure. */
export async function raw(res: Answer | Promise<Answer>): Promise<Response> {
  const answer = await res;
  if (!answer.ok) {
    const failure = await parseApiError(answer as unknown as Response);
    error(failure.status, failure.message);
  }
  return answer as unknown as Response;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A form's uploaded file as the client's request options (the API reads the body, CSV or .xlsx by name), or null
 * when no file was chosen.
 */
export async function fileUpload(form: FormData, field = 'file'): Promise<{ init: RequestInit } | null> {
  const file = form.get(field);
  if (!(file instanceof File) || file.size === 0) return null;
  const type = /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv';
  return { init: { body: new Uint8Array(await file.arrayBuffer()), headers: { 'content-type': type } } };
}

/** A JSON body for a route that reads JSON without a validator the client could type (it also takes files). */
export function jsonBody(body: unknown): { init: RequestInit } {
  return { init: { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } };
}

/** A row and column problem of an uploaded file, as the API's 400 names it in `details`. */
export interface FileProblem {
  row?: number;
  column?: string;
  message: string;
}

/** The file problems among a failure's details (an empty list when the details are not such a list). */
export function fileProblems(details: unknown): FileProblem[] {
  return Array.isArray(details) ? (details as FileProblem[]) : [];
}
