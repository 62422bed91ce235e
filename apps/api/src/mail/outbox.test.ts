// The notices' mail against a real SMTP server (docs/domain.md §12): what arrives, in Japanese and correctly encoded,
// with the link and nothing of the sheet; mail off; a server that refuses; a server that is down; no address.
import { listAudit, noticesAbout } from '@jinzai/db';
import { testDialects } from '@jinzai/db/testing';
import type { DialectName } from '@jinzai/db';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { GOALS, PEOPLE } from '../testing/evaluation-fixture.js';
import { createHarness } from '../testing/harness.js';
import { sheetWorld } from '../testing/sheet-steps.js';
import { startSmtp, type TestSmtp } from '../testing/smtp.js';
import type { MailConfig } from './config.js';
import { drainOutbox, type MailSetup } from './outbox.js';
import { smtpMailer } from './transport.js';

const ORIGIN = 'https://jinzai.example.lg.jp';
const FROM = '人材（Jinzai） <jinzai@example.lg.jp>';

async function world(dialect: DialectName) {
  const h = await createHarness(dialect);
  onTestFinished(() => h.dispose());
  const w = await sheetWorld(h);
  const setEmail = (login: string, email: string | null) =>
    h.db.db.updateTable('users').set({ email }).where('login_id', '=', login).execute();
  await setEmail('eval1', 'kacho@example.lg.jp');
  await setEmail('staff1', 'shuji@example.lg.jp');
  return { h, setEmail, ...w };
}

const setupFor = (smtp: { url: string }): NonNullable<MailSetup> & { config: MailConfig } => {
  const config = { url: smtp.url, from: FROM, origin: ORIGIN };
  const mailer = smtpMailer(config);
  onTestFinished(() => mailer.close());
  return { config, mailer };
};

