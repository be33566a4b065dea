import type { Database } from '../../../db/client.ts';
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

/** The insert of an audit event, returned so it joins the batch of the change it records. */
export function recordEvent(db: Database, event: AuditEvent, now: Date) {
  return db.insert(events).values({ ...event, occurredAt: now, data: event.data ?? null });
}
