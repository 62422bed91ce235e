// Another API process for the scheduler tests: opens the database it is given, tells the parent it is ready, and on
// the parent's word runs its rounds of the scheduler against the test's SMTP server, then reports and exits. Run
// from the TypeScript sources through ../import/ts-worker-register.mjs.
import { connect, type DatabaseTarget } from '@jinzai/db';
import { drainOutbox } from '../mail/outbox.js';
import { smtpMailer } from '../mail/transport.js';
import { runScheduledWork } from '../scheduler.js';
import { queueDeadlineReminders } from '../services/notices.service.js';

export interface ChildJob {
  target: DatabaseTarget;
  searchPath?: string;
  smtpUrl: string;
  /** The instant every round runs at. */
  now: string;
  rounds: number;
  /** scheduler: runScheduledWork (the job claim decides who scans); scan: every round scans and sends. */
  mode: 'scheduler' | 'scan';
  holder: string;
}

export type ChildMessage =
  | { type: 'ready' }
  | { type: 'done'; reminders: (number | null)[]; sent: number }
  | { type: 'failed'; message: string };

const job = JSON.parse(process.argv[2] ?? '{}') as ChildJob;
const send = (m: ChildMessage) => new Promise<void>((resolve) => process.send?.(m, () => resolve()));

const conn = connect(job.target, job.searchPath ? { searchPath: job.searchPath, poolSize: 4 } : {});
const config = { url: job.smtpUrl, from: 'jinzai@example.lg.jp', origin: 'https://jinzai.example.lg.jp' };
const mailer = smtpMailer(config);
const mail = { config, mailer };
const now = () => new Date(job.now);

process.once('message', () => {
  void (async () => {
    try {
      const reminders: (number | null)[] = [];
      let sent = 0;
      for (let k = 0; k < job.rounds; k++) {
        if (job.mode === 'scheduler') {
          const r = await runScheduledWork({ db: conn.db, now, mail, holder: job.holder });
          reminders.push(r.reminders);
          sent += r.mail.sent;
        } else {
          reminders.push(await queueDeadlineReminders(conn.db, now()));
          sent += (await drainOutbox(conn.db, mail, now, job.holder)).sent;
        }
      }
      await send({ type: 'done', reminders, sent });
    } catch (err) {
      await send({ type: 'failed', message: (err as Error).stack ?? String(err) });
    } finally {
      mailer.close();
      await conn.close();
      process.disconnect();
    }
  })();
});
await send({ type: 'ready' });
