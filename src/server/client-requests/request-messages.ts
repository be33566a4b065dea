import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import {
  clientRequests,
  clients,
  type RequestStatus,
  requestMessages,
  users,
} from '../../../db/schema/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import type { ContactViewer } from '../client-space/contact-viewer.ts';
import { queueMailWhen } from '../mail/outbox.ts';
import { requestNoticeMail, requestPageUrl } from './request-notices-mail.ts';
import { unmovedSince } from './triage.ts';
import type { TriageFailure } from './triage-refusals.ts';
import { triageDueAt } from './triage-rules.ts';
import { nextRequestStatus } from './triage-transitions.ts';

type ReplyPolicy = Parameters<typeof triageDueAt>[1];

/**
 * A contact's message on their client's request, from the space: allowed while it is open or
 * asked a question. An answer to a question gives it back to CS ('opened') with a new triage
 * deadline from now, its notices to be sent again, and CS is e-mailed; a message on an open
 * request just joins the conversation CS reads on the request's page. Another client's
 * request (or another contact's draft) is 404; a closed one 409; nothing written either way.
 */
export async function postContactMessage(
  db: Database,
  rules: ReplyPolicy,
  input: { viewer: ContactViewer; requestId: string; body: string; origin: string },
  now: Date,
): Promise<
  { ok: true; status: RequestStatus } | { ok: false; error: TriageFailure; status?: RequestStatus }
> {
  const { viewer } = input;
  const [found] = await db
    .select({
      request: clientRequests,
      clientName: clients.name,
      cs: { name: users.name, email: users.email, locale: users.locale },
    })
    .from(clientRequests)
    .innerJoin(clients, eq(clients.id, clientRequests.clientId))
    .leftJoin(users, eq(users.id, clients.csUserId))
    .where(
      and(eq(clientRequests.id, input.requestId), eq(clientRequests.clientId, viewer.clientId)),
    );
  const request = found?.request;
  if (!found || !request) return { ok: false, error: 'not_found' };
  if (request.status === 'draft' && request.contactId !== viewer.contactId)
    return { ok: false, error: 'not_found' };
  const next = nextRequestStatus(request.status, 'contact_reply');
  if (!next) return { ok: false, error: 'wrong_status', status: request.status };

  const answersQuestion = request.status === 'question';
  const dueAt = answersQuestion ? triageDueAt(now, rules) : request.triageDueAt;
  const closeKey = crypto.randomUUID();
  const movedNow = sql`exists (select 1 from ${clientRequests} where ${clientRequests.id} = ${request.id} and ${clientRequests.closeKey} = ${closeKey})`;
  const cs = found.cs;
  await db.batch([
    db
      .update(clientRequests)
      .set({
        status: next,
        closeKey,
        updatedAt: now,
        ...(answersQuestion ? { triageDueAt: dueAt, remindedAt: null, escalatedAt: null } : {}),
      })
      .where(and(eq(clientRequests.id, request.id), unmovedSince(request))),
    insertWhen(
      db,
      requestMessages,
      {
        id: crypto.randomUUID(),
        requestId: request.id,
        authorUserId: null,
        authorContactId: viewer.contactId,
        authorName: viewer.name,
        body: input.body,
        createdAt: now,
      },
      movedNow,
    ),
    recordEventWhen(
      db,
      {
        actorId: null,
        action: 'client_request_contact_message',
        subjectType: 'client_request',
        subjectId: request.id,
        ip: null,
        data: { contact: viewer.name, title: request.title },
      },
      now,
      movedNow,
    ),
    ...(cs?.email && answersQuestion
      ? [
          queueMailWhen(
            db,
            {
              idempotencyKey: `request-reply:${request.id}:${closeKey}`,
              to: cs.email,
              ...requestNoticeMail(cs, 'reply', {
                title: request.title,
                client: found.clientName,
                contact: viewer.name,
                dueAt,
                timeZone: rules.agency.timeZone,
                url: requestPageUrl(input.origin, request.id),
              }),
            },
            now,
            movedNow,
          ),
        ]
      : []),
  ]);
  const [after] = await db
    .select({ closeKey: clientRequests.closeKey })
    .from(clientRequests)
    .where(eq(clientRequests.id, request.id));
  if (after?.closeKey !== closeKey) return { ok: false, error: 'conflict' };
  return { ok: true, status: next };
}
