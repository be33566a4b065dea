import {
  type AnySQLiteColumn,
  index,
  integer,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { clientContacts, clients } from './clients.ts';
import { users } from './users.ts';

/** A body of work for a client (a campaign, a launch); pieces belong to one. */
export const projects = sqliteTable(
  'projects',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    // The Design partner who works on it: they see its pieces.
    designerId: text('designer_id').references(() => users.id),
    // Whether the client's contacts follow it in the client space: the agency chooses.
    visibleToClient: integer('visible_to_client', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    createdBy: text('created_by').references(() => users.id),
  },
  (table) => [
    index('projects_client_idx').on(table.clientId),
    index('projects_designer_idx').on(table.designerId),
  ],
);

export const PIECE_KINDS = ['social_post', 'banner', 'email', 'landing_page', 'other'] as const;
export type PieceKind = (typeof PIECE_KINDS)[number];

/** Which department makes a piece, and so whose head reviews it inside the agency first. */
export const PIECE_DISCIPLINES = ['design', 'traffic'] as const;
export type PieceDiscipline = (typeof PIECE_DISCIPLINES)[number];

// The internal_* and ready_to_send statuses: the agency's own review before the client (#17).
export const PIECE_STATUSES = [
  'in_production',
  'internal_review',
  'internal_changes_requested',
  'ready_to_send',
  'awaiting_approval',
  'changes_requested',
  'approved',
] as const;
export type PieceStatus = (typeof PIECE_STATUSES)[number];

/** A creative piece the client approves: a post, a banner, an e-mail… in versions. */
export const pieces = sqliteTable(
  'pieces',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    // Kept here too so access checks and the board read one table.
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    kind: text('kind', { enum: PIECE_KINDS }).notNull(),
    discipline: text('discipline', { enum: PIECE_DISCIPLINES }).notNull().default('design'),
    // YYYY-MM-DD, agency time zone.
    dueOn: text('due_on'),
    status: text('status', { enum: PIECE_STATUSES }).notNull().default('in_production'),
    // The number of the newest version; 0 before the first upload.
    latestVersion: integer('latest_version').notNull().default(0),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    createdBy: text('created_by').references(() => users.id),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    // When it was first sent on, to the agency's review or to the client (its due day is met
    // then): kept by triggers on the rounds and the reviews (migration 0028), read by the
    // scorecard without looking through them.
    firstSentAt: integer('first_sent_at', { mode: 'timestamp_ms' }),
  },
  (table) => [
    index('pieces_client_idx').on(table.clientId),
    index('pieces_project_idx').on(table.projectId),
    // A client's pieces in a status (a home card counts a CS's without reading every piece).
    index('pieces_client_status_idx').on(table.clientId, table.status, table.dueOn),
    // The scorecard: the pieces due in a range of months, covering what it reads of them.
    index('pieces_due_idx').on(
      table.dueOn,
      table.discipline,
      table.projectId,
      table.clientId,
      table.firstSentAt,
    ),
  ],
);

