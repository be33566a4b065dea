import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { clientRequests, clients, users } from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import type { ContactViewer } from '../client-space/contact-viewer.ts';
import type { FileStore } from '../files/file-store.ts';
import { queueMailWhen } from '../mail/outbox.ts';
import { requestTitle } from './request-answers.ts';
import { type WrittenRequest, whyNotWritten, writeRequest } from './request-draft.ts';
import { requestOpenedMail } from './request-mail.ts';
import type { SavePlan } from './request-save-plan.ts';
import { type OpenRequest, projectStillShown } from './request-target.ts';
import { triageDueAt } from './triage-rules.ts';

type SubmitRules = Pick<Policy, 'businessHours' | 'holidays' | 'clientSpace' | 'agency'>;

export type SubmitResult =
  | { ok: true; requestId: string; triageDueAt: Date }
  | { ok: false; error: 'submitted' | 'draft_changed' | 'project_hidden' };

/** The client's CS, who triages what its contacts ask. */
async function csOf(db: Database, clientId: string) {
  const [cs] = await db
    .select({ name: users.name, email: users.email, locale: users.locale })
    .from(clients)
    .innerJoin(users, eq(users.id, clients.csUserId))
    .where(eq(clients.id, clientId));
  return cs ?? null;
}

/**
 * Sends a complete, checked request to the agency: its last answers and files, status
 * 'opened' with the time it was sent and the triage deadline, the audit event, and the
 * e-mail to the client's CS at once — all in one batch, and only if it was still a draft, so
 * a double click opens one request and sends one e-mail (the second gets a conflict).
 */
export async function submitRequest(
  deps: { db: Database; files: FileStore },
  viewer: ContactViewer,
  request: OpenRequest,
  plan: SavePlan,
  context: { origin: string; ip: string | null },
  rules: SubmitRules,
  now: Date,
): Promise<SubmitResult> {
  const { db } = deps;
  const cs = await csOf(db, viewer.clientId);
  const dueAt = triageDueAt(now, rules);
  // A draft saved while its project was shown is not sent once the agency hid it, even in
  // the instant between reading and writing: the condition is in the write and the sending.
  const shown = projectStillShown(viewer, request.projectId);
  const sendingWrites = ({ requestId: id, savedAt }: WrittenRequest) => {
    const opened = sql`changes() > 0`;
    const writes = [
      db
        .update(clientRequests)
        .set({ status: 'opened', submittedAt: now, triageDueAt: dueAt, updatedAt: now })
        .where(
          and(
            eq(clientRequests.id, id),
            eq(clientRequests.contactId, viewer.contactId),
            eq(clientRequests.status, 'draft'),
            shown,
            // Only the version this post just wrote is sent: when its write did nothing (saved
            // meanwhile by another tab, or a forged new id naming an existing draft), the
            // statement before did nothing either, and this one must not open what is there.
            eq(clientRequests.updatedAt, savedAt),
            opened,
          ),
        )
        .returning({ id: clientRequests.id }),
      // changes(): the update just before (then this event) took effect in this batch.
      recordEventWhen(
        db,
        {
          actorId: null,
          action: 'client_request.opened',
          subjectType: 'client_request',
          subjectId: id,
          ip: context.ip,
          data: { contactId: viewer.contactId, kind: request.kind },
        },
        now,
        opened,
      ),
    ];
    if (!cs) return writes;
    const mail = requestOpenedMail(cs, {
      contact: viewer.name,
      client: viewer.clientName,
      kind: request.kind,
      title: requestTitle(request.fields, { ...request.answers, ...plan.answers }),
      dueAt,
      timeZone: rules.agency.timeZone,
      url: new URL(`/requests/${id}`, context.origin).href,
    });
    return [
      ...writes,
      queueMailWhen(
        db,
        { idempotencyKey: `client-request-opened:${id}`, to: cs.email, ...mail },
        now,
        opened,
      ),
    ];
  };
  const written = await writeRequest(deps, viewer, request, plan, now, {
    guard: shown,
    writes: sendingWrites,
  });
  if (written) return { ok: true, requestId: written.requestId, triageDueAt: dueAt };
  return { ok: false, error: await whyNotWritten(db, viewer, request) };
}
