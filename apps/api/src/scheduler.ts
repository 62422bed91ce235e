// The scheduler every API process runs (docs/domain.md §12): the day's deadline reminders when their job is due,
// the answers still held apart of surveys that have closed (§5), and the notices' mail. Several processes may run it against one database at the same moment: the job is claimed by one
// upsert, each reminder is written once under its day's key, and each mail is claimed before it is sent.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { claimJob, type Database } from '@jinzai/db';
import type { Kysely } from 'kysely';
import { drainOutbox, type DrainResult, type MailSetup } from './mail/outbox.js';
import { queueDeadlineReminders } from './services/notices.service.js';
import { flushClosedSurveys } from './services/survey-online.service.js';

export interface SchedulerDeps {
  db: Kysely<Database>;
  now: () => Date;
  mail: MailSetup;
  /** Names this process in its claims (host, process id and a random part by default). */
  holder?: string;
  log?: (message: string) => void;
}

/** The reminders' job runs at most this often across all processes; its keys keep it to once a day anyway. */
export const REMINDER_JOB_EVERY_MS = 30 * 60_000;
export const REMINDER_JOB = 'deadline-reminders';

/** The closed surveys' waiting answers are looked for at most this often across all processes. */
export const SURVEY_CLOSE_JOB_EVERY_MS = 60 * 60_000;
export const SURVEY_CLOSE_JOB = 'survey-close';

/** How often a process looks for mail to send. */
const TICK_MS = 15_000;

/** A name for this process in the database's claims. */
export function processHolder(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * One round of the scheduler: the deadline reminders if this process is the one to claim their due job, then the
 * waiting mail. Returns how many reminders it wrote (null: another process has the job) and how the mail went.
 */
export async function runScheduledWork(
  deps: SchedulerDeps & { holder: string },
): Promise<{ reminders: number | null; surveyAnswers: number | null; mail: DrainResult }> {
  const now = deps.now();
  const after = (ms: number) => new Date(now.getTime() + ms).toISOString();
  const claimed = await claimJob(
    deps.db,
    REMINDER_JOB,
    deps.holder,
    now.toISOString(),
    after(REMINDER_JOB_EVERY_MS),
  );
  const reminders = claimed ? await queueDeadlineReminders(deps.db, now) : null;
  const closing = await claimJob(
    deps.db,
    SURVEY_CLOSE_JOB,
    deps.holder,
    now.toISOString(),
    after(SURVEY_CLOSE_JOB_EVERY_MS),
  );
  const surveyAnswers = closing ? await flushClosedSurveys(deps.db, now) : null;
  const mail = await drainOutbox(deps.db, deps.mail, deps.now, deps.holder);
  return { reminders, surveyAnswers, mail };
}

/** Starts the scheduler: a round now and then every 15 s, never two at once in this process. */
export function startScheduler(deps: SchedulerDeps): { stop(): Promise<void> } {
  const holder = deps.holder ?? processHolder();
  const log = deps.log ?? (() => {});
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const round = async () => {
    try {
      const r = await runScheduledWork({ ...deps, holder });
      if (r.reminders) log(`督促を${r.reminders}件作成しました`);
      if (r.surveyAnswers) log(`締め切ったアンケートの保留中の回答${r.surveyAnswers}件を集計に加えました`);
      if (r.mail.sent || r.mail.failed || r.mail.retrying)
        log(`メール: 送信 ${r.mail.sent}、失敗 ${r.mail.failed}、再試行待ち ${r.mail.retrying}`);
    } catch (err) {
      // A database hiccup ends this round only; the next one tries again.
      log(`scheduler: ${(err as Error).message}`);
    }
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round().then(() => schedule(TICK_MS));
    }, ms);
    timer.unref();
  };
  schedule(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
