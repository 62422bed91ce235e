/**
 * `pnpm bench`: the numbers each issue names, measured as ratios against a raw baseline in the same run, printed as
 * a table. Nothing here is asserted: speed is measured, never tested. Each area adds its own module under bench/.
 */
import { rmSync } from 'node:fs';
import { accountsBench } from './bench/accounts.bench.js';
import { evaluationBench } from './bench/evaluation.bench.js';
import { foundationBench } from './bench/foundation.bench.js';
import { loadBench, postgresBench } from './bench/load.bench.js';
import { recruitmentBench } from './bench/recruitment.bench.js';
import { rosterBench } from './bench/roster.bench.js';
import { scaleBench } from './bench/scale.bench.js';
import { sheetsBench } from './bench/sheets.bench.js';
import { customSurveyBench } from './bench/custom-survey.bench.js';
import { surveyBench } from './bench/survey.bench.js';
import { talentBench } from './bench/talent.bench.js';
import { uploadBench } from './bench/upload.bench.js';
import { work, type BenchRow } from './bench/harness.js';

const rows: BenchRow[] = [];
const only = process.argv[2];
const suites: [string, (rows: BenchRow[]) => Promise<void>][] = [
  ['foundation', foundationBench],
  ['evaluation', evaluationBench],
  ['recruitment', recruitmentBench],
  ['survey', surveyBench],
  ['custom-survey', customSurveyBench],
  ['upload', uploadBench],
  ['accounts', accountsBench],
  ['roster', rosterBench],
  ['sheets', sheetsBench],
  ['scale', scaleBench],
  ['talent', talentBench],
  ['load', loadBench],
  ['postgres', postgresBench],
];

try {
  for (const [name, run] of suites) {
    if (only && only !== name) continue;
    console.error(`bench: ${name}…`);
    await run(rows);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const cols = ['measure', 'value', 'baseline', 'ratio', 'target'] as const;
const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => r[c].length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
console.log(line([...cols]));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(cols.map((c) => r[c])));
