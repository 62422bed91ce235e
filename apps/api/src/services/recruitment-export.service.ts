import { layerByCode, LAYER_CODES } from '@jinzai/model';
import type { Context } from 'hono';
import { audit } from '../audit.js';
import type { AppEnv } from '../deps.js';
import { encodeCsv } from '../import/decode.js';
import { toCsv, type CsvCell } from '../import/csv.js';
import { writeXlsx, XLSX_CONTENT_TYPE } from '../import/xlsx.js';
import { currentUser } from '../middleware/session.js';
import { roundFor, stageOf, stageResults } from './recruitment.service.js';

/** The results table of a stage as rows: a header, then one row per applicant in rank order. */
export function resultRows(results: Awaited<ReturnType<typeof stageResults>>): CsvCell[][] {
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
      ...layers.map((l) => a.layers[l] ?? null),
      a.total,
      a.calibratedTotal,
      a.raters,
      a.complete ? '完了' : '未完了',
    ]),
  ];
}

/** Sends a stage's results as .xlsx or CSV (CP932 by default, or UTF-8 with BOM); the export is audited. */
export async function exportResults(
  c: Context<AppEnv>,
  roundId: number,
  query: { stage?: string | undefined; encoding?: 'utf-8' | 'cp932' | undefined },
  format: 'xlsx' | 'csv',
): Promise<Response> {
  const db = c.var.deps.db;
  const round = await roundFor(db, currentUser(c), roundId);
  const stage = await stageOf(db, round.id, query.stage);
  const results = await stageResults(db, round, stage);
  const rows = resultRows(results);
  const raters: CsvCell[][] = [
    ['評価者', '氏名', '平均偏差', '要確認', '評価人数'],
    ...results.raters.map((r) => [r.rater, r.displayName, r.meanDeviation, r.flagged ? '要確認' : '', r.n]),
  ];
  await audit(c, {
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
          ['ICC(2,k)', results.reliability.icc2k, results.reliability.band],
          ["Krippendorff's alpha", results.reliability.alpha, results.reliability.alphaBand],
          ['対象応募者数', results.reliability.applicants, null],
        ],
      },
    ]);
    return new Response(bytes, {
      headers: {
        'content-type': XLSX_CONTENT_TYPE,
        'content-disposition': `attachment; filename="${base}.xlsx"`,
      },
    });
  }
  const encoding = query.encoding === 'utf-8' ? 'utf-8-bom' : 'cp932';
  const bytes = encodeCsv(toCsv(rows, { escapeFormulas: true }), encoding);
  return new Response(bytes, {
    headers: {
      'content-type': `text/csv; charset=${encoding === 'cp932' ? 'Shift_JIS' : 'UTF-8'}`,
      'content-disposition': `attachment; filename="${base}${encoding === 'cp932' ? '-sjis' : ''}.csv"`,
    },
  });
}
