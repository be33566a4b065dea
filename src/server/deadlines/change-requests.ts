import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { type ChangeKind, changeRequests } from '../../../db/schema/index.ts';
import { recordEvent, recordEventWhen } from '../audit/record-event.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import { getClientFor } from '../clients/clients.ts';
import { changeDueAt } from './deadline-rules.ts';

/**
 * Records a change the client asked for outside an approval link (in the group, by phone):
 * its turnaround starts now, by the policy's hours for its kind.
 */
export async function recordChangeRequest(
  db: Database,
  input: { clientId: string; kind: ChangeKind; summary: string; actor: Actor; user: Viewer },
  rules: Parameters<typeof changeDueAt>[2],
  now: Date,
): Promise<{ ok: true; changeId: string } | { ok: false; error: 'not_found' }> {
  if (!(await getClientFor(db, input.user, input.clientId)))
    return { ok: false, error: 'not_found' };
  const changeId = crypto.randomUUID();
  const dueAt = changeDueAt(now, input.kind, rules);
  await db.batch([
    db.insert(changeRequests).values({
      id: changeId,
      clientId: input.clientId,
      kind: input.kind,
      summary: input.summary,
      requestedAt: now,
      dueAt,
      recordedBy: input.actor.id,
    }),
    recordEvent(
      db,
      {
        actorId: input.actor.id,
        action: 'change_requested',
        subjectType: 'client',
        subjectId: input.clientId,
        ip: input.actor.ip,
        data: { changeId, kind: input.kind, dueAt: dueAt.toISOString() },
      },
      now,
    ),
  ]);
  return { ok: true, changeId };
}

/** Marks a client's change as done, once (a second click changes nothing). */
export async function markChangeDone(
  db: Database,
  input: { clientId: string; changeId: string; actor: Actor; user: Viewer },
  now: Date,
): Promise<{ ok: true } | { ok: false; error: 'not_found' | 'wrong_status' }> {
  if (!(await getClientFor(db, input.user, input.clientId)))
    return { ok: false, error: 'not_found' };
  const doneKey = crypto.randomUUID();
  const doneNow = sql`exists (select 1 from ${changeRequests} where ${changeRequests.id} = ${input.changeId} and ${changeRequests.doneKey} = ${doneKey})`;
  const [updated, existing] = await db.batch([
    db
      .update(changeRequests)
      .set({ doneAt: now, doneBy: input.actor.id, doneKey })
      .where(
        and(
          eq(changeRequests.id, input.changeId),
          eq(changeRequests.clientId, input.clientId),
          isNull(changeRequests.doneAt),
        ),
      )
      .returning({ id: changeRequests.id }),
    db
      .select({ id: changeRequests.id })
      .from(changeRequests)
      .where(
        and(eq(changeRequests.id, input.changeId), eq(changeRequests.clientId, input.clientId)),
      ),
    recordEventWhen(
      db,
      {
        actorId: input.actor.id,
        action: 'change_done',
        subjectType: 'client',
        subjectId: input.clientId,
        ip: input.actor.ip,
        data: { changeId: input.changeId },
      },
      now,
      doneNow,
    ),
  ]);
  if (updated.length > 0) return { ok: true };
  return { ok: false, error: existing.length > 0 ? 'wrong_status' : 'not_found' };
}

/** A client's change requests, newest first, for its page. */
export function listChangeRequests(db: Database, clientId: string) {
  return db
    .select()
    .from(changeRequests)
    .where(eq(changeRequests.clientId, clientId))
    .orderBy(desc(changeRequests.requestedAt))
    .limit(50);
}
