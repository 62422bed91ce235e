// The apps' client of the API, taking SvelteKit's `fetch` (relative `/api/…` URLs are sent on to the API by each
// app's handleFetch). Requests and response types come from the API's own route tree (`hc<AppType>`), so a change
// of a route's shape is a type error here, not a surprise on a screen.
import type { AppType } from '@jinzai/api';
import type { Role } from '@jinzai/model';
import { hc, type InferResponseType } from 'hono/client';
import { parseApiError } from './api-error.js';

export type { LayerCode, Role, TrackCode } from '@jinzai/model';
export { ROLES } from '@jinzai/model';

type Client = ReturnType<typeof hc<AppType>>;
type Ok<T extends (...args: never[]) => unknown> = InferResponseType<T, 200>;

export type SessionUser = Ok<Client['api']['me']['$get']>['user'] & { roles: Role[] };
export type GradesResponse = Ok<Client['api']['standards']['grades']['$get']>;
export type TracksResponse = Ok<Client['api']['standards']['tracks']['$get']>;
export type Grade = GradesResponse['grades'][number];
export type JobFamily = Grade['family'];
export type Competency = Grade['competencies'][number];
export type CompetencyLayerCode = Competency['layer'];
export type Track = TracksResponse['tracks'][number];
export type Layer = TracksResponse['layers'][number];
export type Weights = Track['weights'];

/** An answer of the API other than success, with its `{ error: { code, message, details? } }` body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Fetch = typeof fetch;

async function toApiError(res: Response): Promise<ApiError> {
  const failure = await parseApiError(res);
  return new ApiError(failure.status, failure.code, failure.message, failure.details);
}

async function read<T>(res: Response): Promise<T> {
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as T;
}

export interface SessionCookie {
  value: string;
  /** Seconds, from the API's Max-Age; undefined for a cookie that ends with the browser session. */
  maxAge: number | undefined;
}

/** The value and Max-Age of cookie `name` among a response's Set-Cookie headers, or null when it is not set. */
export function readSetCookie(headers: Headers, name: string): SessionCookie | null {
  for (const line of headers.getSetCookie()) {
    const [pair = '', ...attributes] = line.split(';');
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== name) continue;
    let maxAge: number | undefined;
    for (const attribute of attributes) {
      const [key = '', val = ''] = attribute.split('=');
      if (key.trim().toLowerCase() === 'max-age' && /^-?\d+$/.test(val.trim())) maxAge = Number(val.trim());
    }
    return { value: pair.slice(eq + 1).trim(), maxAge };
  }
  return null;
}

export type LoginFailure = 'invalid' | 'rateLimited' | 'missing' | 'unavailable' | 'refused';

/**
 * The sign-in refusals that have a message of their own (the password was right, or the issued one expired): the
 * form shows the API's message for these instead of the wrong-password text.
 */
export const LOGIN_REFUSALS = [
  'password_expired',
  'not_on_roster',
  'account_disabled',
  'directory_mismatch',
  'directory_unavailable',
] as const;
export type LoginRefusal = (typeof LOGIN_REFUSALS)[number];

export function isLoginRefusal(code: unknown): code is LoginRefusal {
  return LOGIN_REFUSALS.includes(code as LoginRefusal);
}

export type LoginResult =
  | { ok: true; user: SessionUser; session: SessionCookie }
  | { ok: false; status: number; reason: Exclude<LoginFailure, 'refused'>; retryAfterSeconds?: number }
  | { ok: false; status: number; reason: 'refused'; code: LoginRefusal; message: string };

/** The seconds a 429 asks to wait: its Retry-After header, else `details.retryAfterSeconds`; undefined if neither. */
async function retryAfter(res: Response): Promise<number | undefined> {
  const header = Number(res.headers.get('retry-after'));
  if (Number.isInteger(header) && header > 0) return header;
  try {
    const body = (await res.json()) as { error?: { details?: { retryAfterSeconds?: unknown } } };
    const seconds = body.error?.details?.retryAfterSeconds;
    return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds) : undefined;
  } catch {
    return undefined;
  }
}

export function createApi(fetch: Fetch) {
  const api = hc<AppType>('/', { fetch }).api;
  return {
    /** The signed-in user, or null when the session is missing or has ended. */
    async me(): Promise<SessionUser | null> {
      const res: Response = await api.me.$get();
      if (res.status === 401) return null;
      return (await read<{ user: SessionUser }>(res)).user;
    },

    async login(credentials: { loginId: string; password: string }): Promise<LoginResult> {
      const res: Response = await api.auth.login.$post({ json: credentials });
      if (res.ok) {
        const session = readSetCookie(res.headers, 'jinzai_session');
        const { user } = (await res.json()) as { user: SessionUser };
        if (session) return { ok: true, user, session };
        return { ok: false, status: 502, reason: 'unavailable' };
      }
      if (res.status === 401 || res.status === 403 || res.status === 503) {
        const failure = await parseApiError(res.clone());
        if (isLoginRefusal(failure.code)) {
          return {
            ok: false,
            status: res.status,
            reason: 'refused',
            code: failure.code,
            message: failure.message,
          };
        }
      }
      const reason: Exclude<LoginFailure, 'refused'> =
        res.status === 401
          ? 'invalid'
          : res.status === 429
            ? 'rateLimited'
            : res.status === 400
              ? 'missing'
              : 'unavailable';
      const status = res.status === 401 || res.status === 429 || res.status === 400 ? res.status : 503;
      if (res.status === 429) {
        const seconds = await retryAfter(res);
        if (seconds !== undefined) return { ok: false, status, reason, retryAfterSeconds: seconds };
      }
      return { ok: false, status, reason };
    },

    async logout(): Promise<void> {
      const res: Response = await api.auth.logout.$post();
      // 401: the session had already ended, which is what signing out wants anyway.
      if (!res.ok && res.status !== 401) throw await toApiError(res);
    },

    grades: async (): Promise<GradesResponse> => read<GradesResponse>(await api.standards.grades.$get()),
    tracks: async (): Promise<TracksResponse> => read<TracksResponse>(await api.standards.tracks.$get()),
  };
}

export type Api = ReturnType<typeof createApi>;

/** The typed client itself, for pages that call routes createApi does not wrap. */
export function apiClient(fetch: Fetch) {
  return hc<AppType>('/', { fetch }).api;
}

/** Reads an API answer: its JSON on success, an ApiError (with the error shape's code, message, details) else. */
export const readApi = read;
