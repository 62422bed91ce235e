// How a notice's mail stands, and how often a mail that could not be delivered is tried again (docs/domain.md §12).
// Pure.

/**
 * A notice's mail (docs/domain.md §12): waiting to be sent, sent, failed for good, or not sent because mail is
 * off.
 */
export const MAIL_STATUSES = ['not-sent', 'sent', 'failed', 'off'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** A mail is tried this many times before it is given up as failed (docs/domain.md §12). */
export const MAIL_MAX_ATTEMPTS = 3;

/** Minutes before the next try after a temporary failure: 5 after the first, 10 after the second. */
const RETRY_MINUTES = 5;

/**
 * What happens after a try that did not deliver (docs/domain.md §12): a refusal (an SMTP 5xx answer) or the
 * last try fails for good; any other failure (no connection, a 4xx answer) is tried again later.
 */
export function afterMailFailure(
  attempt: number,
  permanent: boolean,
): { status: 'failed' } | { status: 'not-sent'; retryInMs: number } {
  if (permanent || attempt >= MAIL_MAX_ATTEMPTS) return { status: 'failed' };
  return { status: 'not-sent', retryInMs: attempt * RETRY_MINUTES * 60_000 };
}
