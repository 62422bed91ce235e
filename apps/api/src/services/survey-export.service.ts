// The KPI screens as downloads (.xlsx or CSV): the same figures the API shows, suppression included.
import type { Database } from '@jinzai/db';
import { KPI_QUESTIONS, KPI_STATUS_LABELS, PROGRAMMES, WITHHELD_REASON_LABELS } from '@jinzai/model';
import type { Kysely } from 'kysely';
import { errors } from '../errors.js';
import { type CsvCell, figure, toCsv } from '../import/csv.js';
import { encodeCsv } from '../import/decode.js';
import { writeXlsx } from '../import/xlsx.js';
import { kpiProgrammeCounts, kpiTrends } from './kpi.service.js';
import { kpiBoardOf, kpiBreakdownOf, type BreakdownBy } from './survey.service.js';

export interface ExportQuery {
  view: 'board' | 'breakdown' | 'trends' | 'programmes';
  fiscalYear?: number | undefined;
  by?: BreakdownBy | undefined;
}

/** The rows of an exported view, header first; the figures are those the API shows (suppression included). */
export async function exportRows(
  db: Kysely<Database>,
  q: ExportQuery,
): Promise<{ name: string; rows: CsvCell[][] }> {
  const need = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw errors.badRequest(`${what}を指定してください`);
    return v;
  };
  switch (q.view) {
    case 'board': {
      const year = need(q.fiscalYear, 'fiscalYear');
      const { kpis } = await kpiBoardOf(db, year);
      const rows: CsvCell[][] = [
        [
          'code',
          'outcome',
          'question',
          'baseline',
          'target',
          'mean',
          'n',
          'ci95_lo',
          'ci95_hi',
          'favourable',
          'delta',
          'status',
        ],
      ];
      for (const k of kpis) {
        const question = KPI_QUESTIONS.find((x) => x.code === k.code)?.shortJa ?? '';
        rows.push([
          k.code,
          k.outcome,
          question,
          k.baseline,
          k.target,
          figure(k.mean),
          k.n,
          figure(k.ci95?.[0]),
          figure(k.ci95?.[1]),
          figure(k.favourable),
          figure(k.delta),
          KPI_STATUS_LABELS[k.status].ja,
        ]);
      }
      return { name: `kpis-${year}`, rows };
    }
    case 'breakdown': {
      const year = need(q.fiscalYear, 'fiscalYear');
      const by = need(q.by, 'by');
      const groups = await kpiBreakdownOf(db, year, by);
      const rows: CsvCell[][] = [['key', 'name', 'n', ...KPI_QUESTIONS.map((k) => k.code)]];
      for (const g of groups) {
        rows.push([
          g.key,
          g.labelJa,
          g.suppressed ? WITHHELD_REASON_LABELS[g.withheld ?? 'small'].ja : g.n,
          ...KPI_QUESTIONS.map((k) => {
            if (g.suppressed) return '';
            const cell = g.kpis.find((x) => x.code === k.code);
            return cell?.suppressed
              ? WITHHELD_REASON_LABELS[cell.withheld ?? 'small'].ja
              : figure(cell?.mean);
          }),
        ]);
      }
      return { name: `kpis-${year}-by-${by}`, rows };
    }
    case 'trends': {
      const { years, kpis } = await kpiTrends(db);
      const rows: CsvCell[][] = [['code', 'question', 'baseline', 'target', ...years.map(String)]];
      for (const [i, k] of KPI_QUESTIONS.entries()) {
        const points = kpis[i]?.points ?? [];
        rows.push([k.code, k.shortJa, k.baseline, k.target, ...points.map((p) => figure(p.mean))]);
      }
      return { name: 'kpi-trends', rows };
    }
    case 'programmes': {
      const { years, counts } = await kpiProgrammeCounts(db);
      const rows: CsvCell[][] = [['programme', 'name', ...years.map(String)]];
      for (const p of PROGRAMMES) {
        rows.push([
          p.code,
          p.nameJa,
          ...years.map(
            (y) => counts.find((c) => c.fiscalYear === y && c.programmeCode === p.code)?.count ?? '',
          ),
        ]);
      }
      return { name: 'programme-counts', rows };
    }
  }
}

/** A file to download: its name, its media type and its bytes. */
export interface ExportFile {
  filename: string;
  contentType: string;
  body: Uint8Array;
}

/**
 * An exported view as a file: .xlsx, or CSV in UTF-8 with BOM so that Excel reads the Japanese
 * (docs/domain.md §8).
 */
export async function exportFile(
  db: Kysely<Database>,
  q: ExportQuery & { format: 'csv' | 'xlsx' },
): Promise<ExportFile> {
  const { name, rows } = await exportRows(db, q);
  if (q.format === 'csv') {
    return {
      filename: `${name}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: encodeCsv(toCsv(rows, { escapeFormulas: true }), 'utf-8-bom'),
    };
  }
  return {
    filename: `${name}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await writeXlsx([{ name, rows }]),
  };
}
