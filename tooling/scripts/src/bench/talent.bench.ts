// Issue 13 (talent data): a training import of 200,000 rows against a raw prepared insert of the same rows, and
// the profile of a person with ten years of data (p95 of single requests), beside /api/health's in the same run.
import { join } from 'node:path';
import {
  connect,
  createPeriod,
  insertDeclarations,
  insertInterview,
  resultsOfStaff,
  upsertResults,
  upsertStaff,
  upsertTrainingCompletions,
} from '@jinzai/db';
import { importTraining } from '@jinzai/api/services';
import { DEFAULT_COURSES, defaultPhaseDates, EVALUATION_SCALE, gradeByCode, periodName } from '@jinzai/model';
import {
  SECTION_CODES,
  elapsed,
  fmt,
  freshDb,
  makeDemoDb,
  perSecond,
  PORT,
  ratio,
  sectionUnits,
  signIn,
  timeRawTransaction,
  vsRawInsert,
  withServer,
  work,
  type BenchRow,
} from './harness.js';

export async function talentBench(rows: BenchRow[]): Promise<void> {
  await importBench(rows);
  await profileBench(rows);
}

const STAFF = 4_000;
const ROWS = 200_000;
const staffNo = (i: number) => String(100_000 + i);
const staffRows = Array.from({ length: STAFF }, (_, i) => ({
  staff_no: staffNo(i),
  name: `職員 ${i}`,
  name_kana: 'ショクイン',
  unit_code: SECTION_CODES[i % SECTION_CODES.length] as string,
  grade_code: 'shuji',
  employment_type: 'regular' as const,
  birth_year: 1990,
}));
// 50 completions a person: each course on its own day.
const completions = Array.from({ length: ROWS }, (_, i) => {
  const k = Math.floor(i / STAFF);
  const course = DEFAULT_COURSES[k % DEFAULT_COURSES.length] ?? DEFAULT_COURSES[0];
  const day = new Date(Date.UTC(2016, 3, 1) + k * 40 * 86_400_000).toISOString().slice(0, 10);
  return {
    staffNo: staffNo(i % STAFF),
    course: course?.nameJa ?? '',
    layer: course?.layer ?? 'ict',
    completedOn: day,
    hours: 3.5,
  };
});
const csvBytes = new TextEncoder().encode(
  'staff_no,course,layer,completed_on,hours\r\n' +
    completions.map((c) => `${c.staffNo},${c.course},${c.layer},${c.completedOn},${c.hours}`).join('\r\n'),
);
const units = sectionUnits(SECTION_CODES);
const AT = '2026-04-01T00:00:00.000Z';

/** A fresh database with the units and the 4,000 staff (untimed), closed again. */
async function withStaff(name: string) {
  const conn = await freshDb(name, units);
  await upsertStaff(conn.db, staffRows, AT);
  return conn;
}

async function importBench(rows: BenchRow[]) {
  const ms = { raw: [] as number[], import: [] as number[], bulk: [] as number[] };
  for (let i = 0; i < 3; i++) {
    await (await withStaff(`talent-raw${i}`)).close();
    ms.raw.push(
      timeRawTransaction(join(work, `talent-raw${i}.db`), (db) => {
        const stmt = db.prepare(
          'insert into talent_training (staff_no, course, layer, completed_on, hours, source, status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
        );
        return () => {
          for (const c of completions)
            stmt.run(c.staffNo, c.course, c.layer, c.completedOn, c.hours, 'import', 'approved', AT);
        };
      }),
    );
    for (const step of ['import', 'bulk'] as const) {
      const conn = await withStaff(`talent-${step}${i}`);
      try {
        ms[step].push(
          await elapsed(() =>
            step === 'import'
              ? importTraining(
                  conn.db,
                  { bytes: csvBytes, contentType: 'text/csv' },
                  { userId: null, loginId: 'bench' },
                  new Date(),
                )
              : conn.db.transaction().execute((trx) => upsertTrainingCompletions(trx, completions, AT)),
          ),
        );
      } finally {
        await conn.close();
      }
    }
  }
  const raw = perSecond(ROWS, ms.raw);
  rows.push(
    vsRawInsert(
      'Training import, 200,000 rows (CSV parse + checks + upsert + audit), rows/s',
      perSecond(ROWS, ms.import),
      raw,
      '≥ 50%',
    ),
    vsRawInsert('Training upsert alone (bulkWrite), rows/s', perSecond(ROWS, ms.bulk), raw, 'print'),
  );
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1] ?? NaN;

