// A stage's results as a file to download: .xlsx with raters and reliability, or CSV of the results table.
import { layerByCode, LAYER_CODES, type User } from '@jinzai/model';
import { recordAudit } from '../audit.js';
import { encodeCsv } from '../import/decode.js';
import { figure, toCsv, type CsvCell } from '../import/csv.js';
import { writeXlsx, XLSX_CONTENT_TYPE } from '../import/xlsx.js';
import { actorOfUser, roundFor, stageOf, type Db } from './recruitment-access.service.js';
import { stageResults, type StageResults } from './recruitment-results.service.js';

/** A file for the route to send as an attachment. */
export interface ExportFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/** The results table of a stage as rows: a header, then one row per applicant in rank order. */
export function resultRows(results: StageResults): CsvCell[][] {
  const layers = LAYER_CODES.filter((l) => results.round.weights[l] > 0);
  const header = [
    '順位',
    '受験番号',
    '氏名',
    ...layers.map((l) => layerByCode(l).nameJa),
    '合計',
    '補正後合計',
    '評価者数',
    '完了',
  ];
  const sorted = [...results.applicants].sort(
    (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.applicantNo.localeCompare(b.applicantNo),
  );
  return [
    header,
    ...sorted.map((a) => [
      a.rank,
      a.applicantNo,
      a.name,
      ...layers.map((l) => figure(a.layers[l])),
      figure(a.total),
      figure(a.calibratedTotal),
      a.raters,
      a.complete ? '完了' : '未完了',
    ]),
  ];
}

/** A stage's results as .xlsx or CSV (CP932 by default, or UTF-8 with BOM); the export is audited. */
export async function exportResults(
  db: Db,
  user: User,
  now: Date,
  roundId: number,
  query: { stage?: string | undefined; encoding?: 'utf-8' | 'cp932' | undefined },
  format: 'xlsx' | 'csv',
): Promise<ExportFile> {
  const round = await roundFor(db, user, roundId);
  const stage = await stageOf(db, round.id, query.stage);
  const results = await stageResults(db, round, stage);
  const rows = resultRows(results);
  const raters: CsvCell[][] = [
    ['評価者', '氏名', '平均偏差', '要確認', '評価人数'],
    ...results.raters.map((r) => [
      r.rater,
      r.displayName,
      figure(r.meanDeviation),
      r.flagged ? '要確認' : '',
      r.n,
    ]),
  ];
  await recordAudit(db, actorOfUser(user), now, {
    action: 'export',
    entity: 'recruit_results',
    entityId: `${round.id}/${stage.id}`,
    detail: { format, encoding: query.encoding ?? null },
  });
  const base = `results-${round.id}-${stage.id}`;
  if (format === 'xlsx') {
    const bytes = await writeXlsx([
      { name: '結果', rows },
      { name: '評価者', rows: raters },
      {
        name: '信頼性',
        rows: [
          ['指標', '値', '区分'],
          ['ICC(2,k)', figure(results.reliability.icc2k), results.reliability.band],
          ["Krippendorff's alpha", figure(results.reliability.alpha), results.reliability.alphaBand],
          ['対象応募者数', results.reliability.applicants, null],
        ],
      },
    ]);
    return { fileName: `${base}.xlsx`, contentType: XLSX_CONTENT_TYPE, bytes };
  }
  const encoding = query.encoding === 'utf-8' ? 'utf-8-bom' : 'cp932';
  const bytes = encodeCsv(toCsv(rows, { escapeFormulas: true }), encoding);
  return {
    fileName: `${base}${encoding === 'cp932' ? '-sjis' : ''}.csv`,
    contentType: `text/csv; charset=${encoding === 'cp932' ? 'Shift_JIS' : 'UTF-8'}`,
    bytes,
  };
}
