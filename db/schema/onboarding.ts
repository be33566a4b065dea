import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { clientContacts, clients } from './clients.ts';
import { users } from './users.ts';

/** A client's onboarding questionnaire: one per client, answered together by its contacts. */
export const onboardings = sqliteTable(
  'onboardings',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .unique()
      .references(() => clients.id, { onDelete: 'cascade' }),
    questionnaireVersion: integer('questionnaire_version').notNull(),
    status: text('status', { enum: ['open', 'submitted'] })
      .notNull()
      .default('open'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    createdBy: text('created_by').references(() => users.id),
    // LGPD: who agreed to the agency's notice (its version), and when.
    consentAt: integer('consent_at', { mode: 'timestamp_ms' }),
    consentByContactId: text('consent_by_contact_id'),
    consentNoticeVersion: integer('consent_notice_version'),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    submittedByContactId: text('submitted_by_contact_id'),
  },
  // A CS's open questionnaires (the home): one look per client of theirs, in a small index.
  (table) => [index('onboardings_open_idx').on(table.status, table.clientId, table.createdAt)],
);

/** A contact's personal link to the onboarding; the id is the SHA-256 of the token. */
export const onboardingLinks = sqliteTable(
  'onboarding_links',
  {
    id: text('id').primaryKey(),
    onboardingId: text('onboarding_id')
      .notNull()
      .references(() => onboardings.id, { onDelete: 'cascade' }),
    contactId: text('contact_id')
      .notNull()
      .references(() => clientContacts.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    firstOpenedAt: integer('first_opened_at', { mode: 'timestamp_ms' }),
    lastOpenedAt: integer('last_opened_at', { mode: 'timestamp_ms' }),
  },
  (table) => [index('onboarding_links_onboarding_idx').on(table.onboardingId)],
);

/**
 * One row per answered question, written on its own: two tabs saving different questions
 * never overwrite each other.
 */
export const onboardingAnswers = sqliteTable(
  'onboarding_answers',
  {
    onboardingId: text('onboarding_id')
      .notNull()
      .references(() => onboardings.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    value: text('value', { mode: 'json' }).$type<string | string[]>().notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    updatedByContactId: text('updated_by_contact_id'),
  },
  (table) => [primaryKey({ columns: [table.onboardingId, table.questionId] })],
);

/** Sections a contact saved with "next": progress for sections with no required question. */
export const onboardingSectionSaves = sqliteTable(
  'onboarding_section_saves',
  {
    onboardingId: text('onboarding_id')
      .notNull()
      .references(() => onboardings.id, { onDelete: 'cascade' }),
    sectionId: text('section_id').notNull(),
    savedAt: integer('saved_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.onboardingId, table.sectionId] })],
);

/** Files a client uploaded with the questionnaire; the bytes live in R2 under `fileKey`. */
export const onboardingFiles = sqliteTable(
  'onboarding_files',
  {
    id: text('id').primaryKey(),
    onboardingId: text('onboarding_id')
      .notNull()
      .references(() => onboardings.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    fileKey: text('file_key').notNull(),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedAt: integer('uploaded_at', { mode: 'timestamp_ms' }).notNull(),
    uploadedByContactId: text('uploaded_by_contact_id'),
  },
  (table) => [index('onboarding_files_onboarding_idx').on(table.onboardingId)],
);

/** Moments of a client's pipeline (questionnaire received, launched, …) that start deadlines. */
export const clientMilestones = sqliteTable(
  'client_milestones',
  {
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    occurredAt: integer('occurred_at', { mode: 'timestamp_ms' }).notNull(),
    // Who recorded it (a partner), or null when the client did (the questionnaire's submit).
    recordedBy: text('recorded_by').references(() => users.id),
  },
  (table) => [
    primaryKey({ columns: [table.clientId, table.kind] }),
    // The scorecard: the clients with a milestone in a range of months (from the index alone).
    index('client_milestones_occurred_idx').on(table.occurredAt, table.clientId),
    // The key's columns and when: the scorecard reads a client's stages from the index alone.
    index('client_milestones_client_idx').on(table.clientId, table.kind, table.occurredAt),
  ],
);
