import { join } from 'node:path';
import {
  SURVEY_RESPONSE_COLUMN_NAMES,
  connect,
  insertKpiResponses,
  listUnits,
  responseRow,
} from '@jinzai/db';
import { importKpiResponses } from '@jinzai/api/services';
import { KPI_CODES, type AgreementValue, type KpiResponse } from '@jinzai/model';
import {
  SECTION_CODES,
  fmt,
  latency,
  perSecond,
  sectionUnits,
  makeDemoDb,
  printed,
  signIn,
  timeOnFreshDbs,
  vsRawInsert,
  withServer,
  work,
  type BenchRow,
  type RawInsert,
} from './harness.js';

/** Issue "HR analytics": 1,000,000 answers imported vs a raw insert; KPI board and breakdown latency. */
export async function surveyBench(rows: BenchRow[]): Promise<void> {
  await importBench(rows);
  await queryBench(rows);
}

const RESPONDENTS = 67_000; // × 15 questions = 1,005,000 answers
const UNITS = SECTION_CODES;
const GRADES = ['shuji', 'shunin', 'kakaricho', 'kacho-hosa', 'kacho'];
const AGES = ['-29', '30-39', '40-49', '50-'] as const;

function responses(n: number, seed: number, units = UNITS): KpiResponse[] {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
  return Array.from({ length: n }, (_, i) => ({
    unitCode: units[i % units.length] as string,
    gradeCode: GRADES[i % GRADES.length] as string,
    ageBand: AGES[i % AGES.length] as (typeof AGES)[number],
    employmentType: 'regular' as const,
    answers: Object.fromEntries(
      KPI_CODES.map((c) => [c, next() < 0.02 ? null : ((1 + Math.floor(next() * 4)) as AgreementValue)]),
    ) as KpiResponse['answers'],
  }));
}

const data = responses(RESPONDENTS, 42);
const csv =
  `unit_code,grade_code,age_band,employment_type,${KPI_CODES.join(',')}\r\n` +
  data
    .map((r) =>
      [
        r.unitCode,
        r.gradeCode,
        r.ageBand,
        r.employmentType,
        ...KPI_CODES.map((c) => r.answers[c] ?? ''),
      ].join(','),
    )
    .join('\r\n');
const csvBytes = new TextEncoder().encode(csv);
const units = sectionUnits(UNITS);

/** The raw baseline: the same answers' rows in one prepared-insert transaction. */
const rawInsert: RawInsert = (db) => {
  const cols = SURVEY_RESPONSE_COLUMN_NAMES;
  const stmt = db.prepare(
    `insert into survey_responses (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`,
  );
  const values = data.map((r) => responseRow('kpi-2025', 'import', r));
  return () => {
    for (const v of values) stmt.run(...v);
  };
};

async function importBench(rows: BenchRow[]) {
  const ms = await timeOnFreshDbs('survey', units, rawInsert, {
    import: (db) =>
      importKpiResponses(
        db,
        2025,
        { bytes: csvBytes, contentType: 'text/csv' },
        { userId: null, loginId: 'bench' },
        new Date(),
      ),
    bulk: (db) => db.transaction().execute((trx) => insertKpiResponses(trx, 2025, 'import', data)),
  });
  const answers = RESPONDENTS * 15;
  const raw = perSecond(answers, ms.raw);
  rows.push(
    vsRawInsert(
      'Survey import, 1,005,000 answers (67,000 × 15; CSV parse + checks + insert), answers/s',
      perSecond(answers, ms.import),
      raw,
      '≥ 60%',
    ),
  );
  rows.push(
    vsRawInsert('Survey bulk insert alone (bulkWrite), answers/s', perSecond(answers, ms.bulk), raw, 'print'),
  );
}

async function queryBench(rows: BenchRow[]) {
  const dbFile = join(work, 'survey-http.db');
  // A demo database (hr, the ward's units), then five years of 60,000 respondents on its units.
  await makeDemoDb(dbFile);
  const conn = connect({ dialect: 'sqlite', path: dbFile });
  const codes = (await listUnits(conn.db)).map((u) => u.code);
  for (const year of [2015, 2016, 2017, 2018, 2019]) {
    await conn.db
      .transaction()
      .execute((trx) => insertKpiResponses(trx, year, 'import', responses(60_000, year, codes)));
  }
  await conn.close();
  await withServer(dbFile, true, async () => {
    const cookie = await signIn('hr');
    const board = await latency('/api/kpis?fiscalYear=2019', cookie, 9);
    const byUnit = await latency('/api/kpis/breakdown?fiscalYear=2019&by=unit', cookie, 9);
    const byGrade = await latency('/api/kpis/breakdown?fiscalYear=2019&by=grade', cookie, 9);
    for (const [measure, ms] of [
      ['KPI board, 5 years × 60,000 respondents, median ms', board],
      ['KPI breakdown by unit, same data, median ms', byUnit],
      ['KPI breakdown by grade, same data, median ms', byGrade],
    ] as const) {
      rows.push(printed(measure, fmt(ms, 1), '< 150 ms'));
    }
  });
}