describe.each(testDialects())('mail of notices on %s', (dialect) => {
  let smtp: TestSmtp;
  beforeEach(async () => {
    smtp = await startSmtp();
  });
  afterEach(async () => smtp.stop());

  it('sends a notice to the address of whoever holds the staff record, in Japanese, with the link and no sheet content', async () => {
    const w = await world(dialect);
    await w.step('staff1', 'submit-goals', () => ({ goals: GOALS }));
    const result = await drainOutbox(w.h.db.db, setupFor(smtp), w.h.clock.now, 'test');
    expect(result).toEqual({ sent: 1, failed: 0, retrying: 0, off: 0 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.rcptTo).toEqual(['kacho@example.lg.jp']);
    expect(mail?.mailFrom).toBe('jinzai@example.lg.jp');

    const raw = mail?.raw ?? '';
    const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
    // Headers travel as ASCII: the Japanese subject and sender name as UTF-8 encoded words, the body declared UTF-8.
    expect(/^[\x20-\x7e\r\n\t]*$/.test(head)).toBe(true);
    expect(head).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    expect(head).toMatch(/^Content-Type: text\/plain; charset=utf-8/im);
    expect(head).toMatch(/^Auto-Submitted: auto-generated/im);

    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('令和8年度 人事評価：提出された目標を確認してください');
    expect(parsed.from?.value).toEqual([{ name: '人材（Jinzai）', address: 'jinzai@example.lg.jp' }]);
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    expect(to?.value).toEqual([{ name: 'eval1', address: 'kacho@example.lg.jp' }]);
    const text = parsed.text ?? '';
    expect(text).toContain(`${ORIGIN}/review/evaluation/sheets/${w.sheetId}`);
    expect(text).toContain('eval1 様');
    expect(text).toContain('評価の内容はメールには記載していません');
    // Nothing of the sheet: not the goals, not the evaluatee's name or staff number.
    for (const secret of [GOALS[0]?.content ?? '', GOALS[0]?.measure ?? '', '主事 翔太', PEOPLE.shuji])
      expect(raw + text).not.toContain(secret);

    const [notice] = await noticesAbout(w.h.db.db, `review_sheet:${w.sheetId}`);
    expect(notice?.mail).toEqual({
      status: 'sent',
      to: 'kacho@example.lg.jp',
      sentAt: w.h.clock.now().toISOString(),
      error: null,
      attempts: 1,
    });
    const [entry] = await listAudit(w.h.db.db, { entity: 'notice' });
    expect(entry).toMatchObject({
      action: 'mail',
      entityId: String(notice?.id),
      detail: { to: 'kacho@example.lg.jp', status: 'sent', attempt: 1 },
    });
    // Sent once: a second run finds nothing to send.
    expect((await drainOutbox(w.h.db.db, setupFor(smtp), w.h.clock.now, 'test')).sent).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });

  it('sends a 差戻し without its reason', async () => {
    const w = await world(dialect);
    await w.step('staff1', 'submit-goals', () => ({ goals: GOALS }));
    const s = await w.get('eval1');
    const reason = '目標の測定方法が曖昧なため再検討をお願いします';
    expect((await w.act('eval1', { action: 'send-back', version: s.version, reason })).status).toBe(200);
    await drainOutbox(w.h.db.db, setupFor(smtp), w.h.clock.now, 'test');
    const toStaff = smtp.received.find((m) => m.rcptTo.includes('shuji@example.lg.jp'));
    const parsed = await simpleParser(toStaff?.raw ?? '');
    expect(parsed.subject).toBe(
      '令和8年度 人事評価：評価シートが差し戻されました。目標を設定して提出してください',
    );
    expect((parsed.text ?? '') + (toStaff?.raw ?? '')).not.toContain('測定方法');
  });

  it('records a refusal as failed, in the notice and the audit log, and sends nothing', async () => {
    const w = await world(dialect);
    smtp.mode = 'refuse';
    await w.step('staff1', 'submit-goals', () => ({ goals: GOALS }));
    const result = await drainOutbox(w.h.db.db, setupFor(smtp), w.h.clock.now, 'test');
    expect(result).toEqual({ sent: 0, failed: 1, retrying: 0, off: 0 });
    expect(smtp.received).toHaveLength(0);
    const [notice] = await noticesAbout(w.h.db.db, `review_sheet:${w.sheetId}`);
    expect(notice?.mail).toMatchObject({
      status: 'failed',
      to: 'kacho@example.lg.jp',
      sentAt: null,
      attempts: 1,
    });
    expect(notice?.mail.error).toMatch(/550/);
    const [entry] = await listAudit(w.h.db.db, { entity: 'notice' });
    expect(entry).toMatchObject({ action: 'mail', detail: { status: 'failed', to: 'kacho@example.lg.jp' } });
    // Failed for good: not tried again.
    smtp.mode = 'accept';
    w.h.clock.advance(3_600_000);
    expect((await drainOutbox(w.h.db.db, setupFor(smtp), w.h.clock.now, 'test')).sent).toBe(0);
  });

  it('tries again after 5 and 10 minutes while the server is down, then gives up; sends once it is back', async () => {
    const w = await world(dialect);
    const down = { url: smtp.url };
    await smtp.stop();
    await w.step('staff1', 'submit-goals', () => ({ goals: GOALS }));
    const setup = setupFor(down);
    const status = async () => (await noticesAbout(w.h.db.db, `review_sheet:${w.sheetId}`))[0]?.mail;
    expect(await drainOutbox(w.h.db.db, setup, w.h.clock.now, 'test')).toMatchObject({ retrying: 1 });
    expect(await status()).toMatchObject({ status: 'not-sent', attempts: 1 });
    expect((await status())?.error).toMatch(/ECONNREFUSED|ECONNECTION|connect/i);
    w.h.clock.advance(4 * 60_000);
    expect(await drainOutbox(w.h.db.db, setup, w.h.clock.now, 'test')).toMatchObject({ retrying: 0 });
    w.h.clock.advance(60_000);
    expect(await drainOutbox(w.h.db.db, setup, w.h.clock.now, 'test')).toMatchObject({ retrying: 1 });
    w.h.clock.advance(10 * 60_000);
    expect(await drainOutbox(w.h.db.db, setup, w.h.clock.now, 'test')).toMatchObject({ failed: 1 });
    expect(await status()).toMatchObject({ status: 'failed', attempts: 3 });
    const tries = await listAudit(w.h.db.db, { entity: 'notice' });
    expect(tries.map((t) => (t.detail as { status: string }).status).sort()).toEqual([
      'failed',
      'not-sent',
      'not-sent',
    ]);

    // A later notice goes out once the server is back.
    smtp = await startSmtp();
    await w.step('eval1', 'agree-goals');
    expect((await drainOutbox(w.h.db.db, setupFor(smtp), w.h.clock.now, 'test')).sent).toBe(1);
    expect(smtp.received[0]?.rcptTo).toEqual(['shuji@example.lg.jp']);
  });

  it('gives up at once on a recipient without an address, naming why', async () => {
    const w = await world(dialect);
    await w.setEmail('eval1', null);
    await w.step('staff1', 'submit-goals', () => ({ goals: GOALS }));
    expect(await drainOutbox(w.h.db.db, setupFor(smtp), w.h.clock.now, 'test')).toMatchObject({ failed: 1 });
    expect(smtp.received).toHaveLength(0);
    expect((await noticesAbout(w.h.db.db, `review_sheet:${w.sheetId}`))[0]?.mail).toMatchObject({
      status: 'failed',
      error: 'メールアドレスが登録されていません',
    });
  });

  it('with mail off, marks the notices so and sends nothing; they stay in the app', async () => {
    const w = await world(dialect);
    await w.step('staff1', 'submit-goals', () => ({ goals: GOALS }));
    expect(await drainOutbox(w.h.db.db, null, w.h.clock.now, 'test')).toEqual({
      sent: 0,
      failed: 0,
      retrying: 0,
      off: 1,
    });
    expect(smtp.received).toHaveLength(0);
    const res = await w.h.request('/api/me/notices', { cookie: w.c.eval1 });
    const body = (await res.json()) as {
      notices: { mail: { status: string } }[];
      mail: { enabled: boolean };
    };
    expect(body).toMatchObject({ mail: { enabled: false }, notices: [{ mail: { status: 'off' } }] });
  });
});
