import { z } from 'zod';
import type { LocalizedText } from './schema.ts';

/**
 * The policy's cost norms (policy.costNorms): the agency's reference per metric, objective and
 * placement, in one stated currency. The metrics and placements are the database's (kept equal
 * by a unit test). Built from the policy's localized-text schema, which lives in schema.ts.
 */
export function costNormsSchema(localizedText: z.ZodType<LocalizedText>) {
  const norm = z.object({
    id: z.string().min(1),
    metric: z.enum(['CPC', 'CPM', 'CPL']),
    objective: z.enum(['traffic', 'reach', 'leads']),
    placement: z.enum(['feed', 'stories', 'any']),
    // A norm for difficult niches is a reference only: the daily check uses the general one.
    niche: z.literal('difficult').optional(),
    minMinorUnits: z.number().int().nonnegative().optional(),
    maxMinorUnits: z.number().int().positive(),
    note: localizedText.optional(),
  });
  return z
    .object({
      currency: z.string().regex(/^[A-Z]{3}$/),
      clientNormMaxMinorUnits: z.number().int().positive(),
      norms: z.array(norm).min(1),
      whenAbove: localizedText,
    })
    .superRefine(({ norms }, ctx) => {
      const general = norms.filter((n) => n.niche === undefined);
      for (const n of norms) {
        if (n.minMinorUnits !== undefined && n.minMinorUnits > n.maxMinorUnits) {
          ctx.addIssue({ code: 'custom', path: [n.id], message: 'minimum above maximum' });
        }
        const twin = (o: typeof n) =>
          o !== n && o.metric === n.metric && o.placement === n.placement;
        if (n.niche === undefined && general.some(twin)) {
          ctx.addIssue({
            code: 'custom',
            path: [n.id],
            message: 'two general norms for the same metric and placement',
          });
        }
      }
    });
}
