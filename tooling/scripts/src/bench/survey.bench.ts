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
  elapsed,
  fmt,
  freshDb,
  latency,
  median,
  ratio,
  sectionUnits,
  signIn,
  startServer,
  stopServer,
  timeRawTransaction,
  work,
  type BenchRow,
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

function rawInsert(file: string): number {
  return timeRawTransaction(file, (db) => {
    const cols = SURVEY_RESPONSE_COLUMN_NAMES;
    const stmt = db.prepare(
      `insert into survey_responses (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`,
    );
    const values = data.map((r) => responseRow('kpi-2025', 'import', r));
    return () => {
      for (const v of values) stmt.run(...v);
    };
  });
}

async function importBench(rows: BenchRow[]) {
  const rawMs: number[] = [];
  const importMs: number[] = [];
  const bulkMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    await (await freshDb(`sraw${i}`, units)).close();
    rawMs.push(rawInsert(join(work, `sraw${i}.db`)));
    const conn = await freshDb(`simp${i}`, units);
    importMs.push(
      await elapsed(() =>
        importKpiResponses(
          conn.db,
          2025,
          csvBytes,
          'text/csv',
          { userId: null, loginId: 'bench' },
          new Date(),
        ),
      ),
    );
    await conn.close();
    const bulk = await freshDb(`sbulk${i}`, units);
    bulkMs.push(
      await elapsed(() =>
        bulk.db.transaction().execute((trx) => insertKpiResponses(trx, 2025, 'import', data)),
      ),
    );
    await bulk.close();
  }
  const answers = RESPONDENTS * 15;
  const raw = answers / (median(rawMs) / 1000);
  const imp = answers / (median(importMs) / 1000);
  const bulk = answers / (median(bulkMs) / 1000);
  rows.push({
    measure: 'Survey import, 1,005,000 answers (67,000 × 15; CSV parse + checks + insert), answers/s',
    value: fmt(imp),
    baseline: `${fmt(raw)} (raw prepared insert)`,
    ratio: ratio(imp, raw),
    target: '≥ 25%',
  });
  rows.push({
    measure: 'Survey bulk insert alone (bulkWrite), answers/s',
    value: fmt(bulk),
    baseline: `${fmt(raw)} (raw prepared insert)`,
    ratio: ratio(bulk, raw),
    target: 'print',
  });
}

async function queryBench(rows: BenchRow[]) {
  const dbFile = join(work, 'survey-http.db');
  // A demo database (hr, the ward's units), then five years of 60,000 respondents on its units.
  const first = startServer(dbFile, true);
  await first.ready;
  await stopServer(first.child);
  const conn = connect({ dialect: 'sqlite', path: dbFile });
  const codes = (await listUnits(conn.db)).map((u) => u.code);
  for (const year of [2015, 2016, 2017, 2018, 2019]) {
    await conn.db
      .transaction()
      .execute((trx) => insertKpiResponses(trx, year, 'import', responses(60_000, year, codes)));
  }
  await conn.close();
  const server = startServer(dbFile, true);
  await server.ready;
  try {
    const cookie = await signIn('hr');
    const board = await latency('/api/kpis?fiscalYear=2019', cookie, 9);
    const byUnit = await latency('/api/kpis/breakdown?fiscalYear=2019&by=unit', cookie, 9);
    const byGrade = await latency('/api/kpis/breakdown?fiscalYear=2019&by=grade', cookie, 9);
    for (const [measure, ms] of [
      ['KPI board, 5 years × 60,000 respondents, median ms', board],
      ['KPI breakdown by unit, same data, median ms', byUnit],
      ['KPI breakdown by grade, same data, median ms', byGrade],
    ] as const) {
      rows.push({ measure, value: fmt(ms, 1), baseline: '—', ratio: '—', target: '< 150 ms' });
    }
  } finally {
    await stopServer(server.child);
  }
}
