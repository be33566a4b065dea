import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import { clientMilestones, clientRenewals, clients, users } from '../../../db/schema/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import { clientFor, readClientWithContacts } from '../clients/clients.ts';
import type { DeadlinePolicy } from '../deadlines/deadline-rules.ts';
import {
  keepPipelineDue,
  milestonesOf,
  readRenewalEndsOf,
  readStagesOf,
  withCurrentRenewal,
} from '../deadlines/stored-deadline.ts';
import { renewalProblem } from './renewal-rules.ts';

export type RecordRenewalFailure =
  | 'not_found'
  | 'no_service_end'
  | 'not_after_end'
  | 'lost'
  | 'already_renewed';

/**
 * Records that a client renewed its current service until a new end, by its CS or an admin:
 * one renewal per service (the key on the client and the renewed end settles a double click
 * or two tabs), in one batch with the service end moved to the new one (only if it is still
 * the end renewed), the stored next deadline kept (the new service's renewal contact opens)
 * and the event in the client's history. The service start stays: [start, end] is the span
 * the client is served. Nothing is written when it is refused.
 */
export async function recordRenewal(
  db: Database,
  rules: DeadlinePolicy,
  input: { clientId: string; renewedUntil: string; actor: Actor; user: Viewer },
  now: Date,
): Promise<{ ok: true } | { ok: false; error: RecordRenewalFailure }> {
  const { clientId, renewedUntil, actor } = input;
  const [client, contacts, stages, renewals] = await db.batch([
    ...readClientWithContacts(db, clientId),
    readStagesOf(db, clientId),
    readRenewalEndsOf(db, clientId),
  ]);
  const found = clientFor(input.user, [client, contacts]);
  if (!found) return { ok: false, error: 'not_found' };
  const milestones = milestonesOf(stages);
  const endsOn = found.client.serviceEndsOn;
  const problem = renewalProblem(endsOn, renewedUntil, Boolean(milestones.lost));
  if (problem || !endsOn) return { ok: false, error: problem ?? 'no_service_end' };
  if (renewals.some((renewal) => renewal.serviceEndsOn === endsOn)) {
    return { ok: false, error: 'already_renewed' };
  }
  // The service end not moved yet. The event goes before the update and is written only while
  // it holds: a second identical post (same instant, same new end, so `written` holds for it
  // too) finds the end already moved by the first, and writes no second event.
  const stillEnding = sql`exists (select 1 from ${clients} where ${clients.id} = ${clientId} and ${clients.serviceEndsOn} = ${endsOn})`;
  // This renewal, once the insert below wrote it: what the later writes are conditional on.
  const written = sql`exists (select 1 from ${clientRenewals} where ${clientRenewals.clientId} = ${clientId} and ${clientRenewals.serviceEndsOn} = ${endsOn} and ${clientRenewals.renewedAt} = ${now.getTime()} and ${clientRenewals.renewedUntil} = ${renewedUntil})`;
  const [inserted] = await db.batch([
    insertWhen(
      db,
      clientRenewals,
      { clientId, serviceEndsOn: endsOn, renewedUntil, renewedAt: now, recordedBy: actor.id },
      sql`${stillEnding} and not exists (select 1 from ${clientMilestones} where ${clientMilestones.clientId} = ${clientId} and ${clientMilestones.kind} = 'lost')`,
    )
      .onConflictDoNothing()
      .returning({ clientId: clientRenewals.clientId }),
    recordEventWhen(
      db,
      {
        actorId: actor.id,
        action: 'client_renewed',
        subjectType: 'client',
        subjectId: clientId,
        ip: actor.ip,
        data: { serviceEndsOn: endsOn, renewedUntil },
      },
      now,
      sql`${written} and ${stillEnding}`,
    ),
    db
      .update(clients)
      .set({ serviceEndsOn: renewedUntil })
      .where(and(eq(clients.id, clientId), eq(clients.serviceEndsOn, endsOn), written)),
    ...keepPipelineDue(
      db,
      { id: clientId, serviceEndsOn: renewedUntil },
      withCurrentRenewal(milestones, renewals, renewedUntil),
      rules,
    ),
  ]);
  if (inserted.length === 0) return { ok: false, error: 'already_renewed' };
  return { ok: true };
}

/**
 * A client's renewals, the latest service first, with who recorded each (null: carried over
 * from before renewals were recorded per service): a read for the client page's batch.
 */
export function readClientRenewals(db: Database, clientId: string) {
  return db
    .select({
      serviceEndsOn: clientRenewals.serviceEndsOn,
      renewedUntil: clientRenewals.renewedUntil,
      renewedAt: clientRenewals.renewedAt,
      recordedByName: users.name,
    })
    .from(clientRenewals)
    .leftJoin(users, eq(users.id, clientRenewals.recordedBy))
    .where(eq(clientRenewals.clientId, clientId))
    .orderBy(desc(clientRenewals.serviceEndsOn));
}
