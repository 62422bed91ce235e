// Another API process for the scheduler tests: opens the database it is given, tells the parent it is ready, then
// runs the rounds of the scheduler the parent asks for against the test's SMTP server and reports each, until told
// to stop. Run from the TypeScript sources through ../import/ts-worker-register.mjs.
import { connect, type DatabaseTarget } from '@jinzai/db';
import { drainOutbox } from '../mail/outbox.js';
import { smtpMailer } from '../mail/transport.js';
import { runScheduledWork } from '../scheduler.js';
import { queueDeadlineReminders } from '../services/notices.service.js';

export interface ChildSetup {
  target: DatabaseTarget;
  searchPath?: string;
  smtpUrl: string;
  holder: string;
}

export type ChildRequest =
  | {
      type: 'run';
      /** The instant every round runs at. */
      now: string;
      rounds: number;
      /** scheduler: runScheduledWork (the job claim decides who scans); scan: every round scans and sends. */
      mode: 'scheduler' | 'scan';
    }
  | { type: 'stop' };

export type ChildMessage =
  | { type: 'ready' }
  | { type: 'done'; reminders: (number | null)[]; sent: number }
  | { type: 'failed'; message: string };

const setup = JSON.parse(process.argv[2] ?? '{}') as ChildSetup;
const send = (m: ChildMessage) => new Promise<void>((resolve) => process.send?.(m, () => resolve()));

const conn = connect(setup.target, setup.searchPath ? { searchPath: setup.searchPath, poolSize: 4 } : {});
const config = { url: setup.smtpUrl, from: 'jinzai@example.lg.jp', origin: 'https://jinzai.example.lg.jp' };
const mailer = smtpMailer(config);
const mail = { config, mailer };

async function run(job: Extract<ChildRequest, { type: 'run' }>): Promise<ChildMessage> {
  const now = () => new Date(job.now);
  const reminders: (number | null)[] = [];
  let sent = 0;
  for (let k = 0; k < job.rounds; k++) {
    if (job.mode === 'scheduler') {
      const r = await runScheduledWork({ db: conn.db, now, mail, holder: setup.holder });
      reminders.push(r.reminders);
      sent += r.mail.sent;
    } else {
      reminders.push(await queueDeadlineReminders(conn.db, now()));
      sent += (await drainOutbox(conn.db, mail, now, setup.holder)).sent;
    }
  }
  return { type: 'done', reminders, sent };
}

process.on('message', (request: ChildRequest) => {
  void (async () => {
    if (request.type === 'stop') {
      mailer.close();
      await conn.close();
      process.disconnect();
      return;
    }
    try {
      await send(await run(request));
    } catch (err) {
      await send({ type: 'failed', message: (err as Error).stack ?? String(err) });
    }
  })();
});
await send({ type: 'ready' });
