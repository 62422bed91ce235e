// A real SMTP server for the mail tests (the smtp-server package) on a free loopback port: it keeps every message it
// accepts, raw, or refuses recipients (550) when told to. stop() closes it.
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope's recipients (RCPT TO). */
  rcptTo: string[];
  mailFrom: string;
  /** The message as it came over the wire. */
  raw: string;
}

export interface TestSmtp {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  port: number;
  received: ReceivedMail[];
  /** 'accept' (default) or 'refuse': every recipient is answered 550. */
  mode: 'accept' | 'refuse';
  stop(): Promise<void>;
}

/** Starts the server; without TLS (the transport's opportunistic STARTTLS is then not offered). */
export async function startSmtp(): Promise<TestSmtp> {
  const state: Omit<TestSmtp, 'url' | 'port' | 'stop'> = { received: [], mode: 'accept' };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // stop() waits this long for clients that keep a connection open (a pooled transport) before closing them.
    closeTimeout: 200,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      if (state.mode === 'refuse') {
        const err = Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 });
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        state.received.push({
          rcptTo: session.envelope.rcptTo.map((a) => a.address),
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('the SMTP server has no port');
  const smtp = state as TestSmtp;
  smtp.port = address.port;
  smtp.url = `smtp://127.0.0.1:${address.port}`;
  smtp.stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return smtp;
}
