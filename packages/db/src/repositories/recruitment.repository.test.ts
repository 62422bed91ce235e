import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  connectAgain,
  openTestDatabase,
  testDialects,
  type TestDatabase,
} from '../test-support/databases.js';
import {
  anonymiseExpiredApplicants,
  getApplicant,
  insertApplicants,
  listApplicants,
} from './recruitment-applicants.repository.js';
import {
  importScores,
  listSheets,
  stageSheetRefs,
  submittedScoreRows,
  reopenSheet,
  saveSheet,
} from './recruitment-scores.repository.js';
import {
  createRound,
  getRound,
  listCriteria,
  listStages,
  scoresVersionOf,
  bumpScoresVersion,
  updateRound,
} from './recruitment.repository.js';
import { createUser } from './users.repository.js';

const NOW = '2026-04-01T00:00:00.000Z';

describe.each(testDialects())('recruitment repositories on %s', (dialect) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(dialect);
  });
  afterEach(async () => t.dispose());

  const rater = (loginId: string) =>
    createUser(
      t.db,
      { loginId, displayName: loginId, passwordHash: 'x', staffNo: null, roles: ['interviewer'] },
      NOW,
    );

  /** A new-graduate round with one applicant, 001: the round, its stages and criteria, and the applicant. */
  const roundWithApplicant = async () => {
    const round = await createRound(t.db, { name: 'R', track: 'new-graduate', fiscalYear: 2027 }, null, NOW);
    await insertApplicants(
      t.db,
      round.id,
      [{ applicant_no: '001', name: 'A', name_kana: '', email: '' }],
      NOW,
    );
    const applicant = await getApplicant(t.db, round.id, '001');
    if (!applicant) throw new Error('setup');
    return {
      round,
      stages: await listStages(t.db, round.id),
      criteria: await listCriteria(t.db, round.id),
      applicant,
    };
  };

  it('creates a round with default stages, the weights version and the asked criteria only', async () => {
    const round = await createRound(t.db, { name: 'R', track: 'new-graduate', fiscalYear: 2027 }, null, NOW);
    expect(round).toMatchObject({
      status: 'open',
      weightVersion: '2024.1',
      retentionMonths: 12,
      scoresVersion: 0,
    });
    expect((await listStages(t.db, round.id)).map((s) => s.name)).toEqual([
      '書類選考',
      '一次面接',
      '二次面接',
      '最終面接',
    ]);
    const layers = new Set((await listCriteria(t.db, round.id)).map((c) => c.layer));
    expect([...layers].sort()).toEqual(['interpersonal', 'potential', 'problem', 'stance']);
    await bumpScoresVersion(t.db, round.id);
    expect(await scoresVersionOf(t.db, round.id)).toBe(1);
  });

  it('saves sheets with optimistic locking, locks on submit, reopens', async () => {
    const {
      stages: [stage],
      criteria: [crit],
      applicant: a,
    } = await roundWithApplicant();
    const u = await rater('i1');
    if (!stage || !crit) throw new Error('setup');
    const base = { stageId: stage.id, applicantId: a.id, raterId: u.id, now: NOW };
    const scores = [{ criterionId: crit.id, layer: crit.layer, score: 4, note: '根拠' }];
    const first = await saveSheet(t.db, { ...base, expectedVersion: 0, scores, submit: false });
    expect(first).toMatchObject({ outcome: 'saved', sheet: { version: 1, status: 'draft' } });
    const stale = await saveSheet(t.db, { ...base, expectedVersion: 0, scores, submit: false });
    expect(stale).toMatchObject({ outcome: 'stale', current: { version: 1 } });
    const done = await saveSheet(t.db, { ...base, expectedVersion: 1, scores, submit: true });
    expect(done).toMatchObject({ outcome: 'saved', sheet: { version: 2, status: 'submitted' } });
    const locked = await saveSheet(t.db, { ...base, expectedVersion: 2, scores, submit: false });
    expect(locked.outcome).toBe('locked');
    if (done.outcome !== 'saved') throw new Error('not saved');
    expect(await reopenSheet(t.db, done.sheet.id, NOW)).toMatchObject({ status: 'draft', version: 3 });
  });

  it('imports scores set-based, replacing, and reads them back by stage or by sheet', async () => {
    const {
      stages: [stage],
      criteria,
      applicant: a,
    } = await roundWithApplicant();
    const crits = criteria.filter((c) => c.layer === 'potential');
    const u1 = await rater('i1');
    const u2 = await rater('i2');
    if (!stage || !crits[0] || !crits[1]) throw new Error('setup');
    const row = (raterId: number, i: 0 | 1, score: number) => ({
      stageId: stage.id,
      applicantId: a.id,
      raterId,
      criterionId: crits[i]?.id ?? 0,
      layer: 'potential',
      score,
    });
    expect(await importScores(t.db, [row(u1.id, 0, 4), row(u1.id, 1, 2), row(u2.id, 0, 5)], NOW)).toBe(2);
    // Replaces an existing score.
    await importScores(t.db, [row(u2.id, 0, 3)], NOW);
    const rows = await submittedScoreRows(t.db, stage.id);
    expect(rows.map((r) => r.score).sort()).toEqual([2, 3, 4]);
    const refs = await stageSheetRefs(t.db, stage.id);
    expect(refs.map((r) => r.version).sort()).toEqual([1, 2]);
    const u2sheet = refs.find((r) => r.raterId === u2.id)?.id ?? 0;
    expect((await submittedScoreRows(t.db, stage.id, [u2sheet])).map((r) => r.score)).toEqual([3]);
    const sheets = await listSheets(t.db, stage.id, a.id);
    expect(sheets.map((s) => [s.raterLoginId, s.status, s.version])).toEqual([
      ['i1', 'submitted', 1],
      ['i2', 'submitted', 2],
    ]);
  });

  it('anonymises personal data after closing plus retention, later with consent', async () => {
    const round = await createRound(t.db, { name: 'R', track: 'experienced', fiscalYear: 2027 }, null, NOW);
    await insertApplicants(
      t.db,
      round.id,
      [
        { applicant_no: '001', name: 'A', name_kana: 'エー', email: 'a@x.jp' },
        { applicant_no: '002', name: 'B', name_kana: 'ビー', email: 'b@x.jp', consent: true },
      ],
      NOW,
    );
    expect(await anonymiseExpiredApplicants(t.db, '2030-01-01T00:00:00.000Z')).toEqual([]); // still open
    await updateRound(t.db, round.id, { status: 'closed' }, '2026-06-30T00:00:00.000Z');
    expect((await getRound(t.db, round.id))?.closedAt).toBe('2026-06-30T00:00:00.000Z');
    expect(await anonymiseExpiredApplicants(t.db, '2027-06-29T00:00:00.000Z')).toEqual([]);
    expect(await anonymiseExpiredApplicants(t.db, '2027-06-30T00:00:00.000Z')).toEqual([
      { roundId: round.id, applicants: 1 },
    ]);
    const list = await listApplicants(t.db, round.id);
    expect(list.map((x) => [x.applicantNo, x.name, x.email])).toEqual([
      ['001', null, null],
      ['002', 'B', 'b@x.jp'],
    ]);
    expect(await anonymiseExpiredApplicants(t.db, '2029-07-01T00:00:00.000Z')).toEqual([
      { roundId: round.id, applicants: 1 },
    ]);
  });

  // Two API processes on one PostgreSQL running the retention at the same moment: the second one read the same
  // applicants before the first committed, and must not anonymise (and report) them a second time.
  it.runIf(dialect === 'postgres')(
    'anonymises each applicant in one of two runs at the same moment',
    async () => {
      const round = await createRound(t.db, { name: 'R', track: 'experienced', fiscalYear: 2027 }, null, NOW);
      await insertApplicants(
        t.db,
        round.id,
        ['001', '002', '003'].map((no) => ({
          applicant_no: no,
          name: `N${no}`,
          name_kana: 'カナ',
          email: `${no}@x.jp`,
        })),
        NOW,
      );
      await updateRound(t.db, round.id, { status: 'closed' }, '2026-06-30T00:00:00.000Z');
      const other = connectAgain(t);
      try {
        const late = '2027-07-01T00:00:00.000Z';
        let ran!: () => void;
        let release!: () => void;
        const firstRan = new Promise<void>((r) => (ran = r));
        const held = new Promise<void>((r) => (release = r));
        const first = t.db.transaction().execute(async (trx) => {
          const r = await anonymiseExpiredApplicants(trx, late);
          ran();
          await held;
          return r;
        });
        await firstRan;
        const second = other.db.transaction().execute((trx) => anonymiseExpiredApplicants(trx, late));
        // The second run has read the applicants as they were and now waits for the first one's row locks.
        for (;;) {
          const waiting = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
          where wait_event_type = 'Lock' and query like '%update "recruit_applicants"%'
          and query like ${`%${round.id}%`}`.execute(t.db);
          if ((waiting.rows[0]?.n ?? 0) > 0) break;
          await new Promise((r) => setTimeout(r, 10));
        }
        release();
        expect(await first).toEqual([{ roundId: round.id, applicants: 3 }]);
        expect(await second).toEqual([]);
      } finally {
        await other.close();
      }
    },
  );
});
