// A small typed client for the API routes the apps use, taking SvelteKit's `fetch` (relative `/api/…` URLs are
// sent on to the API by each app's handleFetch). Response types are written by hand until @jinzai/api ships its
// AppType; then these functions can be swapped for `hc<AppType>` one by one without touching the pages.

export const ROLES = ['hr', 'recruiter', 'interviewer', 'evaluator', 'staff'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionUser {
  id: string | number;
  loginId: string;
  displayName: string;
  roles: Role[];
  staffNo: string | null;
}

export type LayerCode = 'potential' | 'stance' | 'interpersonal' | 'problem' | 'ict' | 'technical';
export type CompetencyLayerCode = 'stance' | 'interpersonal' | 'problem';
export type TrackCode = 'new-graduate' | 'experienced' | 'specialist';

export interface JobFamily {
  code: string;
  nameJa: string;
  nameEn: string;
}

export interface Competency {
  code: string;
  layer: CompetencyLayerCode;
  nameJa: string;
  descriptionJa: string;
  nameEn: string;
  descriptionEn?: string | null;
}

export interface Grade {
  code: string;
  family: JobFamily;
  nameJa: string;
  nameEn: string;
  rank: number;
  competencies: Competency[];
}

export interface GradesResponse {
  families: JobFamily[];
  grades: Grade[];
}

export interface Layer {
  code: LayerCode;
  nameJa: string;
  nameEn: string;
}

export type Weights = Record<LayerCode, number>;

export interface Track {
  code: TrackCode;
  nameJa: string;
  nameEn: string;
  descriptionJa: string;
  descriptionEn?: string | null;
  weights: Weights;
  version: number | string;
}

export interface TracksResponse {
  layers: Layer[];
  weightSet: { version: number | string; effectiveFrom: string; note?: string | null };
  tracks: Track[];
}

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
  try {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    const error = body.error;
    if (error && typeof error.code === 'string' && typeof error.message === 'string') {
      return new ApiError(res.status, error.code, error.message, error.details);
    }
  } catch {
    // Not JSON (a proxy's error page, say): fall through to a generic error.
  }
  return new ApiError(res.status, 'http_error', `${res.url} answered ${res.status}`);
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

export type LoginFailure = 'invalid' | 'rateLimited' | 'missing' | 'unavailable';
export type LoginResult =
  | { ok: true; user: SessionUser; session: SessionCookie }
  | { ok: false; status: number; reason: LoginFailure };

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/json' },
  body: JSON.stringify(body),
});

export function createApi(fetch: Fetch) {
  return {
    /** The signed-in user, or null when the session is missing or has ended. */
    async me(): Promise<SessionUser | null> {
      const res = await fetch('/api/me', { headers: { accept: 'application/json' } });
      if (res.status === 401) return null;
      return (await read<{ user: SessionUser }>(res)).user;
    },

    async login(credentials: { loginId: string; password: string }): Promise<LoginResult> {
      const res = await fetch('/api/auth/login', json(credentials));
      if (res.ok) {
        const session = readSetCookie(res.headers, 'jinzai_session');
        const { user } = (await res.json()) as { user: SessionUser };
        if (session) return { ok: true, user, session };
        return { ok: false, status: 502, reason: 'unavailable' };
      }
      const reason: LoginFailure =
        res.status === 401
          ? 'invalid'
          : res.status === 429
            ? 'rateLimited'
            : res.status === 400
              ? 'missing'
              : 'unavailable';
      return {
        ok: false,
        status: res.status === 401 || res.status === 429 || res.status === 400 ? res.status : 503,
        reason,
      };
    },

    async logout(): Promise<void> {
      const res = await fetch('/api/auth/logout', json({}));
      // 401: the session had already ended, which is what signing out wants anyway.
      if (!res.ok && res.status !== 401) throw await toApiError(res);
    },

    grades: async (): Promise<GradesResponse> => read<GradesResponse>(await fetch('/api/standards/grades')),
    tracks: async (): Promise<TracksResponse> => read<TracksResponse>(await fetch('/api/standards/tracks')),
  };
}

export type Api = ReturnType<typeof createApi>;
