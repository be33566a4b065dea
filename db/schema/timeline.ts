import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { clientContacts, clients } from './clients.ts';
import { taskRequests } from './task-requests.ts';
import { users } from './users.ts';

export const TIMELINE_ENTRY_KINDS = [
  'monthly_report',
  'minutes',
  'decision',
  'media_payment',
  'note',
] as const;
export type TimelineEntryKind = (typeof TIMELINE_ENTRY_KINDS)[number];

export const TIMELINE_VISIBILITIES = ['internal', 'client'] as const;
export type TimelineVisibility = (typeof TIMELINE_VISIBILITIES)[number];

/**
 * One entry on a client's timeline: a monthly report, meeting minutes, a decision, a media
 * payment document or a note. `content` is the kind's fields as JSON, checked by the kind's
 * schema (src/server/timeline); the columns beside it are what lists, deadlines and
 * ordering read. `revision` counts edits (each earlier text is kept in
 * timeline_entry_revisions) and guards two tabs editing at once.
 */
export const timelineEntries = sqliteTable(
  'timeline_entries',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: TIMELINE_ENTRY_KINDS }).notNull(),
    visibility: text('visibility', { enum: TIMELINE_VISIBILITIES }).notNull(),
    title: text('title').notNull(),
    content: text('content').notNull().default('{}'),
    // The day the entry is about (the meeting, the decision, the document's due date…),
    // YYYY-MM-DD in the agency time zone; the timeline is ordered by it, then by createdAt.
    occurredOn: text('occurred_on').notNull(),
    // Monthly reports: the month reported, YYYY-MM (meets that month's report deadline).
    period: text('period'),
    // Minutes and decisions may ask the chosen contacts to acknowledge them.
    asksAcknowledgement: integer('asks_acknowledgement', { mode: 'boolean' })
      .notNull()
      .default(false),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    revision: integer('revision').notNull().default(1),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    index('timeline_entries_client_idx').on(table.clientId, table.occurredOn, table.createdAt),
    index('timeline_entries_report_idx').on(table.clientId, table.kind, table.period),
  ],
);

/** The text of an entry before each edit: who changed it, when, and what it said. */
export const timelineEntryRevisions = sqliteTable(
  'timeline_entry_revisions',
  {
    entryId: text('entry_id')
      .notNull()
      .references(() => timelineEntries.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    visibility: text('visibility', { enum: TIMELINE_VISIBILITIES }).notNull(),
    occurredOn: text('occurred_on').notNull(),
    // Who wrote this revision and when (for revision 1: the author at creation).
    editedBy: text('edited_by').references(() => users.id),
    editedAt: integer('edited_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.entryId, table.revision] })],
);

/** Files attached to an entry (the report PDF, the boleto…); the bytes live in R2 under `fileKey`. */
export const timelineFiles = sqliteTable(
  'timeline_files',
  {
    id: text('id').primaryKey(),
    entryId: text('entry_id')
      .notNull()
      .references(() => timelineEntries.id, { onDelete: 'cascade' }),
    fileKey: text('file_key').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('timeline_files_entry_idx').on(table.entryId)],
);

export const ACKNOWLEDGEMENT_RESPONSES = ['agreed', 'observation'] as const;
export type AcknowledgementResponse = (typeof ACKNOWLEDGEMENT_RESPONSES)[number];

/**
 * The contacts chosen on a client-visible entry: each is e-mailed, and when the entry asks
 * for acknowledgement, has a personal link (`tokenHash`, the SHA-256 of the token) and
 * answers once — agreed, or an observation that reaches CS. The name is copied so the entry
 * keeps who was asked after the contact is removed.
 */
export const timelineRecipients = sqliteTable(
  'timeline_recipients',
  {
    // The rowid: a removed contact leaves `contact_id` null, so the pair cannot be the key.
    id: integer('id').primaryKey(),
    entryId: text('entry_id')
      .notNull()
      .references(() => timelineEntries.id, { onDelete: 'cascade' }),
    // Null once the contact is removed: their answer stays, under the copied name.
    contactId: text('contact_id').references(() => clientContacts.id, { onDelete: 'set null' }),
    contactName: text('contact_name').notNull(),
    tokenHash: text('token_hash'),
    // Each link stops opening at its own time (policy.timeline.acknowledgement.linkDays).
    tokenExpiresAt: integer('token_expires_at', { mode: 'timestamp_ms' }),
    // The reminder carries a link of its own (only the hash of each is kept, so the first
    // cannot be sent again); both open the same acknowledgement until the contact answers.
    reminderTokenHash: text('reminder_token_hash'),
    reminderTokenExpiresAt: integer('reminder_token_expires_at', { mode: 'timestamp_ms' }),
    notifiedAt: integer('notified_at', { mode: 'timestamp_ms' }),
    remindedAt: integer('reminded_at', { mode: 'timestamp_ms' }),
    respondedAt: integer('responded_at', { mode: 'timestamp_ms' }),
    response: text('response', { enum: ACKNOWLEDGEMENT_RESPONSES }),
    observation: text('observation'),
    // 'link' or 'space': where the contact answered.
    respondedVia: text('responded_via', { enum: ['link', 'space'] }),
    // The entry's revision the contact read when answering ("agreed to version N"); an
    // entry's content cannot be edited once anyone answered, so it is the current one.
    answeredRevision: integer('answered_revision'),
    // The personal link of an entry that asks nothing only reads (every notice has a link):
    // written when the contact is told, it keeps such rows out of the reminders' index.
    readOnlyLink: integer('read_only_link', { mode: 'boolean' }).notNull().default(false),
  },
  (table) => [
    uniqueIndex('timeline_recipients_entry_contact_idx').on(table.entryId, table.contactId),
    uniqueIndex('timeline_recipients_token_idx').on(table.tokenHash),
    uniqueIndex('timeline_recipients_reminder_token_idx').on(table.reminderTokenHash),
    index('timeline_recipients_contact_idx').on(table.contactId),
    index('timeline_recipients_pending_idx').on(table.respondedAt, table.remindedAt),
    // The every-minute job's two questions, each on a small partial index that holds only
    // the rows still to e-mail: who was never told, and who was asked and may be reminded
    // (a told contact of a note stays unanswered for ever, so the pending index keeps them).
    // The reminder's names the answer by `response` (written with `responded_at`) so that
    // its query is not drawn to the pending index.
    index('timeline_recipients_to_notify_idx')
      .on(table.entryId)
      .where(sql`${table.notifiedAt} is null`),
    index('timeline_recipients_to_remind_idx')
      .on(table.notifiedAt)
      .where(
        sql`${table.tokenHash} is not null and not ${table.readOnlyLink} and ${table.response} is null and ${table.remindedAt} is null`,
      ),
  ],
);

/**
 * An action item of meeting minutes, turned into a task request in one step: `taskRequestId`
 * once the routing rule and the lead time allowed it, else `refusal` (a refusal code the
 * minutes page explains).
 */
export const timelineActionItems = sqliteTable(
  'timeline_action_items',
  {
    id: text('id').primaryKey(),
    entryId: text('entry_id')
      .notNull()
      .references(() => timelineEntries.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    what: text('what').notNull(),
    assigneeRole: text('assignee_role').notNull(),
    assigneeId: text('assignee_id').references(() => users.id),
    // YYYY-MM-DD, agency time zone.
    dueOn: text('due_on').notNull(),
    taskRequestId: text('task_request_id').references(() => taskRequests.id, {
      onDelete: 'set null',
    }),
    refusal: text('refusal'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [uniqueIndex('timeline_action_items_position_idx').on(table.entryId, table.position)],
);
