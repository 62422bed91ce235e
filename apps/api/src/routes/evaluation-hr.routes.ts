import {
  getPeriod,
  getSheetHeader,
  listUnits,
  reassignEvaluators,
  upsertAssignments,
  type Assignment,
} from '@jinzai/db';
import { gradeByCode, normalizeText, SHEET_STATE_LABELS, type SheetState } from '@jinzai/model';
import { Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../audit.js';
import type { AppEnv } from '../deps.js';
import { errors } from '../errors.js';
import { encodeCsv } from '../import/decode.js';
import { toCsv } from '../import/csv.js';
import { throwIfAny, type ImportDetail } from '../import/errors.js';
import { readImport } from '../import/table.js';
import { writeXlsx, XLSX_CONTENT_TYPE } from '../import/xlsx.js';
import { requireRole } from '../middleware/session.js';
import { describe, validate } from '../openapi.js';
import { assignDefaults } from '../services/evaluation-assignments.service.js';
import { evaluationAnalytics, periodProgress } from '../services/evaluation-analytics.service.js';
import { idParam } from '../http/params.js';
import { uploadedFile, uploadLimit } from '../http/upload.js';

const staffNoOrEmpty = z.string().transform((v) => {
  const s = normalizeText(v);
  return s === '' ? null : s;
});
const assignmentRow = z.object({
  staff_no: z.string().transform(normalizeText).pipe(z.string().min(1)),
  first_evaluator: staffNoOrEmpty,
  second_evaluator: staffNoOrEmpty,
});
const ASSIGNMENT_COLUMNS = {
  required: ['staff_no', 'first_evaluator', 'second_evaluator'],
  optional: [],
} as const;
const LOCKED: readonly SheetState[] = ['confirmed', 'disclosed', 'done'];

/** HR's side of a period (DOMAIN §4): assignments, progress, analytics, export. */
export const evaluationHrRoutes = new Hono<AppEnv>()
  .post(
    '/periods/:id/assignments/defaults',
    describe({
      summary:
        'Create the sheets of every staff member without one, with default evaluators from the org tree (課長 first, 部長 second)',
      tags: ['review'],
      roles: ['hr'],
    }),
    requireRole('hr'),
    validate('param', idParam),
    async (c) => {
      const { id } = c.req.valid('param');
      const { db, now } = c.var.deps;
      if (!(await getPeriod(db, id))) throw errors.notFound('評価期間');
      const created = await db.transaction().execute(async (trx) => {
        const n = await assignDefaults(trx, id, now().toISOString());
        await audit(
          c,
          { action: 'create', entity: 'review_assignments', entityId: String(id), detail: { created: n } },
          trx,
        );
        return n;
      });
      return c.json({ created }, 200);
    },
  )
  .post(
    '/periods/:id/assignments',
    describe({
      summary: 'Set first and second evaluators in bulk (staff numbers; empty for none); all or nothing',
      tags: ['review'],
      roles: ['hr'],
      upload: { columns: ASSIGNMENT_COLUMNS.required },
    }),
    requireRole('hr'),
    validate('param', idParam),
    uploadLimit,
    async (c) => {
      const { id } = c.req.valid('param');
      const { db, now } = c.var.deps;
      if (!(await getPeriod(db, id))) throw errors.notFound('評価期間');
      const { bytes, contentType } = await uploadedFile(c);
      const { parsed, details } = await readImport(bytes, contentType, ASSIGNMENT_COLUMNS, assignmentRow);
      const result = await db.transaction().execute(async (trx) => {
        const staff = new Map(
          (await trx.selectFrom('staff').select(['staff_no', 'unit_code', 'grade_code']).execute()).map(
            (s) => [s.staff_no, s],
          ),
        );
        const sheets = new Map(
          (
            await trx
              .selectFrom('review_sheets')
              .select(['staff_no', 'state'])
              .where('period_id', '=', id)
              .execute()
          ).map((s) => [s.staff_no, s.state]),
        );
        const all: ImportDetail[] = [...details];
        const seen = new Set<string>();
        for (const { row, value } of parsed) {
          if (seen.has(value.staff_no))
            all.push({ row, column: 'staff_no', message: `職員番号「${value.staff_no}」が重複しています` });
          seen.add(value.staff_no);
          for (const [column, no] of [
            ['staff_no', value.staff_no],
            ['first_evaluator', value.first_evaluator],
            ['second_evaluator', value.second_evaluator],
          ] as const) {
            if (no !== null && !staff.has(no))
              all.push({ row, column, message: `職員番号「${no}」の職員が見つかりません` });
          }
          if (value.first_evaluator === value.staff_no || value.second_evaluator === value.staff_no)
            all.push({ row, column: 'first_evaluator', message: '本人を評価者にはできません' });
          if (value.first_evaluator !== null && value.first_evaluator === value.second_evaluator)
            all.push({ row, column: 'second_evaluator', message: '一次評価者と二次評価者が同じです' });
          const state = sheets.get(value.staff_no) as SheetState | undefined;
          if (state && LOCKED.includes(state))
            all.push({
              row,
              column: 'staff_no',
              message: `評価が${SHEET_STATE_LABELS[state].ja}のため評価者を変更できません`,
            });
        }
        throwIfAny('invalid_rows', all);
        const rows: Assignment[] = parsed.map(({ value }) => ({
          staffNo: value.staff_no,
          firstStaffNo: value.first_evaluator,
          secondStaffNo: value.second_evaluator,
        }));
        const fresh = rows.filter((r) => !sheets.has(r.staffNo));
        await upsertAssignments(
          trx,
          id,
          fresh.map((r) => {
            const s = staff.get(r.staffNo);
            return { ...r, unitCode: s?.unit_code ?? '', gradeCode: s?.grade_code ?? '' };
          }),
          now().toISOString(),
        );
        await reassignEvaluators(
          trx,
          id,
          rows.filter((r) => sheets.has(r.staffNo)),
        );
        await audit(
          c,
          {
            action: 'import',
            entity: 'review_assignments',
            entityId: String(id),
            detail: { rows: rows.length, created: fresh.length },
          },
          trx,
        );
        return { rows: rows.length, created: fresh.length, updated: rows.length - fresh.length };
      });
      return c.json(result, 200);
    },
  )
  .put(
    '/sheets/:id/assignment',
    describe({
      summary: 'Change the evaluators of one sheet (before confirmation)',
      tags: ['review'],
      roles: ['hr'],
    }),
    requireRole('hr'),
    validate('param', idParam),
    validate(
      'json',
      z
        .object({
          firstStaffNo: z.string().trim().min(1).max(32).nullable(),
          secondStaffNo: z.string().trim().min(1).max(32).nullable(),
        })
        .strict(),
    ),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const { db } = c.var.deps;
      const sheet = await getSheetHeader(db, id);
      if (!sheet) throw errors.notFound('評価シート');
      if (LOCKED.includes(sheet.state)) throw errors.conflict('確定後の評価者は変更できません');
      for (const no of [body.firstStaffNo, body.secondStaffNo]) {
        if (
          no !== null &&
          !(await db.selectFrom('staff').select('staff_no').where('staff_no', '=', no).executeTakeFirst())
        )
          throw errors.badRequest(`職員番号「${no}」の職員が見つかりません`);
        if (no === sheet.staffNo) throw errors.badRequest('本人を評価者にはできません');
      }
      await db.transaction().execute(async (trx) => {
        await reassignEvaluators(trx, sheet.periodId, [{ staffNo: sheet.staffNo, ...body }]);
        await audit(
          c,
          {
            action: 'update',
            entity: 'review_assignments',
            entityId: String(id),
            before: { first: sheet.firstStaffNo, second: sheet.secondStaffNo },
            after: body,
          },
          trx,
        );
      });
      return c.json({ id, ...body }, 200);
    },
  )
  .get(
    '/periods/:id/progress',
    describe({ summary: 'Progress of a period: sheets by 部 and step', tags: ['review'], roles: ['hr'] }),
    requireRole('hr'),
    validate('param', idParam),
    async (c) => {
      const { id } = c.req.valid('param');
      const period = await getPeriod(c.var.deps.db, id);
      if (!period) throw errors.notFound('評価期間');
      await audit(c, { action: 'read', entity: 'review_progress', entityId: String(id) });
      return c.json({ period, ...(await periodProgress(c.var.deps.db, id)) }, 200);
    },
  )
  .get(
    '/analytics',
    describe({
      summary:
        'Distributions of overall grades by 部, grade and evaluator; five-year trend; evaluator tendencies; first/second agreement',
      tags: ['review'],
      roles: ['hr'],
    }),
    requireRole('hr'),
    validate('query', z.object({ fiscalYear: z.coerce.number().int().min(2000).max(2100) })),
    async (c) => {
      const { fiscalYear } = c.req.valid('query');
      await audit(c, { action: 'read', entity: 'review_analytics', entityId: String(fiscalYear) });
      return c.json(await evaluationAnalytics(c.var.deps.db, fiscalYear), 200);
    },
  )
  .get(
    '/periods/:id/export',
    describe({
      summary: 'Export the sheets of a period with their ratings (.xlsx, or CSV in CP932 / UTF-8 with BOM)',
      tags: ['review'],
      roles: ['hr'],
    }),
    requireRole('hr'),
    validate('param', idParam),
    validate(
      'query',
      z.object({
        format: z.enum(['xlsx', 'csv']).default('xlsx'),
        encoding: z.enum(['cp932', 'utf-8-bom']).default('utf-8-bom'),
      }),
    ),
    async (c) => {
      const { id } = c.req.valid('param');
      const { format, encoding } = c.req.valid('query');
      const { db } = c.var.deps;
      const period = await getPeriod(db, id);
      if (!period) throw errors.notFound('評価期間');
      const sheets = await db
        .selectFrom('review_sheets as s')
        .innerJoin('staff as p', 'p.staff_no', 's.staff_no')
        .leftJoin('review_ratings as f', (j) =>
          j.onRef('f.sheet_id', '=', 's.id').on('f.part', '=', 'first').on('f.item', '=', 'overall'),
        )
        .leftJoin('review_ratings as n', (j) =>
          j.onRef('n.sheet_id', '=', 's.id').on('n.part', '=', 'second').on('n.item', '=', 'overall'),
        )
        .leftJoin('review_ratings as z', (j) =>
          j.onRef('z.sheet_id', '=', 's.id').on('z.part', '=', 'final').on('z.item', '=', 'overall'),
        )
        .select([
          's.staff_no',
          'p.name',
          's.unit_code',
          's.grade_code',
          's.state',
          's.first_staff_no',
          's.second_staff_no',
          'f.rating as first',
          'n.rating as second',
          'z.rating as final',
          's.revision',
        ])
        .where('s.period_id', '=', id)
        .orderBy('s.staff_no')
        .execute();
      const units = new Map((await listUnits(db)).map((u) => [u.code, u.name]));
      const header = [
        'staff_no',
        '氏名',
        'unit_code',
        '所属',
        'grade_code',
        '職層',
        '状態',
        'first_evaluator',
        'second_evaluator',
        '一次評価',
        '二次評価',
        '総合評価',
        '改訂',
      ];
      const rows = sheets.map((s) => [
        s.staff_no,
        s.name,
        s.unit_code,
        units.get(s.unit_code) ?? '',
        s.grade_code,
        gradeByCode(s.grade_code)?.nameJa ?? '',
        SHEET_STATE_LABELS[s.state as SheetState]?.ja ?? s.state,
        s.first_staff_no,
        s.second_staff_no,
        s.first,
        s.second,
        LOCKED.includes(s.state as SheetState) ? s.final : null,
        s.revision,
      ]);
      await audit(c, {
        action: 'export',
        entity: 'review_sheets',
        entityId: String(id),
        detail: { format, rows: rows.length },
      });
      const name = `evaluation-${period.fiscalYear}-${id}`;
      if (format === 'csv') {
        return c.body(
          encodeCsv(toCsv([header, ...rows], { escapeFormulas: true }), encoding) as Uint8Array<ArrayBuffer>,
          200,
          {
            'content-type': `text/csv; charset=${encoding === 'cp932' ? 'shift_jis' : 'utf-8'}`,
            'content-disposition': `attachment; filename="${name}.csv"`,
          },
        );
      }
      const bytes = await writeXlsx([{ name: period.name, rows: [header, ...rows] }]);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': XLSX_CONTENT_TYPE,
        'content-disposition': `attachment; filename="${name}.xlsx"`,
      });
    },
  );
