import type { SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import { events } from '../../../db/schema/index.ts';

/** One audit entry: who did what to which object, when and from where. Never carries a token. */
export type AuditEvent = {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  ip: string | null;
  data?: Record<string, unknown>;
};

/** The row an audit event is stored as, shared by both inserts below. */
const eventRow = (event: AuditEvent, now: Date) => ({
  ...event,
  occurredAt: now,
  data: event.data ?? null,
});

/** The insert of an audit event, returned so it joins the batch of the change it records. */
export function recordEvent(db: Database, event: AuditEvent, now: Date) {
  return db.insert(events).values(eventRow(event, now));
}

/** The same insert, made only when `guard` holds as the batch runs (see queueMailWhen). */
export function recordEventWhen(db: Database, event: AuditEvent, now: Date, guard: SQL) {
  return insertWhen(db, events, eventRow(event, now), guard);
}
