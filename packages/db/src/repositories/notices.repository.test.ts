import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../connect.js';
import {
  connectAgain,
  openTestDatabase,
  testDialects,
  type TestDatabase,
} from '../test-support/databases.js';
import {
  addNotices,
  claimJob,
  claimOutgoingMail,
  countUnreadNotices,
  listNotices,
  markMailOff,
  markNoticeRead,
  recordMailOutcome,
  type NewNotice,
} from './notices.repository.js';
import { createUser } from './users.repository.js';

const T = '2027-01-29T00:00:00.000Z';
const later = (minutes: number) => new Date(Date.parse(T) + minutes * 60_000).toISOString();

const notice = (to: NewNotice['to'], extra: Partial<NewNotice> = {}): NewNotice => ({
  to,
  kind: 'sheet-arrived',
  subject: 'review_sheet:1',
  title: '令和8年度 人事評価：一次評価を行ってください',
  params: { periodName: '令和8年度 人事評価', state: 'first', relation: 'first' },
  href: '/review/evaluation/sheets/1',
  ...extra,
});

describe.each(testDialects())('notices on %s', (dialect) => {
  let t: TestDatabase;
  let other: Connection | null = null;
  let kacho: number;
  let outsider: number;
  beforeEach(async () => {
    t = await openTestDatabase(dialect);
    await t.db
      .insertInto('units')
      .values({ code: '10', name: '総務部', parent_code: null, level: '部', updated_at: T })
      .execute();
    await t.db
      .insertInto('staff')
      .values({
        staff_no: '000002',
        name: '課長 花子',
        name_kana: 'カチョウ ハナコ',
        unit_code: '10',
        grade_code: 'kacho',
        job_family: 'general',
        employment_type: 'regular',
        birth_year: 1975,
        updated_at: T,
      })
      .execute();
    const user = (loginId: string, staffNo: string | null) =>
      createUser(t.db, { loginId, displayName: loginId, passwordHash: 'x', staffNo, roles: ['staff'] }, T);
    kacho = (await user('kacho', '000002')).id;
    outsider = (await user('outsider', null)).id;
    await t.db.updateTable('users').set({ email: 'kacho@example.lg.jp' }).where('id', '=', kacho).execute();
  });
  afterEach(async () => {
    await other?.close();
    other = null;
    await t.dispose();
  });

  it("shows a reader the notices to their staff number and to their account, newest first, and no one else's", async () => {
    await addNotices(t.db, [notice({ staffNo: '000002' })], T);
    await addNotices(t.db, [notice({ userId: outsider }, { kind: 'panel-added' })], later(1));
    await addNotices(
      t.db,
      [notice({ staffNo: '000009' }), notice({ userId: kacho }, { kind: 'reminder' })],
      later(2),
    );
    const mine = await listNotices(t.db, { userId: kacho, staffNo: '000002' }, { offset: 0, limit: 10 });
    expect(mine.notices.map((n) => n.kind)).toEqual(['reminder', 'sheet-arrived']);
    expect(mine).toMatchObject({ total: 2, unread: 2 });
    const theirs = await listNotices(t.db, { userId: outsider, staffNo: null }, { offset: 0, limit: 10 });
    expect(theirs.notices.map((n) => n.kind)).toEqual(['panel-added']);
    const page2 = await listNotices(t.db, { userId: kacho, staffNo: '000002' }, { offset: 1, limit: 1 });
    expect(page2.notices.map((n) => n.kind)).toEqual(['sheet-arrived']);
  });

  it('marks only its own reader’s notice read, once', async () => {
    const [{ id = 0 } = {}] = await addNotices(t.db, [notice({ staffNo: '000002' })], T);
    const reader = { userId: kacho, staffNo: '000002' };
    expect(await markNoticeRead(t.db, { userId: outsider, staffNo: null }, id, later(1))).toBeUndefined();
    expect((await markNoticeRead(t.db, reader, id, later(2)))?.readAt).toBe(later(2));
    expect((await markNoticeRead(t.db, reader, id, later(3)))?.readAt).toBe(later(2));
    expect(await countUnreadNotices(t.db, reader)).toBe(0);
    expect((await listNotices(t.db, reader, { offset: 0, limit: 5, unreadOnly: true })).total).toBe(0);
  });

  it('writes a notice with a taken key once, however many connections write it at the same moment', async () => {
    other = connectAgain(t);
    const key = 'reminder:review_sheet:1:000002:2027-01-29';
    const results = await Promise.all(
      [t.db, other.db, t.db, other.db].map((db) =>
        addNotices(db, [notice({ staffNo: '000002' }, { dedupeKey: key })], T),
      ),
    );
    expect(results.flat()).toHaveLength(1);
    const rows = await t.db.selectFrom('notices').select('dedupe_key').execute();
    expect(rows).toEqual([{ dedupe_key: key }]);
  });

  it('refuses a notice with no recipient or with two', async () => {
    const bad = async (values: { recipient_staff_no: string | null; recipient_user_id: number | null }) =>
      t.db
        .insertInto('notices')
        .values({
          ...values,
          kind: 'x',
          subject: 'x',
          title: 'x',
          params_json: '{}',
          href: '/',
          created_at: T,
        })
        .execute();
    await expect(bad({ recipient_staff_no: null, recipient_user_id: null })).rejects.toThrow();
    await expect(bad({ recipient_staff_no: '000002', recipient_user_id: kacho })).rejects.toThrow();
  });

  it('lets two senders at once claim each waiting mail once, with the address of whoever holds the record', async () => {
    other = connectAgain(t);
    await addNotices(
      t.db,
      Array.from({ length: 40 }, (_, k) => notice(k % 2 ? { staffNo: '000002' } : { userId: outsider })),
      T,
    );
    const [a, b] = await Promise.all([
      claimOutgoingMail(t.db, 'a', T, later(5), 30),
      claimOutgoingMail(other.db, 'b', T, later(5), 30),
    ]);
    const ids = [...(a ?? []), ...(b ?? [])].map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Whatever either left is claimed by the next round; nothing is claimed twice.
    const rest = await claimOutgoingMail(other.db, 'b', T, later(5), 100);
    expect(ids.length + rest.length).toBe(40);
    expect(new Set([...ids, ...rest.map((m) => m.id)]).size).toBe(40);
    const toKacho = [...(a ?? []), ...rest].find((m) => m.recipient?.displayName === 'kacho');
    expect(toKacho?.recipient).toEqual({ displayName: 'kacho', email: 'kacho@example.lg.jp', active: true });
    expect(
      [...(a ?? []), ...rest].find((m) => m.recipient?.displayName === 'outsider')?.recipient?.email,
    ).toBeNull();
    // Claimed mails are not claimed again before their claim runs out; after that they are.
    expect(await claimOutgoingMail(t.db, 'c', later(1), later(6), 100)).toEqual([]);
    expect(await claimOutgoingMail(t.db, 'c', later(5), later(10), 100)).toHaveLength(40);
  });

  it('records an outcome only for the holder of the claim, and retries a mail only once its time has come', async () => {
    const [{ id = 0 } = {}] = await addNotices(t.db, [notice({ staffNo: '000002' })], T);
    const [m] = await claimOutgoingMail(t.db, 'a', T, later(5), 10);
    expect(m?.attempt).toBe(1);
    expect(await recordMailOutcome(t.db, id, 'b', { status: 'sent', to: 'x', at: T })).toBe(false);
    const retryAt = later(5);
    expect(
      await recordMailOutcome(t.db, id, 'a', { status: 'not-sent', to: 'k', error: 'timeout', retryAt }),
    ).toBe(true);
    expect(await claimOutgoingMail(t.db, 'a', later(4), later(9), 10)).toEqual([]);
    const [again] = await claimOutgoingMail(t.db, 'a', later(5), later(10), 10);
    expect(again?.attempt).toBe(2);
    expect(await recordMailOutcome(t.db, id, 'a', { status: 'sent', to: 'k@x', at: later(5) })).toBe(true);
    const [n] = (await listNotices(t.db, { userId: kacho, staffNo: '000002' }, { offset: 0, limit: 1 }))
      .notices;
    expect(n?.mail).toEqual({ status: 'sent', to: 'k@x', sentAt: later(5), error: null, attempts: 2 });
    expect(await claimOutgoingMail(t.db, 'a', later(60), later(65), 10)).toEqual([]);
  });

  it('marks waiting mail off when mail is not configured, and leaves the rest', async () => {
    const [{ id: sent = 0 } = {}] = await addNotices(t.db, [notice({ staffNo: '000002' })], T);
    await claimOutgoingMail(t.db, 'a', T, later(5), 10);
    await recordMailOutcome(t.db, sent, 'a', { status: 'sent', to: 'k', at: T });
    await addNotices(t.db, [notice({ staffNo: '000002' }), notice({ userId: outsider })], T);
    expect(await markMailOff(t.db)).toBe(2);
    const rows = await t.db.selectFrom('notices').select('mail_status').orderBy('id').execute();
    expect(rows.map((r) => r.mail_status)).toEqual(['sent', 'off', 'off']);
  });

  it('gives a due job to exactly one of several processes, and none before it is due again', async () => {
    other = connectAgain(t);
    const tries = await Promise.all(
      ['a', 'b', 'c', 'd'].map((holder, k) =>
        claimJob(k % 2 ? t.db : (other as Connection).db, 'reminders', holder, T, later(30)),
      ),
    );
    expect(tries.filter(Boolean)).toHaveLength(1);
    expect(await claimJob(t.db, 'reminders', 'a', later(29), later(59))).toBe(false);
    const again = await Promise.all([
      claimJob(t.db, 'reminders', 'a', later(30), later(60)),
      claimJob(other.db, 'reminders', 'b', later(30), later(60)),
    ]);
    expect(again.filter(Boolean)).toHaveLength(1);
  });
});