/** One version of a piece: its file (image or PDF, in R2) and its text. */
export const pieceVersions = sqliteTable(
  'piece_versions',
  {
    id: text('id').primaryKey(),
    pieceId: text('piece_id')
      .notNull()
      .references(() => pieces.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    fileKey: text('file_key').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    // An image's size in pixels, read from its header (null for a PDF): pages reserve its space.
    width: integer('width'),
    height: integer('height'),
    // The caption or copy that goes with the piece.
    text: text('text').notNull().default(''),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    createdBy: text('created_by').references(() => users.id),
  },
  (table) => [
    uniqueIndex('piece_versions_number_idx').on(table.pieceId, table.number),
    index('piece_versions_uploader_idx').on(table.pieceId, table.createdBy),
  ],
);

export const ROUND_STATUSES = [
  'open',
  'approved',
  'changes_requested',
  'superseded',
  'revoked',
] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** Whether every contact sent the link must approve, or any one of them. */
export const ROUND_RULES = ['all', 'any'] as const;
export type RoundRule = (typeof ROUND_RULES)[number];

/** What a contact decides on a round. */
export const APPROVAL_DECISIONS = ['approved', 'changes_requested'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

/**
 * A version sent to the client for approval: one round per version. `rule` says whether
 * every contact sent the link must approve, or any one of them.
 */
export const approvalRounds = sqliteTable(
  'approval_rounds',
  {
    id: text('id').primaryKey(),
    pieceId: text('piece_id')
      .notNull()
      .references(() => pieces.id, { onDelete: 'cascade' }),
    versionId: text('version_id')
      .notNull()
      .unique()
      .references(() => pieceVersions.id, { onDelete: 'cascade' }),
    rule: text('rule', { enum: ROUND_RULES }).notNull(),
    status: text('status', { enum: ROUND_STATUSES }).notNull().default('open'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    createdBy: text('created_by').references(() => users.id),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    // A key of the request that closed the round, so the writes that follow in its batch
    // (the piece, the e-mail, the event) can tell that this request, and no other, closed it.
    closeKey: text('close_key'),
  },
  (table) => [
    index('approval_rounds_piece_idx').on(table.pieceId, table.createdAt),
    // The rounds approved since a moment: the satisfaction job reads them every minute.
    index('approval_rounds_closed_idx').on(table.status, table.closedAt),
  ],
);

/**
 * A contact's personal link to a round; the id is the SHA-256 of the token. A contact may
 * hold several (each reminder carries a fresh one); revoking ends them all.
 */
export const approvalLinks = sqliteTable(
  'approval_links',
  {
    id: text('id').primaryKey(),
    roundId: text('round_id')
      .notNull()
      .references(() => approvalRounds.id, { onDelete: 'cascade' }),
    contactId: text('contact_id')
      .notNull()
      .references(() => clientContacts.id, { onDelete: 'cascade' }),
    // Why this link was made: the first send, a re-send by CS, or the reminder job.
    reason: text('reason', { enum: ['sent', 'resent', 'reminder'] }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    firstOpenedAt: integer('first_opened_at', { mode: 'timestamp_ms' }),
  },
  (table) => [
    index('approval_links_round_idx').on(table.roundId),
    index('approval_links_contact_idx').on(table.contactId),
  ],
);

/**
 * A contact's decision on a round, at most one (a unique index makes a second click, tab or
 * replay a no-op). The name is copied so the history survives the contact's removal.
 */
export const approvalDecisions = sqliteTable(
  'approval_decisions',
  {
    id: text('id').primaryKey(),
    roundId: text('round_id')
      .notNull()
      .references(() => approvalRounds.id, { onDelete: 'cascade' }),
    contactId: text('contact_id').notNull(),
    contactName: text('contact_name').notNull(),
    decision: text('decision', { enum: APPROVAL_DECISIONS }).notNull(),
    message: text('message'),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [uniqueIndex('approval_decisions_contact_idx').on(table.roundId, table.contactId)],
);

export const COMMENT_TARGETS = ['image', 'text', 'general'] as const;
export type CommentTarget = (typeof COMMENT_TARGETS)[number];

/**
 * A comment on a version, by a contact (through their link) or by an agency member.
 * `internal` comments are the agency's own: no client-facing query ever selects them.
 */
export const pieceComments = sqliteTable(
  'piece_comments',
  {
    id: text('id').primaryKey(),
    pieceId: text('piece_id')
      .notNull()
      .references(() => pieces.id, { onDelete: 'cascade' }),
    versionId: text('version_id')
      .notNull()
      .references(() => pieceVersions.id, { onDelete: 'cascade' }),
    authorUserId: text('author_user_id').references(() => users.id),
    authorContactId: text('author_contact_id'),
    authorName: text('author_name').notNull(),
    target: text('target', { enum: COMMENT_TARGETS }).notNull(),
    // A point on the image, as fractions of its width and height (0–1).
    pinX: real('pin_x'),
    pinY: real('pin_y'),
    body: text('body').notNull(),
    internal: integer('internal', { mode: 'boolean' }).notNull().default(false),
    // A reply answers one comment (never a reply): a thread is one level deep.
    parentId: text('parent_id').references((): AnySQLiteColumn => pieceComments.id, {
      onDelete: 'cascade',
    }),
    // A thread is resolved on its first comment; the client sees it so on the next version.
    resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
    resolvedBy: text('resolved_by').references(() => users.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    index('piece_comments_version_idx').on(table.versionId),
    index('piece_comments_piece_idx').on(table.pieceId, table.resolvedAt),
    index('piece_comments_parent_idx').on(table.parentId),
  ],
);
