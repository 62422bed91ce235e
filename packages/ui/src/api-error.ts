// The one reader of the API's error body `{ error: { code, message, details? } }`: every caller of the API (the
// typed client's readers for loads and actions, and createApi) turns an answer other than success into this.

/** What an answer other than success says: its status, and the error shape's code, message and details. */
export interface ApiFailure {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

/** Reads a failed answer's error body; a body that is not the API's error shape gives a generic message. */
export async function parseApiError(res: Response): Promise<ApiFailure> {
  try {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    const error = body.error;
    if (error && typeof error.message === 'string') {
      return {
        status: res.status,
        code: typeof error.code === 'string' ? error.code : 'http_error',
        message: error.message,
        ...(error.details === undefined ? {} : { details: error.details }),
      };
    }
  } catch {
    // Not JSON (a proxy's error page, say): fall through to a generic failure.
  }
  return { status: res.status, code: 'http_error', message: `${res.status}` };
}