async function timed(path: string, cookie: string, runs: number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < runs + 10; i++) {
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${PORT}${path}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    await res.arrayBuffer();
    if (i >= 10) ms.push(performance.now() - t0);
  }
  return ms;
}

/** The demo ward, with staff1 given ten years of evaluations, training, declarations and 面談. */
async function profileBench(rows: BenchRow[]) {
  const dbFile = join(work, 'talent-profile.db');
  await makeDemoDb(dbFile);
  const person = '000103';
  const conn = connect({ dialect: 'sqlite', path: dbFile });
  await conn.db.transaction().execute(async (trx) => {
    const [last] = (await resultsOfStaff(trx, person)).slice(-1);
    const grade = gradeByCode('shuji');
    for (const year of [2016, 2017, 2018, 2019, 2020]) {
      const p = await createPeriod(
        trx,
        {
          fiscalYear: year,
          kind: 'fiscal',
          name: periodName(year, 'fiscal'),
          ...defaultPhaseDates(year, 'fiscal'),
          scaleVersion: EVALUATION_SCALE.version,
        },
        AT,
      );
      await upsertResults(trx, [
        {
          periodId: p.id,
          staffNo: person,
          unitCode: last?.unitCode ?? '020201',
          gradeCode: 'shuji',
          overall: 'B',
          items: Object.fromEntries((grade?.competencies ?? []).map((c) => [c.code, 'B' as const])),
          source: 'import',
          confirmedAt: AT,
        },
      ]);
    }
    const years = Array.from({ length: 10 }, (_, k) => 2016 + k);
    await upsertTrainingCompletions(
      trx,
      years.flatMap((y) =>
        DEFAULT_COURSES.map((c, k) => ({
          staffNo: person,
          course: c.nameJa,
          layer: c.layer,
          completedOn: `${y}-0${k + 4}-10`,
          hours: 7,
        })),
      ),
      AT,
    );
    await insertDeclarations(
      trx,
      years.map((y) => ({
        staffNo: person,
        fiscalYear: y,
        unitCode: '020201',
        gradeCode: 'shuji',
        transferWish: 'move',
        wishedUnits: ['0201'],
        reason: '',
        careerGoal: 'DXの企画',
        growthLayer: 'ict',
        circumstances: '',
        managerExamInterest: false,
      })),
      AT,
    );
    for (const y of years)
      for (const kind of ['start', 'mid', 'end', 'one-on-one'])
        await insertInterview(
          trx,
          {
            staffNo: person,
            kind,
            heldOn: `${y}-06-01`,
            topics: '目標',
            actions: '',
            privateNotes: 'メモ',
            recordedByUserId: null,
            recordedByName: '課長',
          },
          AT,
        );
  });
  await conn.close();
  await withServer(dbFile, true, async () => {
    const hr = await signIn('hr');
    const health = p95(await timed('/api/health', hr, 200));
    const profile = p95(await timed(`/api/talent/staff/${person}`, hr, 200));
    rows.push({
      measure:
        'Profile of a person with 10 years of data (evaluations, 60 trainings, 10 declarations, 40 面談), p95',
      value: `${fmt(profile, 1)} ms`,
      baseline: `${fmt(health, 2)} ms health p95`,
      ratio: ratio(profile, health),
      target: '< 50 ms',
    });
  });
}
