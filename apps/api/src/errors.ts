import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ImportError } from './import/errors.js';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** An error meant for the client: status, a stable code, a Japanese message, optional details. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Headers the answer carries, e.g. Retry-After on a 429. */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
  }
}

export const errors = {
  unauthenticated: () => new ApiError(401, 'unauthenticated', 'ログインしてください'),
  forbidden: () => new ApiError(403, 'forbidden', 'この操作を行う権限がありません'),
  /** An interviewer asks for a stage's results before submitting every sheet of it (docs/domain.md §2). */
  scoringUnfinished: () =>
    new ApiError(
      403,
      'scoring_unfinished',
      'この段階で担当する応募者の評価票をすべて提出すると、選考結果を表示できます',
    ),
  notFound: (what = '対象') => new ApiError(404, 'not_found', `${what}が見つかりません`),
  conflict: (message: string, details?: unknown) => new ApiError(409, 'conflict', message, details),
  badRequest: (message: string, details?: unknown) => new ApiError(400, 'invalid_input', message, details),
};

/** The body of an error response (docs/interfaces.md "Conventions"). */
export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/**
 * A 413: the rest of the body was never read, so the connection cannot carry another request; it is closed after
 * the answer (otherwise the client's next request on it would wait for ever).
 */
export function tooLarge(c: Context, message = 'リクエストが大きすぎます'): Response {
  c.header('connection', 'close');
  return c.json(errorBody('payload_too_large', message), 413);
}

/** Maps anything thrown in a handler to the error shape; a 500 never carries a stack trace. */
export function handleError(err: unknown, c: Context): Response {
  if (err instanceof ApiError) {
    for (const [name, value] of Object.entries(err.headers ?? {})) c.header(name, value);
    return c.json(errorBody(err.code, err.message, err.details), err.status);
  }
  if (err instanceof ImportError) return c.json(errorBody(err.code, err.message, err.details), err.status);
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 413) return tooLarge(c);
    if (status >= 400 && status < 500) {
      return c.json(errorBody('bad_request', err.message || '不正なリクエストです'), status);
    }
  }
  console.error('[api] unhandled error', err);
  return c.json(errorBody('internal', 'サーバーで問題が発生しました。時間をおいて再度お試しください'), 500);
}
