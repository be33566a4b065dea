import { z } from 'zod';
import { policy } from '../../policy/index.ts';
import { checkbox, fieldMessage, optionalText } from '../forms/input-fields.ts';

const limits = policy.clientSpace.requests;

/** A required text of a triage form, refused in the field's own words when empty. */
const requiredText = (max: number, messageKey: string) =>
  z
    .string()
    .default('')
    .transform((value) => value.trim())
    .pipe(z.string().max(max))
    .refine((value) => value.length > 0, fieldMessage(messageKey));

/**
 * Authorizing (or starting at risk): the designer to give the work to, if any, and whether
 * it stays hidden from the client. Visible by default: the client asked for it, so they follow it.
 */
export const startWorkInput = z.object({
  designerId: optionalText(64),
  hideFromClient: checkbox,
});

/** A question to the contact: its text goes to the request's conversation. */
export const askInput = z.object({
  message: requiredText(limits.maxMessageChars, 'requestTriage.messageRequired'),
});

/** A decline: the reason, which reaches the contact. */
export const declineInput = z.object({
  reason: requiredText(limits.maxDeclineReasonChars, 'requestTriage.reasonRequired'),
});

/** The contact's message on their request, from the space. */
export const contactMessageInput = z.object({
  message: requiredText(limits.maxMessageChars, 'spaceRequests.messageRequired'),
});
