import { z } from 'zod';

const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === undefined || v === '' || v === '1' || v === 'true');

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  /** 0 disables the demo data a new database would get (docs/interfaces.md "Start, sign-in, demo"). */
  JINZAI_DEMO: flag,
  /** Idle minutes before a session ends, and its longest life in hours. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(480),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(24),
  /** Extra origins allowed to send state-changing requests (comma-separated), e.g. behind a proxy. */
  ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    ),
  /** Where the built SvelteKit apps live (defaults to the monorepo's apps/). */
  JINZAI_APPS_DIR: z.string().optional(),
  CI: z.string().optional(),
});

export type Env = z.output<typeof schema>;

/** Parses the process environment once, at start-up; the only place that reads process.env. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  return parsed.data;
}

/** The header through which main.ts tells the SvelteKit apps (adapter-node) the protocol of each request. */
export const PROTOCOL_HEADER = 'x-jinzai-protocol';

/**
 * adapter-node reads its settings from process.env when its handler loads, and without ORIGIN or PROTOCOL_HEADER it
 * assumes https: a sign-in form posted over plain http would then look cross-site to SvelteKit. Point it at a header
 * that the server sets on every request from the socket itself.
 */
export function configureAppsEnv(target: NodeJS.ProcessEnv = process.env): void {
  target['PROTOCOL_HEADER'] ??= PROTOCOL_HEADER;
  // Uploads (CSV, .xlsx) pass through the apps' form actions to the API, which has its own 64 MB limit.
  target['BODY_SIZE_LIMIT'] ??= '64M';
}
