import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import { events, userRoles, users } from '../../../db/schema/index.ts';
import { ROLES, type Role } from '../../policy/index.ts';

/** One entry of a history as the pages draw it: what happened, when, and who did it. */
export type HistoryEntry = {
  occurredAt: Date;
  action: string;
  data: Record<string, unknown> | null;
  // The person of the agency who acted; null for Ponte itself or a client contact.
  actor: { name: string; roles: Role[] } | null;
  // The client contact an event is about (or who acted, when no person of the agency did).
  contactName?: string | null;
  ip?: string | null;
};

// The actor's roles in the same query (one column, comma separated): no second read.
const actorRoles = sql<
  string | null
>`(select group_concat(${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${events.actorId})`;

/** What a history reads of an event: the event, and its actor's name and roles. */
export const HISTORY_COLUMNS = {
  id: events.id,
  occurredAt: events.occurredAt,
  action: events.action,
  data: events.data,
  ip: events.ip,
  actorName: aliased(users.name, 'actor_name'),
  actorRoles: actorRoles.as('actor_roles'),
};

/** The events matching `where`, newest first, each with its actor: a read to add to a page's batch. */
export function readEventHistory(db: Database, where: SQL | undefined, limit = 200) {
  return db
    .select(HISTORY_COLUMNS)
    .from(events)
    .leftJoin(users, eq(users.id, events.actorId))
    .where(where)
    .orderBy(desc(events.occurredAt), desc(events.id))
    .limit(limit);
}

/** The events about one object (an invoice, a piece, a person…). */
export function readSubjectHistory(db: Database, subjectType: string, subjectId: string) {
  return readEventHistory(
    db,
    and(eq(events.subjectType, subjectType), eq(events.subjectId, subjectId)),
  );
}

type HistoryRow = {
  occurredAt: Date;
  action: string;
  data: Record<string, unknown> | null;
  ip?: string | null;
  actorName: string | null;
  actorRoles?: string | null;
};

/** A history row as an entry: its actor's roles as a list (in the policy's order), no actor when none. */
export function historyEntryOf(row: HistoryRow): HistoryEntry {
  const held = (row.actorRoles ?? '').split(',');
  return {
    occurredAt: row.occurredAt,
    action: row.action,
    data: row.data,
    ip: row.ip ?? null,
    actor:
      row.actorName === null
        ? null
        : { name: row.actorName, roles: ROLES.filter((role) => held.includes(role)) },
  };
}
