import { type SQL, sql } from 'drizzle-orm';
import { constant } from '../../../db/aliased.ts';
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

/** The same insert, made only when `guard` holds as the batch runs (see queueMailWhen). */
export function recordEventWhen(db: Database, event: AuditEvent, now: Date, guard: SQL) {
  return db.insert(events).select(
    db
      .select({
        id: constant(null, 'id'),
        occurredAt: constant(now.getTime(), 'occurred_at'),
        actorId: constant(event.actorId, 'actor_id'),
        action: constant(event.action, 'action'),
        subjectType: constant(event.subjectType, 'subject_type'),
        subjectId: constant(event.subjectId, 'subject_id'),
        ip: constant(event.ip, 'ip'),
        data: constant(event.data ? JSON.stringify(event.data) : null, 'data'),
      })
      .from(sql`(select 1)`)
      .where(guard),
  );
}
