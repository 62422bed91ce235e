// Path and query parameters that several areas share.
import { z } from 'zod';

/**
 * An id as written in a path or query: a canonical decimal (no sign, no leading zero, no `0x`, `1e1` or `3.0`), at
 * most 2^31 − 1 (PostgreSQL's integer). Anything else names nothing.
 */
export const idText = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, 'ID は 1 以上の整数で指定してください')
  .transform(Number)
  .pipe(z.number().max(2_147_483_647, 'ID が大きすぎます'));

/** Path ids. */
export const idParam = z.object({ id: idText });

/** A fiscal year (年度) as written in a path or query: four decimal digits, 2000–2100. */
export const fiscalYearText = z
  .string()
  .regex(/^[0-9]{4}$/, '年度は西暦4桁で指定してください（例: 2025）')
  .transform(Number)
  .pipe(z.number().min(2000).max(2100));

/** A fiscal year (年度) in a path. */
export const fiscalYearParam = z.object({ fiscalYear: fiscalYearText });

/** A free-text filter of a query: trimmed, at most 100 characters; empty means no filter. */
export const optionalText = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((v) => (v === '' ? undefined : v));

/** The page of a list (1-based) and its size, as written in a query. */
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
};
