import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users.ts';

/** The agency's clients, each run by one CS partner. */
export const clients = sqliteTable(
  'clients',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    csUserId: text('cs_user_id')
      .notNull()
      .references(() => users.id),
    segment: text('segment'),
    // Calendar dates (YYYY-MM-DD) in the agency time zone.
    serviceStartsOn: text('service_starts_on'),
    serviceEndsOn: text('service_ends_on'),
    groupChatUrl: text('group_chat_url'),
    // The client group's incoming webhook (Slack format): task requests are announced there.
    chatWebhookUrl: text('chat_webhook_url'),
    // The client's next open pipeline deadline, kept so lists and the home read it instead of
    // computing every client's on each view; `pipelineRulesKey` names the policy it was
    // computed with (null or another key: compute again).
    pipelineDueAt: integer('pipeline_due_at', { mode: 'timestamp_ms' }),
    pipelineDueKind: text('pipeline_due_kind'),
    pipelineRulesKey: text('pipeline_rules_key'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    index('clients_cs_idx').on(table.csUserId),
    index('clients_pipeline_due_idx').on(table.pipelineDueAt),
    // The scorecard: the clients whose service ends or starts around a range of months (their
    // ids from the index alone).
    index('clients_service_ends_idx').on(table.serviceEndsOn, table.id),
    index('clients_service_starts_idx').on(table.serviceStartsOn, table.id),
  ],
);

/** People at a client: who answers questionnaires and who approves pieces. */
export const clientContacts = sqliteTable(
  'client_contacts',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    // E.164, e.g. +5511987654321
    whatsapp: text('whatsapp'),
    companyRole: text('company_role'),
    locale: text('locale').notNull().default('pt-BR'),
    mayAnswerQuestionnaires: integer('may_answer_questionnaires', { mode: 'boolean' })
      .notNull()
      .default(false),
    mayApprovePieces: integer('may_approve_pieces', { mode: 'boolean' }).notNull().default(false),
    // The client space (sign-in by e-mailed link): off until CS or an admin turns it on.
    mayUseSpace: integer('may_use_space', { mode: 'boolean' }).notNull().default(false),
    // How the space's news reaches them: each at once, or one digest a day.
    notifyMode: text('notify_mode', { enum: ['immediate', 'daily'] })
      .notNull()
      .default('immediate'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('client_contacts_client_idx').on(table.clientId)],
);
