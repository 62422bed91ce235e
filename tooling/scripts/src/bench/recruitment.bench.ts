import { join } from 'node:path';
import { connect, createRound, insertApplicants, listCriteria, type Round } from '@jinzai/db';
import { importScoresFile } from '@jinzai/api/services';
import {
  elapsed,
  fmt,
  freshDb,
  median,
  perSecond,
  PORT,
  ratio,
  makeDemoDb,
  printed,
  signIn,
  timeRawTransaction,
  vsRawInsert,
  withServer,
  work,
  type BenchRow,
} from './harness.js';

// Issue 3: a round of 5,000 applicants × 3 raters × 12 criteria (180,000 scores).
const APPLICANTS = 5_000;
const RATERS = ['interviewer1', 'interviewer2', 'interviewer3'];
const PER_LAYER = 3;
const NOW = '2026-04-01T00:00:00.000Z';

const applicantNo = (i: number) => `B${String(i + 1).padStart(5, '0')}`;
const score = (a: number, r: number, c: number) => 1 + ((a * 7 + r * 3 + c * 5 + ((a * c) % 11)) % 5);

/** A round with 5,000 applicants and its 12 criteria (3 under each layer the new-graduate track weighs). */
async function setUpRound(
  db: ReturnType<typeof connect>['db'],
): Promise<{ round: Round; criteria: { id: number; code: string; layer: string }[] }> {
  const round = await createRound(db, { name: 'bench', track: 'new-graduate', fiscalYear: 2027 }, null, NOW);
  await insertApplicants(
    db,
    round.id,
    Array.from({ length: APPLICANTS }, (_, i) => ({
      applicant_no: applicantNo(i),
      name: `応募 ${i}`,
      name_kana: '',
      email: '',
    })),
    NOW,
  );
  const all = await listCriteria(db, round.id);
  const criteria = ['potential', 'stance', 'interpersonal', 'problem'].flatMap((l) =>
    all.filter((c) => c.layer === l).slice(0, PER_LAYER),
  );
  return { round, criteria };
}

function scoresCsv(criteria: { code: string }[]): Uint8Array {
  const lines = ['applicant_no,rater,criterion,score'];
  for (let a = 0; a < APPLICANTS; a++)
    for (const [r, rater] of RATERS.entries())
      for (const [c, crit] of criteria.entries())
        lines.push(`${applicantNo(a)},${rater},${crit.code},${score(a, r, c)}`);
  return new TextEncoder().encode(lines.join('\r\n'));
}

/** The three raters (ids 100–102) with the interviewer role, for the databases the bench makes itself. */
async function addRaters(db: ReturnType<typeof connect>['db']): Promise<void> {
  for (const [i, login] of RATERS.entries()) {
    await db
      .insertInto('users')
      .values({
        id: 100 + i,
        login_id: login,
        display_name: login,
        password_hash: 'x',
        staff_no: null,
        created_at: NOW,
      })
      .execute();
    await db
      .insertInto('user_roles')
      .values({ user_id: 100 + i, role: 'interviewer' })
      .execute();
  }
}

/** A fresh database with the raters and the big round. */
async function freshRound(name: string) {
  const conn = await freshDb(name);
  await addRaters(conn.db);
  return { conn, ...(await setUpRound(conn.db)) };
}

/** A raw better-sqlite3 prepared insert of the same 180,000 score rows, in one transaction (sheets made untimed). */
async function rawInsert(name: string): Promise<number> {
  const { conn, round, criteria } = await freshRound(name);
  const stage = await conn.db
    .selectFrom('recruit_stages')
    .select('id')
    .where('round_id', '=', round.id)
    .orderBy('position')
    .executeTakeFirstOrThrow();
  await conn.close();
  return timeRawTransaction(join(work, `${name}.db`), (db) => {
    const ids = db
      .prepare('select id from recruit_applicants where round_id = ? order by applicant_no')
      .all(round.id) as { id: number }[];
    const sheet = db.prepare(
      "insert into recruit_sheets (stage_id, applicant_id, rater_id, status, version, submitted_at, updated_at) values (?, ?, ?, 'submitted', 1, ?, ?)",
    );
    const sheetIds: number[] = [];
    db.transaction(() => {
      for (const a of ids)
        for (let r = 0; r < RATERS.length; r++)
          sheetIds.push(Number(sheet.run(stage.id, a.id, 100 + r, NOW, NOW).lastInsertRowid));
    })();
    const stmt = db.prepare(
      'insert into recruit_scores (sheet_id, criterion_id, layer, score) values (?, ?, ?, ?)',
    );
    return () => {
      sheetIds.forEach((sheetId, s) => {
        const a = Math.floor(s / RATERS.length);
        const r = s % RATERS.length;
        criteria.forEach((c, ci) => stmt.run(sheetId, c.id, c.layer, score(a, r, ci)));
      });
    };
  });
}

