// Path and query parameters that several areas share.
import { z } from 'zod';

/** Path ids: positive 32-bit integers (a larger number would overflow PostgreSQL's integer). */
export const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/** A fiscal year (年度) in a path or query. */
export const fiscalYearParam = z.object({ fiscalYear: z.coerce.number().int().min(2000).max(2100) });
