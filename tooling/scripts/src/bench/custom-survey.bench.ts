import { createCustomSurvey } from '@jinzai/db';
import { customCrossTab, importCustomResponses } from '@jinzai/api/services';
import { SECTION_CODES, elapsed, fmt, freshDb, sectionUnits, timeMedian, type BenchRow } from './harness.js';

const RESPONDENTS = 60_000;
const UNITS = SECTION_CODES;
const AGES = ['-29', '30-39', '40-49', '50-'];

/** HR-defined surveys: import of 60,000 answers (4-point + multiple choice) and the cross-tab by age band and unit. */
export async function customSurveyBench(rows: BenchRow[]): Promise<void> {
  const conn = await freshDb('custom-survey', sectionUnits(UNITS));
  try {
    const survey = await createCustomSurvey(
      conn.db,
      {
        fiscalYear: 2025,
        titleJa: '退職意向アンケート',
        items: [
          { kind: 'agreement', textJa: '働き続けたい' },
          { kind: 'choice', textJa: '理由', options: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], maxChoices: 2 },
        ],
      },
      '2025-06-01T00:00:00.000Z',
    );
    const lines = ['unit_code,grade_code,age_band,employment_type,q01,q02'];
    for (let i = 0; i < RESPONDENTS; i++) {
      const a = 1 + (i % 7);
      const b = 1 + ((i * 3) % 7);
      lines.push(
        `${UNITS[i % UNITS.length]},shuji,${AGES[i % 4]},regular,${1 + (i % 4)},${a === b ? a : `${a};${b}`}`,
      );
    }
    const bytes = new TextEncoder().encode(lines.join('\r\n'));
    const actor = { userId: 1, loginId: 'bench' };
    const importMs = await elapsed(() =>
      importCustomResponses(conn.db, survey, { bytes, contentType: 'text/csv' }, actor, new Date()),
    );
    rows.push({
      measure: `Custom survey import, ${fmt(RESPONDENTS)} respondents (CSV parse + checks + insert), rows/s`,
      value: fmt(RESPONDENTS / (importMs / 1000)),
      baseline: '—',
      ratio: '—',
      target: '—',
    });
    for (const by of ['age_band', 'unit'] as const) {
      const ms = await timeMedian(() => customCrossTab(conn.db, survey, 1, by));
      rows.push({
        measure: `Custom survey cross-tab by ${by} (${fmt(RESPONDENTS)} respondents), median ms`,
        value: fmt(ms, 1),
        baseline: '—',
        ratio: '—',
        target: '—',
      });
    }
  } finally {
    await conn.close();
  }
}
