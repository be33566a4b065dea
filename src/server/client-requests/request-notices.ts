import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import { clientRequests, clients, users } from '../../../db/schema/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import { activeAdmins, csRecipientColumns, type MailRecipient } from '../mail/mail-recipients.ts';
import { queueMailWhen } from '../mail/outbox.ts';
import { requestNoticeMail, requestPageUrl } from './request-notices-mail.ts';
import { type TriageNotice, type TriagePolicy, triageNoticeDue } from './triage-notice-rules.ts';

/**
 * The triage deadline's notices, each sent once: the client's CS is reminded before a request
 * waiting for triage ('opened') is due, and the admins are told once it is overdue.
 * `remindedAt` / `escalatedAt` are set in the batch of the e-mails and the event, and only
 * while the request still waits.
 */
export async function sendRequestTriageNotices(
  db: Database,
  rules: TriagePolicy,
  now: Date,
  origin: string,
) {
  const [waiting, admins] = await db.batch([
    db
      .select({
        id: clientRequests.id,
        title: clientRequests.title,
        contactName: clientRequests.contactName,
        dueAt: clientRequests.triageDueAt,
        remindedAt: clientRequests.remindedAt,
        escalatedAt: clientRequests.escalatedAt,
        clientName: aliased(clients.name, 'client_name'),
        ...csRecipientColumns,
      })
      .from(clientRequests)
      .innerJoin(clients, eq(clients.id, clientRequests.clientId))
      .leftJoin(users, eq(users.id, clients.csUserId))
      .where(
        and(
          eq(clientRequests.status, 'opened'),
          isNotNull(clientRequests.triageDueAt),
          isNull(clientRequests.escalatedAt),
        ),
      ),
    activeAdmins(db),
  ]);
  let reminded = 0;
  let escalated = 0;
  const writes = waiting.flatMap((request) => {
    if (!request.dueAt) return [];
    const notice = triageNoticeDue({ ...request, dueAt: request.dueAt }, now, rules);
    if (!notice) return [];
    if (notice === 'reminder') reminded += 1;
    else escalated += 1;
    const cs: MailRecipient[] =
      request.csId && request.csActive && request.csEmail && request.csName
        ? [
            {
              id: request.csId,
              name: request.csName,
              email: request.csEmail,
              locale: request.csLocale ?? '',
            },
          ]
        : [];
    // A client without an active CS: the reminder goes to the admins too.
    const to = notice === 'escalation' || cs.length === 0 ? admins : cs;
    return noticeWrites(
      db,
      rules,
      { request: { ...request, dueAt: request.dueAt }, notice, to, origin },
      now,
    );
  });
  const [first, ...rest] = writes;
  if (first) await db.batch([first, ...rest]);
  return { reminded, escalated };
}

/** One notice's writes: the mark that it was sent, an e-mail to each person, the event. */
function noticeWrites(
  db: Database,
  rules: TriagePolicy,
  input: {
    request: { id: string; title: string; contactName: string; clientName: string; dueAt: Date };
    notice: TriageNotice;
    to: MailRecipient[];
    origin: string;
  },
  now: Date,
) {
  const { request, notice } = input;
  const column = notice === 'reminder' ? clientRequests.remindedAt : clientRequests.escalatedAt;
  const markedNow = sql`exists (select 1 from ${clientRequests} where ${clientRequests.id} = ${request.id} and ${column} = ${now.getTime()})`;
  const mark = notice === 'reminder' ? { remindedAt: now } : { escalatedAt: now };
  return [
    db
      .update(clientRequests)
      .set(mark)
      .where(
        and(eq(clientRequests.id, request.id), eq(clientRequests.status, 'opened'), isNull(column)),
      ),
    ...input.to.map((person) =>
      queueMailWhen(
        db,
        {
          // The due time in the key: an answered question restarts the clock and its notices.
          idempotencyKey: `request-triage-${notice}:${request.id}:${request.dueAt.getTime()}:${person.id}`,
          to: person.email,
          ...requestNoticeMail(person, notice, {
            title: request.title,
            client: request.clientName,
            contact: request.contactName,
            dueAt: request.dueAt,
            timeZone: rules.agency.timeZone,
            url: requestPageUrl(input.origin, request.id),
          }),
        },
        now,
        markedNow,
      ),
    ),
    recordEventWhen(
      db,
      {
        actorId: null,
        action: notice === 'reminder' ? 'client_request_reminded' : 'client_request_escalated',
        subjectType: 'client_request',
        subjectId: request.id,
        ip: null,
        data: { title: request.title },
      },
      now,
      markedNow,
    ),
  ];
}
