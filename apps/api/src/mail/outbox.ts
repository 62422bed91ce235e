// Sends the notices' mail (docs/domain.md §12): claims a batch through the database, sends each, and records how it
// ended in the notice and the audit log, in one transaction. Safe to run in several processes at once.
import {
  claimOutgoingMail,
  markMailOff,
  recordMailOutcome,
  writeAudit,
  type Database,
  type MailOutcome,
  type OutgoingMail,
} from '@jinzai/db';
import { afterMailFailure } from '@jinzai/model';
import type { Kysely } from 'kysely';
import { composeMail } from './compose.js';
import type { MailConfig } from './config.js';
import type { Mailer } from './transport.js';

type Db = Kysely<Database>;

/** Mail as a process has it: the settings and the client, or null when mail is off. */
export type MailSetup = { config: MailConfig; mailer: Mailer } | null;

export interface DrainResult {
  sent: number;
  failed: number;
  /** Failed for a passing reason: tried again later. */
  retrying: number;
  /** Not sent because mail is off. */
  off: number;
}

/** How long a claimed batch is this process's: long enough for a batch against a slow server. */
const CLAIM_MS = 5 * 60_000;
const BATCH = 50;
/** Batches per run: a backlog is worked off over a few runs rather than holding one run for long. */
const MAX_BATCHES = 20;

/** Why a notice cannot go by mail at all, or null when it has an address. */
function unreachable(m: OutgoingMail): string | null {
  if (!m.recipient) return 'この職員番号のアカウントがありません';
  if (!m.recipient.active) return 'アカウントが無効です';
  if (!m.recipient.email) return 'メールアドレスが登録されていません';
  return null;
}

async function sendOne(
  m: OutgoingMail,
  setup: NonNullable<MailSetup>,
  clock: () => Date,
): Promise<MailOutcome> {
  const reason = unreachable(m);
  const address = m.recipient?.email ?? null;
  if (reason !== null || !m.recipient || address === null)
    return { status: 'failed', to: address, error: reason ?? '', at: clock().toISOString() };
  const result = await setup.mailer.send(
    composeMail(m, { name: m.recipient.displayName, address }, setup.config),
  );
  const at = clock();
  if (result.ok) return { status: 'sent', to: address, at: at.toISOString() };
  const next = afterMailFailure(m.attempt, result.permanent);
  if (next.status === 'failed')
    return { status: 'failed', to: address, error: result.error, at: at.toISOString() };
  return {
    status: 'not-sent',
    to: address,
    error: result.error,
    retryAt: new Date(at.getTime() + next.retryInMs).toISOString(),
  };
}

/**
 * Sends the mail of waiting notices, or with mail off marks them so. `holder` names this process in its claims.
 * Never throws for a mail that fails: the failure is recorded and the next one is sent.
 */
export async function drainOutbox(
  db: Db,
  setup: MailSetup,
  clock: () => Date,
  holder: string,
): Promise<DrainResult> {
  const result: DrainResult = { sent: 0, failed: 0, retrying: 0, off: 0 };
  if (!setup) {
    result.off = await markMailOff(db);
    return result;
  }
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const now = clock();
    const claimed = await claimOutgoingMail(
      db,
      holder,
      now.toISOString(),
      new Date(now.getTime() + CLAIM_MS).toISOString(),
      BATCH,
    );
    for (const m of claimed) {
      const outcome = await sendOne(m, setup, clock);
      const recorded = await db.transaction().execute(async (trx) => {
        // The notice first: on SQLite a transaction that starts with a write waits its turn for the writer.
        if (!(await recordMailOutcome(trx, m.id, holder, outcome))) return false;
        await writeAudit(trx, {
          at: outcome.status === 'not-sent' ? clock().toISOString() : outcome.at,
          userId: null,
          loginId: null,
          action: 'mail',
          entity: 'notice',
          entityId: String(m.id),
          detail: {
            to: outcome.to,
            status: outcome.status,
            attempt: m.attempt,
            ...(outcome.status === 'sent' ? {} : { error: outcome.error }),
          },
        });
        return true;
      });
      if (!recorded) continue;
      if (outcome.status === 'sent') result.sent++;
      else if (outcome.status === 'failed') result.failed++;
      else result.retrying++;
    }
    if (claimed.length < BATCH) break;
  }
  return result;
}
