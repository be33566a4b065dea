import { z } from 'zod';
import { PIECE_KINDS } from '../../../db/schema/index.ts';
import { policy } from '../../policy/index.ts';
import { checkbox, fieldMessage, optionalText } from '../forms/input-fields.ts';
import { piecesToStartOf } from './triage-pieces.ts';

const limits = policy.clientSpace.requests;
const startPieces = policy.clientSpace.requests.startPieces;

/** A required text of a triage form, refused in the field's own words when empty. */
const requiredText = (max: number, messageKey: string) =>
  z
    .string()
    .default('')
    .transform((value) => value.trim())
    .pipe(z.string().max(max))
    .refine((value) => value.length > 0, fieldMessage(messageKey));

/** A field's message that names the policy's limit ({max}). */
const withMax = (messageKey: string, max: number) => ({
  params: { messageKey, messageParams: { max } },
});

/**
 * The pieces a project request starts with, one per line: absent (a caller that names none)
 * is undefined — the request's title then names the one piece; sent, it must name at least
 * one (checked where the request's kind is known), at most the policy's, each a plain line.
 */
const piecesToStart = z
  .string()
  .max(startPieces.max * (startPieces.maxTitleChars + 2))
  .optional()
  .transform((text) => (text === undefined ? undefined : piecesToStartOf(text)))
  .refine((lines) => lines !== null, fieldMessage('requestTriage.piecesControl'))
  .refine(
    (lines) => !lines || lines.length <= startPieces.max,
    withMax('requestTriage.piecesTooMany', startPieces.max),
  )
  .refine(
    (lines) => !lines || lines.every((line) => line.length <= startPieces.maxTitleChars),
    withMax('requestTriage.pieceTooLong', startPieces.maxTitleChars),
  )
  .transform((lines) => lines ?? undefined);

/**
 * Authorizing (or starting at risk): the designer to give the work to, if any, whether it
 * stays hidden from the client (visible by default: the client asked for it, so they follow
 * it), the pieces to start and their kind (left out: the request's own, else 'other').
 */
export const startWorkInput = z.object({
  designerId: optionalText(64),
  hideFromClient: checkbox,
  pieces: piecesToStart,
  kind: z.preprocess((value) => (value === '' ? undefined : value), z.enum(PIECE_KINDS).optional()),
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
