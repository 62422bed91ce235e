// Path and body schemas of the recruitment routes, kept apart so both route files share them.
import { DECISIONS, layerCodeSchema, ROUND_STATUSES } from '@jinzai/model';
import { z } from 'zod';
import { idParam } from '../http/params.js';

const id = idParam.shape.id;
export const roundParam = idParam;
export const stageParam = z.object({ id, stageId: id });
export const applicantParam = z.object({ id, applicantNo: z.string().trim().min(1).max(32) });
export const sheetParam = applicantParam.extend({ stageId: id });
export const criterionParam = z.object({ id, code: z.string().trim().min(1).max(64) });
export const stageQuery = z.object({ stage: z.string().trim().max(100).optional() });
export const exportQuery = stageQuery.extend({ encoding: z.enum(['utf-8', 'cp932']).optional() });

export const roundUpdateSchema = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  status: z.enum(ROUND_STATUSES).optional(),
  retentionMonths: z.number().int().min(1).max(120).optional(),
  /** The version the screen read: a stale one is a 409 that changes nothing. */
  version: z.number().int().min(1).optional(),
});
export const stageNameSchema = z.object({ name: z.string().trim().min(1).max(100) });
export const panelSchema = z.object({ loginIds: z.array(z.string().trim().min(1).max(64)).max(50) });
export const criterionSchema = z.object({
  layer: layerCodeSchema,
  nameJa: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().max(100).default(''),
  anchorsJa: z.array(z.string().trim().min(1).max(500)).length(5),
  questionsJa: z.array(z.string().trim().min(1).max(500)).max(10).default([]),
});
export const decisionSchema = z.object({
  decision: z.enum(DECISIONS),
  reason: z.string().trim().min(1, '理由を入力してください').max(1000),
});
export const reopenSchema = z.object({
  rater: z.string().trim().min(1).max(64),
  reason: z.string().trim().min(1, '理由を入力してください').max(1000),
});

export const roundResponse = z.object({
  id: z.number(),
  name: z.string(),
  track: z.string(),
  fiscalYear: z.number(),
  weightVersion: z.string(),
  status: z.string(),
  closedAt: z.string().nullable(),
  retentionMonths: z.number(),
  version: z.number(),
});

export const resultsResponse = z.object({
  applicants: z.array(
    z.object({
      applicantNo: z.string(),
      name: z.string().nullable(),
      layers: z.record(z.string(), z.number()),
      total: z.number().nullable(),
      calibratedTotal: z.number().nullable(),
      rank: z.number().nullable(),
      complete: z.boolean(),
      raters: z.number(),
    }),
  ),
  reliability: z.object({
    icc2k: z.number().nullable(),
    alpha: z.number().nullable(),
    band: z.string().nullable(),
    applicants: z.number(),
  }),
  raters: z.array(
    z.object({ rater: z.string(), meanDeviation: z.number(), flagged: z.boolean(), n: z.number() }),
  ),
});
