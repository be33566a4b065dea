import { and, eq } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import { userRoles, users } from '../../../db/schema/index.ts';

/**
 * The people the agency's notices go to, read one way everywhere: the jobs that remind and
 * escalate (triage, the monthly report, the cost check), a timeline observation and a low
 * satisfaction score each selected the same columns and the same admins by hand.
 */

/** A person an e-mail goes to: the outbox key names them by id, the mail is in their language. */
export type MailRecipient = { id: string; name: string; email: string; locale: string };

/** A person's columns as a MailRecipient, for a query that reads them from `users`. */
export const recipientColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  locale: users.locale,
};

/**
 * The client's CS beside a row of the client's (a query joining `users` on the client's CS):
 * whom a contact's action is told to (a decision, an answer, a submitted questionnaire).
 */
export const csMailColumns = {
  csName: aliased(users.name, 'cs_name'),
  csEmail: aliased(users.email, 'cs_email'),
  csLocale: aliased(users.locale, 'cs_locale'),
};

/**
 * The same for the reminders, with who the CS is and whether they are still active (a CS who
 * left: the notice goes to the admins).
 */
export const csRecipientColumns = {
  csId: aliased(users.id, 'cs_id'),
  ...csMailColumns,
  csActive: aliased(users.active, 'cs_active'),
};

/** The active admins: told when a deadline is overdue, and in the place of a CS who left. */
export const activeAdmins = (db: Database) =>
  db
    .select(recipientColumns)
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'admin')))
    .where(eq(users.active, true));
