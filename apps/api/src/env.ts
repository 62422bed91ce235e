import { z } from 'zod';
import { parseTrustedProxies } from './http/peer.js';
import { mailConfigFromEnv } from './mail/config.js';
import { directoryConfigFromEnv } from './services/directory.js';

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
  /**
   * The reverse proxies (comma-separated IP addresses or CIDR ranges) whose X-Forwarded-For and X-Forwarded-Proto
   * are believed; none by default.
   */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      try {
        parseTrustedProxies(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
      }
    }),
  /** The public origin when it differs from what the socket shows, e.g. https://jinzai.example.jp behind a proxy. */
  ORIGIN: z
    .string()
    .url()
    .optional()
    .transform((v) => (v ? new URL(v).origin : undefined)),
  /** Shared by the API and the apps' server side when they run as separate processes (else made at start-up). */
  JINZAI_INTERNAL_TOKEN: z.string().min(16).optional(),
  /** Where the built SvelteKit apps live (defaults to the monorepo's apps/). */
  JINZAI_APPS_DIR: z.string().optional(),
  CI: z.string().optional(),
  /** The office directory (docs/interfaces.md "Accounts"); read by directoryConfigFromEnv. */
  LDAP_URL: z.string().optional(),
  LDAP_BASE_DN: z.string().optional(),
  LDAP_BIND_DN: z.string().optional(),
  LDAP_BIND_PASSWORD: z.string().optional(),
  LDAP_STAFF_NO_ATTRIBUTE: z.string().optional(),
  LDAP_LOGIN_ATTRIBUTE: z.string().optional(),
  LDAP_STARTTLS: z.string().optional(),
  LDAP_CA_FILE: z.string().optional(),
  LDAP_TIMEOUT_MS: z.string().optional(),
  /**
   * Mail (docs/interfaces.md "Daily work"): the SMTP server, smtp://host:port or smtps://host:port (a user and password
   * may be in it), and the sender; without both, mail is off. Read by mailConfigFromEnv, which also wants ORIGIN.
   */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().optional(),
});

export type Env = z.output<typeof schema>;

/** Parses the process environment once, at start-up; the only place that reads process.env. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  // The directory settings are checked together (a URL without its base DN is an error at start-up).
  directoryConfigFromEnv(parsed.data);
  // So are the mail settings (SMTP_URL without MAIL_FROM, or without the ORIGIN that links in mails need).
  mailConfigFromEnv(parsed.data);
  return parsed.data;
}

/** The header through which main.ts tells the SvelteKit apps (adapter-node) the protocol of each request. */
export const PROTOCOL_HEADER = 'x-jinzai-protocol';

/** The header through which main.ts tells the apps the visitor's address (worked out from TRUSTED_PROXIES). */
export const ADDRESS_HEADER = 'x-jinzai-client-address';

/**
 * adapter-node reads its settings from process.env when its handler loads, and without ORIGIN or PROTOCOL_HEADER it
 * assumes https: a sign-in form posted over plain http would then look cross-site to SvelteKit. Point it at a header
 * that the server sets on every request from the socket itself.
 */
export function configureAppsEnv(internalToken?: string, target: NodeJS.ProcessEnv = process.env): void {
  target['PROTOCOL_HEADER'] ??= PROTOCOL_HEADER;
  target['ADDRESS_HEADER'] ??= ADDRESS_HEADER;
  // The apps' server side sends it with the visitor's address, so that the API believes that address.
  if (internalToken) target['JINZAI_INTERNAL_TOKEN'] = internalToken;
  // Uploads (CSV, .xlsx) pass through the apps' form actions to the API, which has its own 64 MB limit.
  target['BODY_SIZE_LIMIT'] ??= '64M';
}
