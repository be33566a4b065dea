import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import {
  clientRequests,
  clients,
  type PieceKind,
  pieces,
  projects,
  requestMessages,
  requestTemplates,
} from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import { mayTalkToClient } from '../approvals/approval-rules.ts';
import { defaultDisciplineOf } from '../approvals/internal-review-rules.ts';
import { listDesigners } from '../approvals/pieces.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import { notifyContact } from '../client-space/contact-notify.ts';
import { requestDueOnOf, suggestedKindOf } from './triage-pieces.ts';
import type { TriageFailure } from './triage-refusals.ts';
import { createsWork, nextRequestStatus, type TriageAction } from './triage-transitions.ts';

type ClientRequest = typeof clientRequests.$inferSelect;

/** What a triage action brings beside the action: its form's fields. */
export type TriageDetails = {
  designerId?: string | null;
  hideFromClient?: boolean;
  /** The pieces a project request starts with (left out: one, named as the request). */
  pieces?: string[];
  /** Their kind (left out: the request's own answer, else 'other'). */
  kind?: PieceKind;
  message?: string;
  reason?: string;
};

export type TriageResult =
  | { ok: true; status: ClientRequest['status']; resultProjectId: string | null }
  | { ok: false; error: TriageFailure; status?: ClientRequest['status'] };

/**
 * The piece a piece request became has the request's id: one look-up from either side, and a
 * second insert of it (a double click) is impossible by the primary key as well.
 */
export const pieceIdOfRequest = (requestId: string) => requestId;

/**
 * A request still as it was read: the same status and closeKey (each move sets a new key), so
 * no one moved it since — the condition that makes one of two moves at once win.
 */
export function unmovedSince(read: { status: ClientRequest['status']; closeKey: string | null }) {
  return and(
    eq(clientRequests.status, read.status),
    read.closeKey === null
      ? isNull(clientRequests.closeKey)
      : eq(clientRequests.closeKey, read.closeKey),
  );
}

/**
 * CS's triage of a client's request (its CS or an admin; anyone else 404): authorize or start
 * at risk (creating the project, or the piece in the chosen project, the first time), ask the
 * contact a question, or decline with a reason. One conditional UPDATE on the status and
 * closeKey the page was read with decides the race: the writes that follow (the work, the
 * message, the event, the contact's news) happen only if it took effect.
 */
