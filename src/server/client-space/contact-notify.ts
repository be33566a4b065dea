import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import { contactNotifications } from '../../../db/schema/index.ts';

/** What a contact is told of: the news, its subject, and the key that makes it once only. */
export type ContactNews = {
  contactId: string;
  kind: string;
  subjectId: string;
  dedupeKey: string;
};

/**
 * The statement that queues news for a contact (sent at once or in their digest by the
 * notifications job), to join the batch of the change it tells of: nothing is queued twice
 * for one `dedupeKey`, and with `when` nothing is queued unless the change took effect.
 */
export function notifyContact(db: Database, news: ContactNews, now: Date, when?: SQL) {
  return insertWhen(
    db,
    contactNotifications,
    { id: crypto.randomUUID(), ...news, createdAt: now, sentAt: null },
    when ?? sql`1 = 1`,
  ).onConflictDoNothing();
}
