// The SMTP client (nodemailer): one mail at a time over a pooled connection; every failure is a result, never a
// throw, so that a mail server's trouble never reaches a request (docs/domain.md §12).
import nodemailer from 'nodemailer';
import type { MailConfig } from './config.js';

export interface MailMessage {
  to: { name: string; address: string };
  subject: string;
  text: string;
  /** Stable per notice, so that a mail client can tell a repeat from a new mail. */
  messageId: string;
  headers?: Record<string, string>;
}

/** How a send ended: accepted by the server, or not, and whether trying again could help. */
export type SendResult = { ok: true; response: string } | { ok: false; permanent: boolean; error: string };

/** What sends mail: the SMTP client here, anything else in a test that needs another. */
export interface Mailer {
  send(message: MailMessage): Promise<SendResult>;
  close(): void;
}

/** Bounds on connecting, the greeting and a silent socket: a stuck server holds one try, not the scheduler. */
const TIMEOUT_MS = 15_000;

/** A one-line reason for the notice and the log: the SMTP answer or the error's code and first line. */
function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err).slice(0, 300);
  const { code, response } = err as { code?: unknown; response?: unknown };
  const line = typeof response === 'string' && response ? response : (err.message.split('\n')[0] ?? err.name);
  return (typeof code === 'string' && !line.includes(code) ? `${code}: ${line}` : line).slice(0, 300);
}

/** An SMTP 5xx answer is a refusal (docs/domain.md §12): trying the same mail again would be refused again. */
function isRefusal(err: unknown): boolean {
  const status = (err as { responseCode?: unknown }).responseCode;
  return typeof status === 'number' && status >= 500 && status < 600;
}

/** The SMTP client for the configured server. */
export function smtpMailer(config: MailConfig): Mailer {
  const transport = nodemailer.createTransport({
    url: config.url,
    pool: true,
    maxConnections: 1,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS * 2,
  });
  return {
    async send(m) {
      try {
        const info = await transport.sendMail({
          from: config.from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          messageId: m.messageId,
          ...(m.headers ? { headers: m.headers } : {}),
        });
        if (info.rejected.length > 0)
          return { ok: false, permanent: true, error: `rejected: ${String(info.response).slice(0, 280)}` };
        return { ok: true, response: String(info.response).slice(0, 300) };
      } catch (err) {
        return { ok: false, permanent: isRefusal(err), error: describe(err) };
      }
    },
    close: () => transport.close(),
  };
}