export async function triageRequest(
  db: Database,
  rules: Pick<Policy, 'approvals'>,
  input: {
    requestId: string;
    action: TriageAction;
    details: TriageDetails;
    actor: Actor;
    user: Viewer;
  },
  now: Date,
): Promise<TriageResult> {
  const [request] = await db
    .select({
      request: clientRequests,
      clientCsId: clients.csUserId,
      fields: requestTemplates.fields,
    })
    .from(clientRequests)
    .innerJoin(clients, eq(clients.id, clientRequests.clientId))
    .leftJoin(requestTemplates, eq(requestTemplates.id, clientRequests.templateId))
    .where(eq(clientRequests.id, input.requestId));
  if (!request || request.request.status === 'draft') return { ok: false, error: 'not_found' };
  if (!mayTalkToClient(input.user, request)) return { ok: false, error: 'not_found' };
  const current = request.request;
  const next = nextRequestStatus(current.status, input.action);
  if (!next) return { ok: false, error: 'wrong_status', status: current.status };
  const { designerId } = input.details;
  if (designerId && !(await listDesigners(db)).some((d) => d.id === designerId))
    return { ok: false, error: 'not_designer' };
  const work = createsWork(current.status, input.action);
  if (work && current.kind === 'piece' && !current.projectId)
    return { ok: false, error: 'project_gone' };
  if (work && current.kind === 'project' && input.details.pieces?.length === 0)
    return { ok: false, error: 'no_pieces' };
  const pieceDetails = {
    kind: input.details.kind ?? suggestedKindOf(current.answers),
    dueOn: requestDueOnOf(request.fields ?? '[]', current.answers),
  };

  const closeKey = crypto.randomUUID();
  const movedNow = sql`exists (select 1 from ${clientRequests} where ${clientRequests.id} = ${current.id} and ${clientRequests.closeKey} = ${closeKey})`;
  const resultProjectId = work
    ? current.kind === 'project'
      ? crypto.randomUUID()
      : current.projectId
    : current.resultProjectId;
  const decides = input.action !== 'ask';
  const asRead = unmovedSince(current);
  const stillAsRead = sql`exists (select 1 from ${clientRequests} where ${clientRequests.id} = ${current.id} and ${asRead})`;
  const writes = [
    // The work first (the request points at it), only while the request is as read.
    ...(work
      ? workWrites(
          db,
          rules,
          current,
          { resultProjectId, ...pieceDetails, ...input },
          now,
          stillAsRead,
        )
      : []),
    db
      .update(clientRequests)
      .set({
        status: next,
        closeKey,
        updatedAt: now,
        resultProjectId,
        ...(decides ? { decidedAt: now, decidedBy: input.actor.id } : {}),
        ...(input.action === 'decline' ? { declineReason: input.details.reason ?? '' } : {}),
      })
      .where(and(eq(clientRequests.id, current.id), asRead)),
    ...(input.action === 'ask'
      ? [
          insertWhen(
            db,
            requestMessages,
            {
              id: crypto.randomUUID(),
              requestId: current.id,
              authorUserId: input.actor.id,
              authorContactId: null,
              authorName: input.actor.name,
              body: input.details.message ?? '',
              createdAt: now,
            },
            movedNow,
          ),
        ]
      : []),
    recordEventWhen(
      db,
      {
        actorId: input.actor.id,
        action: `client_request_${input.action}`,
        subjectType: 'client_request',
        subjectId: current.id,
        ip: input.actor.ip,
        data: { title: current.title, to: next, resultProjectId },
      },
      now,
      movedNow,
    ),
    ...(current.contactId
      ? [
          notifyContact(
            db,
            {
              contactId: current.contactId,
              kind: `request_${next}`,
              subjectId: current.id,
              dedupeKey: `request-${next}:${current.id}:${closeKey}`,
            },
            now,
            movedNow,
          ),
        ]
      : []),
  ];
  const [first, ...rest] = writes;
  if (first) await db.batch([first, ...rest]);
  const [after] = await db
    .select({ closeKey: clientRequests.closeKey })
    .from(clientRequests)
    .where(eq(clientRequests.id, current.id));
  if (after?.closeKey !== closeKey) return { ok: false, error: 'conflict' };
  return { ok: true, status: next, resultProjectId };
}

/**
 * The work a request becomes, each write only while the request is as read: a new project
 * with the pieces CS named (by default one, named as the request), or a piece in the chosen
 * project — all in production, of the chosen kind, due when the client needs them.
 */
function workWrites(
  db: Database,
  rules: Pick<Policy, 'approvals'>,
  request: ClientRequest,
  input: {
    resultProjectId: string | null;
    details: TriageDetails;
    kind: PieceKind;
    dueOn: string | null;
    actor: Actor;
  },
  now: Date,
  when: SQL,
) {
  const name = request.title.trim() || request.contactName;
  const piece = (id: string, projectId: string, title: string) =>
    insertWhen(
      db,
      pieces,
      {
        id,
        projectId,
        clientId: request.clientId,
        title,
        kind: input.kind,
        discipline: defaultDisciplineOf(input.kind, rules),
        dueOn: input.dueOn,
        status: 'in_production',
        latestVersion: 0,
        createdAt: now,
        createdBy: input.actor.id,
        updatedAt: now,
      },
      when,
    );
  if (request.kind === 'piece')
    return [piece(pieceIdOfRequest(request.id), request.projectId ?? '', name)];
  const projectId = input.resultProjectId ?? '';
  return [
    insertWhen(
      db,
      projects,
      {
        id: projectId,
        clientId: request.clientId,
        name,
        designerId: input.details.designerId ?? null,
        visibleToClient: !input.details.hideFromClient,
        createdAt: now,
        createdBy: input.actor.id,
      },
      when,
    ),
    ...(input.details.pieces ?? [name]).map((title) =>
      piece(crypto.randomUUID(), projectId, title),
    ),
  ];
}
