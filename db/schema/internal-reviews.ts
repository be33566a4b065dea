import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { PIECE_DISCIPLINES, pieces, pieceVersions } from './approvals.ts';
import { users } from './users.ts';

export const INTERNAL_REVIEW_STATUSES = [
  'open',
  'approved',
  'changes_requested',
  'superseded',
] as const;
export type InternalReviewStatus = (typeof INTERNAL_REVIEW_STATUSES)[number];

/**
 * The agency's own review of a version before it may go to the client: one per version of a
 * piece whose kind the policy names. The first reviewer's decision settles it (`closeKey`
 * tells the batch's later writes which request closed it, as on approval rounds).
 */
export const internalReviews = sqliteTable(
  'internal_reviews',
  {
    id: text('id').primaryKey(),
    pieceId: text('piece_id')
      .notNull()
      .references(() => pieces.id, { onDelete: 'cascade' }),
    versionId: text('version_id')
      .notNull()
      .unique()
      .references(() => pieceVersions.id, { onDelete: 'cascade' }),
    // The piece's discipline when the review began: whose head reviews it.
    discipline: text('discipline', { enum: PIECE_DISCIPLINES }).notNull(),
    status: text('status', { enum: INTERNAL_REVIEW_STATUSES }).notNull().default('open'),
    // Business hours from the policy, counted from createdAt.
    dueAt: integer('due_at', { mode: 'timestamp_ms' }).notNull(),
    remindedAt: integer('reminded_at', { mode: 'timestamp_ms' }),
    escalatedAt: integer('escalated_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    createdBy: text('created_by').references(() => users.id),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    decidedBy: text('decided_by').references(() => users.id),
    message: text('message'),
    closeKey: text('close_key'),
    // CS asked, uploading the version, that it go to the contacts of the round before: it
    // waits for this review and goes with the approval.
    sendToSameContacts: integer('send_to_same_contacts', { mode: 'boolean' })
      .notNull()
      .default(false),
  },
  (table) => [
    // A piece's reviews; with when each was opened, for the scorecard's "first sent on" (covering).
    index('internal_reviews_piece_idx').on(table.pieceId, table.createdAt),
    index('internal_reviews_open_idx').on(table.status, table.dueAt),
  ],
);
