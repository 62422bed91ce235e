import { z } from 'zod';

/** Path ids: positive 32-bit integers (a larger number would overflow PostgreSQL's integer). */
export const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
