// Mail settings (docs/interfaces.md "Daily work"): SMTP_URL and MAIL_FROM, with the public origin that links in mails
// point to. Without SMTP_URL and MAIL_FROM mail is off (docs/domain.md §12).
import addressparser from 'nodemailer/lib/addressparser';

export interface MailConfig {
  /** smtp://host:port (STARTTLS when the server offers it) or smtps://host:port; user and password may be in it. */
  url: string;
  /** The sender, an address or 名前 <address>. */
  from: string;
  /** The public origin (ORIGIN) that the links of mails start with, e.g. https://jinzai.example.lg.jp. */
  origin: string;
}

/** The environment's mail settings, or null when mail is off; a half or wrong setting throws at start-up. */
export function mailConfigFromEnv(env: {
  SMTP_URL?: string | undefined;
  MAIL_FROM?: string | undefined;
  ORIGIN?: string | undefined;
}): MailConfig | null {
  const url = env.SMTP_URL?.trim() || undefined;
  const from = env.MAIL_FROM?.trim() || undefined;
  if (url === undefined && from === undefined) return null;
  if (url === undefined) throw new Error('SMTP_URL is required when MAIL_FROM is set');
  if (from === undefined) throw new Error('MAIL_FROM is required when SMTP_URL is set');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The URL may hold a password: it is never repeated in the message.
    throw new Error('SMTP_URL is not a URL (expected smtp://host:port or smtps://host:port)');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
    throw new Error(`SMTP_URL must start with smtp:// or smtps://, got ${parsed.protocol}//`);
  if (parsed.hostname === '') throw new Error('SMTP_URL names no host');
  const addresses = addressparser(from, { flatten: true });
  if (addresses.length !== 1 || !/^[^\s@]+@[^\s@]+$/.test(addresses[0]?.address ?? ''))
    throw new Error(
      `MAIL_FROM must be one address, e.g. jinzai@example.lg.jp or 人材 <jinzai@example.lg.jp>`,
    );
  if (!env.ORIGIN)
    throw new Error(
      'ORIGIN is required when SMTP_URL is set: the links in mails start with the public origin',
    );
  return { url, from, origin: env.ORIGIN };
}
