import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { clientContacts, clients } from './clients.ts';
import { taskRequests } from './task-requests.ts';
import { users } from './users.ts';

/** What asks a contact how satisfied they are (policy.satisfaction.triggers). */
export const SURVEY_TRIGGERS = ['piece_approved', 'request_done', 'check_in'] as const;
export type SurveyTrigger = (typeof SURVEY_TRIGGERS)[number];

/**
 * One satisfaction question e-mailed to one contact about one delivery: an approval round
 * (piece_approved), a client request (request_done) or the client itself (check_in) is the
 * subject. The e-mail is queued in the batch that creates the row; the token is stored as
 * its SHA-256 only. A scanner following the hidden link sets `voidedAt`; the contact's POST
 * sets `answeredAt` and the score, once. The scorecard reads answers per client and month.
 */
export const satisfactionSurveys = sqliteTable(
  'satisfaction_surveys',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    contactId: text('contact_id')
      .notNull()
      .references(() => clientContacts.id, { onDelete: 'cascade' }),
    trigger: text('trigger', { enum: SURVEY_TRIGGERS }).notNull(),
    subjectId: text('subject_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    voidedAt: integer('voided_at', { mode: 'timestamp_ms' }),
    answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
    // 1 to 5, with the optional comment typed on the page.
    score: integer('score'),
    comment: text('comment'),
    // The task a low score opened for the client's CS, in the answer's batch.
    lowScoreTaskId: text('low_score_task_id').references(() => taskRequests.id, {
      onDelete: 'set null',
    }),
  },
  (table) => [
    uniqueIndex('satisfaction_surveys_subject_idx').on(
      table.trigger,
      table.subjectId,
      table.contactId,
    ),
    // The throttle: when was this contact last asked.
    index('satisfaction_surveys_contact_idx').on(table.contactId, table.createdAt),
    // The scorecard: a client's answers by month.
    index('satisfaction_surveys_answered_idx').on(table.clientId, table.answeredAt),
    // The admins' scorecard: every answer of a month, whoever the client, with what it reads of
    // each (covering).
    index('satisfaction_surveys_month_idx').on(
      table.answeredAt,
      table.score,
      table.voidedAt,
      table.clientId,
      table.trigger,
      table.subjectId,
    ),
  ],
);

/**
 * A client asking for its money back, recorded by its CS or an admin: at most one per
 * service (the service's start date is copied, so a renewed service may have its own).
 * `requestedOn` is the day the client asked (agency calendar date).
 */
export const clientRefunds = sqliteTable(
  'client_refunds',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    serviceStartsOn: text('service_starts_on').notNull(),
    requestedOn: text('requested_on').notNull(),
    note: text('note').notNull().default(''),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    uniqueIndex('client_refunds_service_idx').on(table.clientId, table.serviceStartsOn),
    // The scorecard: refunds asked in a month.
    index('client_refunds_requested_idx').on(table.requestedOn),
  ],
);
