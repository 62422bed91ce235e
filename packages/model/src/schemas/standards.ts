import { z } from 'zod';
import { layerWeightsSchema } from '../tracks.js';

/**
 * PUT /api/standards/tracks/weights: HR publishes a new version of the hiring weights (docs/domain.md §2).
 */
export const newWeightSetSchema = z.object({
  version: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[0-9A-Za-z._-]+$/),
  effectiveFrom: z.iso.date(),
  note: z.string().trim().max(500).optional(),
  weights: z.object({
    'new-graduate': layerWeightsSchema,
    experienced: layerWeightsSchema,
    specialist: layerWeightsSchema,
  }),
});
export type NewWeightSet = z.output<typeof newWeightSetSchema>;
