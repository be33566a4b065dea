import { z } from 'zod';
import {
  APPROVAL_DECISIONS,
  COMMENT_TARGETS,
  PIECE_DISCIPLINES,
  PIECE_KINDS,
  ROUND_RULES,
} from '../../../db/schema/index.ts';
import {
  checkbox,
  fieldMessage,
  isRealDate,
  oneOrMany,
  optionalText,
} from '../forms/input-fields.ts';
import { isValidPin } from './approval-rules.ts';

/** A project as CS plans it: for a client, with a designer when one is chosen. */
export const projectInput = z.object({
  clientId: z.string().min(1),
  name: z.string().trim().min(1).max(160),
  designerId: optionalText(64),
});

/** A piece of a project: what it is, whose department makes it, and when it is due. */
export const pieceInput = z.object({
  projectId: z.string().min(1),
  title: z.string().trim().min(1).max(160),
  kind: z.enum(PIECE_KINDS),
  // Left out, or the form's empty "as the policy says" choice: the policy's for the kind.
  discipline: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.enum(PIECE_DISCIPLINES).optional(),
  ),
  dueOn: optionalText(10, isRealDate, 'fields.invalidDate'),
});

/** A new version: its file, its text, and whether it goes to the last round's contacts. */
export const versionInput = z.object({
  file: z.custom<File>(
    (value) => value instanceof File && value.size > 0,
    fieldMessage('fields.fileRequired'),
  ),
  text: z.string().max(5000).default(''),
  sendToSameContacts: checkbox,
});

/** Sending a piece for approval: to whom, and whether all of them or any one must approve. */
export const sendInput = z.object({
  contactIds: oneOrMany(z.string()),
  rule: z.enum(ROUND_RULES).optional(),
});

/** A pin's coordinate as a form sends it: empty when there is none. */
const coordinate = z.preprocess(
  (value) => (value === '' || value === null ? undefined : value),
  z.coerce.number().min(0).max(1).optional(),
);

/** A comment as both sides post it: where it points, and what it says. */
export const commentInput = z
  .object({
    target: z.enum(COMMENT_TARGETS).default('general'),
    body: z.string().trim().min(1).max(4000),
    pinX: coordinate,
    pinY: coordinate,
  })
  .refine((comment) => isValidPin(comment.pinX, comment.pinY), {
    path: ['pinX'],
    ...fieldMessage('fields.invalidFormat'),
  });

/**
 * An agency comment. Visible to the client only when the request says so: a missing field
 * (a JSON body without it, a form whose box is unticked) gives an internal comment.
 */
export const agencyCommentInput = commentInput.and(
  z.object({ visibleToClient: checkbox, version: z.coerce.number().int().min(1).optional() }),
);

/**
 * An agency reply in a comment's thread. In a thread the client sees, it is shown to them
 * unless "internal only" is ticked; in an internal thread it is internal whatever is sent.
 */
export const replyInput = z.object({
  // Named apart from a comment's `body`: the page has a comment form and a reply form per thread.
  reply: z.string().trim().min(1).max(4000),
  internalOnly: checkbox,
});

/** A contact's new text for one of their own comments. */
export const commentChangeInput = z.object({ body: z.string().trim().min(1).max(4000) });

/** A contact's decision on a round; a message goes with it (required when asking for changes). */
export const decisionInput = z.object({
  decision: z.enum(APPROVAL_DECISIONS),
  message: z.string().max(4000).default(''),
});
