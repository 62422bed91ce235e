// The organisation tree and the staff roster (docs/interfaces.md "Organisation and staff"); HR only.
import { STAFF_SORTS } from '@jinzai/db';
import { employmentTypeCodes, STAFF_COLUMNS, UNIT_COLUMNS } from '@jinzai/model';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../deps.js';
import { guard } from '../http/guard.js';

import { actorOf } from '../http/actor.js';
import { uploadedFile, uploadLimit } from '../http/upload.js';
import { optionalText, pageQuery } from '../http/params.js';
import { validate } from '../openapi.js';
import { importStaff, importUnits } from '../services/org-import.service.js';
import { exportRoster, orgTree, searchRoster, staffRecord } from '../services/org.service.js';

const importResult = z.object({ rows: z.number(), created: z.number(), updated: z.number() });

const rosterFilter = {
  q: optionalText,
  unit: optionalText,
  grade: optionalText,
  employmentType: z.enum(employmentTypeCodes).optional(),
  sort: z.enum(STAFF_SORTS).default('staffNo').describe('staffNo, kana, unit or grade (ties by 職員番号)'),
  order: z.enum(['asc', 'desc']).default('asc'),
};
const rosterQuery = z.object({ ...rosterFilter, ...pageQuery });
const rosterExportQuery = z.object({
  ...rosterFilter,
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  encoding: z.enum(['cp932', 'utf-8-bom']).default('utf-8-bom'),
});
const rosterPage = z.object({
  staff: z.array(
    z.object({
      staffNo: z.string(),
      name: z.string(),
      nameKana: z.string(),
      unitCode: z.string(),
      gradeCode: z.string(),
      employmentType: z.string(),
    }),
  ),
  total: z.number(),
});

const staffResponse = z.object({
  staffNo: z.string(),
  name: z.string(),
  nameKana: z.string(),
  unitCode: z.string(),
  gradeCode: z.string(),
  jobFamily: z.string(),
  employmentType: z.string(),
  birthYear: z.number(),
});

export const orgRoutes = new Hono<AppEnv>()
  .post(
    '/units',
    guard({
      summary: 'Import units (部/課/係): re-importing a code updates it; all or nothing',
      tags: ['org'],
      roles: ['hr'],
      upload: { columns: UNIT_COLUMNS.required, optional: UNIT_COLUMNS.optional },
      responses: { 200: { description: 'Imported', schema: importResult } },
    }),
    uploadLimit,
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json(await importUnits(db, await uploadedFile(c), actorOf(c), now()), 200);
    },
  )
  .post(
    '/staff',
    guard({
      summary:
        'Import staff: re-importing a staff number updates that person; with roster=full the file is the whole roster and whoever it leaves out has left (their account is disabled); all or nothing',
      tags: ['org'],
      roles: ['hr'],
      upload: { columns: STAFF_COLUMNS.required },
      responses: {
        200: {
          description: 'Imported',
          schema: importResult.extend({
            left: z.number(),
            accountsDisabled: z.number(),
            accountsEnabled: z.number(),
          }),
        },
      },
    }),
    validate('query', z.object({ roster: z.enum(['full', 'update']).default('update') })),
    uploadLimit,
    async (c) => {
      const { db, now } = c.var.deps;
      const roster = c.req.valid('query').roster === 'full';
      return c.json(await importStaff(db, await uploadedFile(c), actorOf(c), now(), { roster }), 200);
    },
  )
  .get(
    '/units',
    guard({ summary: 'The organisation tree with direct headcounts', tags: ['org'], roles: ['hr'] }),
    async (c) => c.json(await orgTree(c.var.deps.db), 200),
  )
  .get(
    '/staff',
    guard({
      summary:
        'The roster, a page at a time: q is a 職員番号 prefix or part of the name or kana (width and kana insensitive); unit includes the units under it',
      tags: ['org'],
      roles: ['hr'],
      responses: { 200: { description: 'A page of the roster', schema: rosterPage } },
    }),
    validate('query', rosterQuery),
    async (c) => {
      const { db, now } = c.var.deps;
      const { staff, total } = await searchRoster(db, actorOf(c), now(), c.req.valid('query'));
      return c.json(
        {
          staff: staff.map((s) => ({
            staffNo: s.staffNo,
            name: s.name,
            nameKana: s.nameKana,
            unitCode: s.unitCode,
            gradeCode: s.gradeCode,
            employmentType: s.employmentType,
          })),
          total,
        },
        200,
      );
    },
  )
  .get(
    '/staff/export',
    guard({
      summary:
        'Export everyone the roster search finds (the filters and order of GET /api/org/staff, no paging) as .xlsx or CSV (UTF-8 with BOM, or CP932), with Japanese headers',
      tags: ['org'],
      roles: ['hr'],
    }),
    validate('query', rosterExportQuery),
    async (c) => {
      const { db, now } = c.var.deps;
      const { format, encoding, ...filter } = c.req.valid('query');
      const file = await exportRoster(db, actorOf(c), now(), filter, format, encoding);
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.filename}"`,
      });
    },
  )
  .get(
    '/staff/:staffNo',
    guard({
      summary: 'One member of staff by 職員番号',
      tags: ['org'],
      roles: ['hr'],
      responses: {
        200: { description: 'Found', schema: staffResponse },
        404: { description: 'Unknown number' },
      },
    }),
    validate('param', z.object({ staffNo: z.string().min(1).max(32) })),
    async (c) => {
      const { db, now } = c.var.deps;
      return c.json(await staffRecord(db, actorOf(c), now(), c.req.valid('param').staffNo), 200);
    },
  );
