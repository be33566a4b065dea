import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import {
  clientMilestones,
  clientRefunds,
  clientRenewals,
  users,
} from '../../../db/schema/index.ts';
import { isoDateInZone, type Policy } from '../../policy/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import { getClientFor } from '../clients/clients.ts';
import { type RefundPolicy, refundDateProblem, refundServiceOf } from './refund-rules.ts';

export type RecordRefundFailure =
  | 'not_found'
  | 'no_service'
  | 'before_service'
  | 'after_service'
  | 'in_future'
  | 'already_recorded';

/**
 * Records that a client asked for its money back, by its CS or an admin: once per service
 * (the unique index on the client and the service's start settles two at once), never before
 * the service started, after its current end (a renewal is recorded first), nor in the future.
 * The first service starts on the day the client paid (refundServiceStartsOn), a renewed one
 * the day after the service it renewed ended (refundServiceOf). The event goes in the
 * client's history.
 */
export async function recordRefund(
  db: Database,
  rules: { agency: Pick<Policy['agency'], 'timeZone'> } & RefundPolicy,
  input: { clientId: string; requestedOn: string; note: string; actor: Actor; user: Viewer },
  now: Date,
): Promise<{ ok: true; refundId: string } | { ok: false; error: RecordRefundFailure }> {
  const found = await getClientFor(db, input.user, input.clientId);
  if (!found) return { ok: false, error: 'not_found' };
  const [[paid], renewals] = await db.batch([
    db
      .select({ at: clientMilestones.occurredAt })
      .from(clientMilestones)
      .where(and(eq(clientMilestones.clientId, input.clientId), eq(clientMilestones.kind, 'paid'))),
    db
      .select({ endsOn: clientRenewals.serviceEndsOn })
      .from(clientRenewals)
      .where(eq(clientRenewals.clientId, input.clientId)),
  ]);
  const serviceStartsOn = refundServiceOf(
    input.requestedOn,
    {
      serviceStartsOn: found.client.serviceStartsOn,
      paidOn: paid ? isoDateInZone(paid.at, rules.agency.timeZone) : null,
      renewedEnds: renewals.map((renewal) => renewal.endsOn),
    },
    rules,
  );
  const today = isoDateInZone(now, rules.agency.timeZone);
  const problem = refundDateProblem(
    input.requestedOn,
    { startsOn: serviceStartsOn, endsOn: found.client.serviceEndsOn },
    today,
  );
  if (problem || !serviceStartsOn) return { ok: false, error: problem ?? 'no_service' };
  const refundId = crypto.randomUUID();
  const [inserted] = await db.batch([
    db
      .insert(clientRefunds)
      .values({
        id: refundId,
        clientId: input.clientId,
        serviceStartsOn,
        requestedOn: input.requestedOn,
        note: input.note,
        recordedBy: input.actor.id,
        recordedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: clientRefunds.id }),
    recordEventWhen(
      db,
      {
        actorId: input.actor.id,
        action: 'refund_recorded',
        subjectType: 'client',
        subjectId: input.clientId,
        ip: input.actor.ip,
        data: { refundId, requestedOn: input.requestedOn, comment: input.note || undefined },
      },
      now,
      sql`exists (select 1 from ${clientRefunds} where ${clientRefunds.id} = ${refundId})`,
    ),
  ]);
  if (inserted.length === 0) return { ok: false, error: 'already_recorded' };
  return { ok: true, refundId };
}

/** A client's refunds, newest service first, with who recorded each: a read for the client page's batch. */
export function readClientRefunds(db: Database, clientId: string) {
  return db
    .select({
      id: clientRefunds.id,
      serviceStartsOn: clientRefunds.serviceStartsOn,
      requestedOn: clientRefunds.requestedOn,
      note: clientRefunds.note,
      recordedAt: clientRefunds.recordedAt,
      recordedByName: users.name,
    })
    .from(clientRefunds)
    .innerJoin(users, eq(users.id, clientRefunds.recordedBy))
    .where(eq(clientRefunds.clientId, clientId))
    .orderBy(desc(clientRefunds.serviceStartsOn));
}
