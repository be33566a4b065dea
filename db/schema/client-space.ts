import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { projects } from './approvals.ts';
import { clientContacts, clients } from './clients.ts';
import { users } from './users.ts';

/**
 * Single-use links that sign a client contact in to the client space (never a partner
 * account). Keyed by address: an address may be a contact of several clients and chooses
 * one after signing in. The id is the SHA-256 of the token in the link.
 */
export const contactSignInLinks = sqliteTable(
  'contact_sign_in_links',
  {
    id: text('id').primaryKey(),
    // Lower-cased, as client_contacts are compared.
    email: text('email').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    // The session this link created; marks which of two racing requests consumed it.
    sessionId: text('session_id'),
  },
  (table) => [index('contact_sign_in_links_email_idx').on(table.email)],
);

/**
 * A client contact's session in the client space: their own kind, apart from partners'.
 * `contactId` is the client chosen (null until an address with several clients chooses);
 * removing the contact ends the session with it.
 */
export const contactSessions = sqliteTable(
  'contact_sessions',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    contactId: text('contact_id').references(() => clientContacts.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    lastVerifiedAt: integer('last_verified_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    index('contact_sessions_email_idx').on(table.email),
    index('contact_sessions_contact_idx').on(table.contactId),
  ],
);

export const REQUEST_KINDS = ['project', 'piece'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/**
 * The form a client's contacts fill to ask for a new project or piece, set by the agency per
 * client. Versioned: saving makes a new version; a request keeps the version it was written
 * against. `fields` is JSON, checked by the template schema (src/server/client-requests).
 */
export const requestTemplates = sqliteTable(
  'request_templates',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: REQUEST_KINDS }).notNull(),
    version: integer('version').notNull(),
    fields: text('fields').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    createdBy: text('created_by').references(() => users.id),
  },
  (table) => [
    uniqueIndex('request_templates_version_idx').on(table.clientId, table.kind, table.version),
  ],
);

export const REQUEST_STATUSES = [
  'draft',
  'opened',
  'question',
  'at_risk',
  'authorized',
  'declined',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * A request for new work opened by a client contact in the client space. Nothing of it goes
 * to production until the client's CS authorizes it (or starts it at risk); triage is due
 * by the policy's business hours from `submittedAt`.
 */
export const clientRequests = sqliteTable(
  'client_requests',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    // Null once the contact is removed; the name is copied so the request keeps its author.
    contactId: text('contact_id').references(() => clientContacts.id, { onDelete: 'set null' }),
    contactName: text('contact_name').notNull(),
    templateId: text('template_id')
      .notNull()
      .references(() => requestTemplates.id),
    kind: text('kind', { enum: REQUEST_KINDS }).notNull(),
    // For a new piece: the (visible) project it belongs to.
    projectId: text('project_id').references(() => projects.id, { onDelete: 'set null' }),
    status: text('status', { enum: REQUEST_STATUSES }).notNull().default('draft'),
    title: text('title').notNull().default(''),
    // The answers by field key, JSON.
    answers: text('answers').notNull().default('{}'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    triageDueAt: integer('triage_due_at', { mode: 'timestamp_ms' }),
    remindedAt: integer('reminded_at', { mode: 'timestamp_ms' }),
    escalatedAt: integer('escalated_at', { mode: 'timestamp_ms' }),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    decidedBy: text('decided_by').references(() => users.id),
    declineReason: text('decline_reason'),
    // What it became once authorized (or started at risk).
    resultProjectId: text('result_project_id').references(() => projects.id, {
      onDelete: 'set null',
    }),
    closeKey: text('close_key'),
  },
  (table) => [
    index('client_requests_client_idx').on(table.clientId, table.status),
    index('client_requests_contact_idx').on(table.contactId),
    index('client_requests_triage_idx').on(table.status, table.triageDueAt),
  ],
);

/** Files attached to a request's file fields; the bytes live in R2 under `fileKey`. */
export const requestFiles = sqliteTable(
  'request_files',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id')
      .notNull()
      .references(() => clientRequests.id, { onDelete: 'cascade' }),
    fieldKey: text('field_key').notNull(),
    fileKey: text('file_key').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('request_files_request_idx').on(table.requestId)],
);

/** The conversation on a request: CS's questions and the contact's answers. */
export const requestMessages = sqliteTable(
  'request_messages',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id')
      .notNull()
      .references(() => clientRequests.id, { onDelete: 'cascade' }),
    authorUserId: text('author_user_id').references(() => users.id),
    authorContactId: text('author_contact_id'),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('request_messages_request_idx').on(table.requestId)],
);

/**
 * What a contact is to be told (a piece awaits their approval, a request changed), kept until
 * it is sent: at once, or in the contact's daily digest. `dedupeKey` makes a second queueing
 * of the same news a no-op.
 */
export const contactNotifications = sqliteTable(
  'contact_notifications',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id')
      .notNull()
      .references(() => clientContacts.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    subjectId: text('subject_id').notNull(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (table) => [index('contact_notifications_pending_idx').on(table.sentAt, table.contactId)],
);