/** Imports the big round's scores file (one row per applicant × rater × criterion). */
const importScores = (db: ReturnType<typeof connect>['db'], round: Round, criteria: { code: string }[]) =>
  importScoresFile(
    db,
    round,
    { bytes: scoresCsv(criteria), contentType: 'text/csv' },
    { userId: null, loginId: 'bench' },
    new Date(NOW),
  );

/** Issue 3: scores import vs raw insert; results of the big round, recomputed and cached. */
export async function recruitmentBench(rows: BenchRow[]): Promise<void> {
  // The server's first start makes the database with the demo logins; the big rounds go in after.
  const dbFile = join(work, 'recruit.db');
  await makeDemoDb(dbFile);

  // Each timed run, the raw insert and the import alike, writes into a fresh database of its own.
  const rawMs: number[] = [];
  const importMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    rawMs.push(await rawInsert(`recruit-raw${i}`));
    const fresh = await freshRound(`recruit-imp${i}`);
    importMs.push(await elapsed(() => importScores(fresh.conn.db, fresh.round, fresh.criteria)));
    await fresh.conn.close();
  }
  // The round the results are read from, in the server's database (demo logins included), untimed.
  const conn = connect({ dialect: 'sqlite', path: dbFile });
  const { round, criteria } = await setUpRound(conn.db);
  await importScores(conn.db, round, criteria);
  const roundId = round.id;
  await conn.close();
  const N = APPLICANTS * RATERS.length * PER_LAYER * 4;
  rows.push(
    vsRawInsert(
      `Scores import, ${fmt(N)} rows (CSV parse + checks + insert), rows/s`,
      perSecond(N, importMs),
      perSecond(N, rawMs),
      '≥ 60%',
    ),
  );

  await withServer(dbFile, false, async () => {
    const cookie = await signIn('hr');
    const results = `/api/recruit/rounds/${roundId}/results`;
    const timeGet = () =>
      elapsed(async () => {
        const res = await fetch(`http://127.0.0.1:${PORT}${results}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`${results}: ${res.status}`);
        await res.arrayBuffer();
      });
    // A keyed-in score is a real write: it bumps the round's scores version and one sheet's, so the next read
    // recomputes (from the sheets that changed).
    let flip = 0;
    const bump = async () => {
      flip += 1;
      const res = await fetch(`http://127.0.0.1:${PORT}/api/recruit/rounds/${roundId}/scores`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'text/csv' },
        body: `applicant_no,rater,criterion,score\n${applicantNo(flip)},interviewer1,potential.sunaosa,${1 + (flip % 5)}\n`,
      });
      if (res.status !== 200) throw new Error(`scores: ${res.status} ${await res.text()}`);
    };
    const cold = await timeGet();
    const recomputed: number[] = [];
    for (let i = 0; i < 7; i++) {
      await bump();
      const ms = await timeGet();
      if (i >= 2) recomputed.push(ms);
    }
    const cached: number[] = [];
    for (let i = 0; i < 7; i++) {
      const ms = await timeGet();
      if (i >= 2) cached.push(ms);
    }
    rows.push(
      printed(
        `GET results, ${fmt(APPLICANTS)} applicants × 3 raters × 12 criteria, recomputed after a score write, ms (median of 5)`,
        fmt(median(recomputed), 1),
        '< 500 ms',
      ),
    );
    rows.push(
      printed('GET results, first read after start (whole stage from the database), ms', fmt(cold, 1)),
    );
    rows.push({
      measure: 'GET results, repeated read (cached by scores version), ms (median of 5)',
      value: fmt(median(cached), 1),
      baseline: `${fmt(median(recomputed), 1)} (recomputed)`,
      ratio: ratio(median(cached), median(recomputed)),
      target: 'far less',
    });
  });
}
