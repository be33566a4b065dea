import { z } from 'zod';
import { AD_PLACEMENTS, BREACH_ACTIONS, COST_METRICS } from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import { fieldMessage, isRealDate, optionalText } from '../forms/input-fields.ts';

/**
 * An acknowledgement of one breach: which (day, campaign, placement, metric), what was done
 * — one of the document's actions — and a note, required when nothing is needed (then the
 * note is the reason).
 */
export const acknowledgementInput = (rules: Pick<Policy, 'campaignChecks' | 'campaignImports'>) =>
  z
    .object({
      day: z.string().refine(isRealDate, fieldMessage('fields.invalidFormat')),
      // Up to the longest name an import keeps (longer names are refused there).
      campaignName: z.string().min(1).max(rules.campaignImports.maxCampaignNameChars),
      placement: z.enum(AD_PLACEMENTS),
      metric: z.enum(COST_METRICS),
      action: z.enum(BREACH_ACTIONS),
      note: optionalText(rules.campaignChecks.maxNoteChars),
    })
    .refine((input) => input.action !== 'none_needed' || input.note !== null, {
      path: ['note'],
      ...fieldMessage('campaignCheck.reasonRequired'),
    });

export type AcknowledgementInput = z.output<ReturnType<typeof acknowledgementInput>>;
