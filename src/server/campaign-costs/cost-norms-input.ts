import { z } from 'zod';
import {
  COST_METRICS,
  type CostMetric,
  NORM_PLACEMENTS,
  type NormPlacement,
} from '../../../db/schema/campaign-costs.ts';
import type { Policy } from '../../policy/index.ts';
import { fieldMessage } from '../forms/input-fields.ts';
import { parseAmountToMinor } from '../invoices/amount.ts';
import { minorUnitDigits } from './export-parser-values.ts';

/** The editor's field of a metric and placement's norm, e.g. `max-CPC-feed`. */
export const normField = (metric: CostMetric, placement: NormPlacement) =>
  `max-${metric}-${placement}`;

const NORM_CELLS = COST_METRICS.flatMap((metric) =>
  NORM_PLACEMENTS.map((placement) => ({ metric, placement, field: normField(metric, placement) })),
);
const KNOWN_FIELDS = new Set(NORM_CELLS.map((cell) => cell.field));

/**
 * A currency norms can be kept in: known to the runtime's Intl (a made-up code is refused),
 * with a minor unit of a hundredth (BRL, USD…) or none (JPY, CLP…) — any currency the importer
 * reads figures in, bar the rare ones in thousandths, which the typed amounts cannot hold.
 */
export function isNormCurrency(code: string): boolean {
  const digits = /^[A-Z]{3}$/.test(code) ? minorUnitDigits(code) : null;
  return digits !== null && digits <= 2;
}

/** Hundredths typed (the amount parser's) as minor units of `currency`; null when finer. */
function inMinorUnits(hundredths: number, currency: string): number | null {
  const scale = 10 ** (2 - (minorUnitDigits(currency) ?? 2));
  return hundredths % scale === 0 ? hundredths / scale : null;
}

// A norm as typed: blank is "use the policy's"; else a positive amount, "1,50" or "1.50".
const typedNorm = (limit: number) =>
  z
    .string()
    .max(30)
    .default('')
    .transform((value) => value.trim())
    .transform((value) => (value === '' ? null : (parseAmountToMinor(value) ?? Number.NaN)))
    .refine((minor) => !Number.isNaN(minor), fieldMessage('fields.invalidAmount'))
    .refine((minor) => minor === null || minor <= limit, fieldMessage('costNorms.tooLarge'));

export type CostNormsInput = {
  currency: string;
  // The time of the norms the form was filled from (ms; 0 when none): a save over norms
  // someone else changed since is refused.
  basedOn: number;
  norms: { metric: CostMetric; placement: NormPlacement; maxMinorUnits: number }[];
};

/**
 * The norms editor's post: the one currency of the client's norms and a max per metric and
 * placement (`max-<metric>-<placement>`). A field of a metric or placement Ponte does not know
 * is refused on that field, rather than silently dropped.
 */
export function costNormsInput(rules: Pick<Policy, 'costNorms'>) {
  const norm = typedNorm(rules.costNorms.clientNormMaxMinorUnits);
  return z
    .object({
      currency: z
        .string()
        .trim()
        .max(3)
        .transform((value) => value.toUpperCase())
        .refine(isNormCurrency, fieldMessage('costNorms.badCurrency')),
      basedOn: z.coerce.number().int().nonnegative().default(0),
      ...Object.fromEntries(NORM_CELLS.map((cell) => [cell.field, norm])),
    })
    .catchall(z.unknown())
    .superRefine((posted, ctx) => {
      const typed = posted as Record<string, unknown>;
      for (const name of Object.keys(posted)) {
        if (name.startsWith('max-') && !KNOWN_FIELDS.has(name)) {
          ctx.addIssue({ code: 'custom', path: [name], ...fieldMessage('costNorms.unknownNorm') });
        }
        // "1,50" in a currency without cents (yen) is not an amount it has.
        const value = typed[name];
        if (typeof value === 'number' && inMinorUnits(value, posted.currency) === null)
          ctx.addIssue({ code: 'custom', path: [name], ...fieldMessage('fields.invalidAmount') });
      }
    })
    .transform((posted): CostNormsInput => {
      const typed = posted as Record<string, unknown>;
      return {
        currency: posted.currency,
        basedOn: posted.basedOn,
        norms: NORM_CELLS.flatMap(({ metric, placement, field }) => {
          const max = typed[field];
          const minor = typeof max === 'number' ? inMinorUnits(max, posted.currency) : null;
          return minor === null ? [] : [{ metric, placement, maxMinorUnits: minor }];
        }),
      };
    });
}

/**
 * A norm as the editor shows it for typing again, with its currency's decimals: "1,50" in
 * Portuguese, "1.50" in English, "150" for yen.
 */
export function amountAsTyped(minorUnits: number, locale: string, currency: string): string {
  const digits = minorUnitDigits(currency) ?? 2;
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  }).format(minorUnits / 10 ** digits);
}
