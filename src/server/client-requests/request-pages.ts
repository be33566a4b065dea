import { and, asc, count, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import { prebuiltRead } from '../../../db/prebuilt-read.ts';
import {
  clientRequests,
  clients,
  events,
  pieces,
  projects,
  REQUEST_STATUSES,
  requestTemplates,
  users,
} from '../../../db/schema/index.ts';
import { policy } from '../../policy/index.ts';
import { mayTalkToClient } from '../approvals/approval-rules.ts';
import { listDesigners } from '../approvals/pieces.ts';
import type { Viewer } from '../auth/viewer.ts';
import { type RequestListRules, requestListPageIn, rowsBefore } from './request-list-paging.ts';
import {
  type AnswerRow,
  answerRowsOf,
  readRequestFiles,
  readRequestMessages,
} from './request-pages-answers.ts';
import { pieceIdOfRequest } from './triage.ts';
import { requestDueOnOf, suggestedKindOf, suggestedPiecesOf } from './triage-pieces.ts';
import { awaitsTriage } from './triage-transitions.ts';

/** The requests a person triages: their clients' (an admin's: every client's). */
function triagedBy(viewer: Viewer): SQL | undefined {
  return viewer.roles.includes('admin') ? undefined : eq(clients.csUserId, viewer.id);
}

/** What the list and the home read of a request. */
const REQUEST_ROW = {
  id: clientRequests.id,
  title: clientRequests.title,
  kind: clientRequests.kind,
  status: clientRequests.status,
  contactName: clientRequests.contactName,
  submittedAt: clientRequests.submittedAt,
  triageDueAt: clientRequests.triageDueAt,
  clientId: clientRequests.clientId,
  clientName: aliased(clients.name, 'client_name'),
};

/**
 * The requests waiting for this person's triage, soonest due first, as many as the home card
 * names (the policy's): a read for the home's batch.
 */
export function readRequestsAwaitingTriage(
  db: Database,
  viewer: Viewer,
  limit = policy.clientSpace.requests.homeCardItems,
) {
  const read = viewer.roles.includes('admin') ? awaitingEveryTriage : awaitingTheirTriage;
  return read(db, { person: viewer.id, limit });
}

// readRequestsAwaitingTriage's statement for an admin (every client's) and for a CS (their
// clients'), printed once with the person and the limit as placeholders (see prebuiltRead).
const awaitingTriageOf = (whose: SQL | undefined) =>
  prebuiltRead((db) =>
    db
      // Every row carries the count of all that matched: the home card's count and first items.
      .select({ ...REQUEST_ROW, matched: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(clientRequests)
      .innerJoin(clients, eq(clients.id, clientRequests.clientId))
      .where(and(eq(clientRequests.status, 'opened'), whose))
      .orderBy(asc(clientRequests.triageDueAt))
      .limit(sql.placeholder('limit')),
  );
const awaitingEveryTriage = awaitingTriageOf(undefined);
const awaitingTheirTriage = awaitingTriageOf(eq(clients.csUserId, sql.placeholder('person')));

// The statuses waiting on CS (awaitsTriage), spelled out for the list's order.
const AWAITING_TRIAGE = REQUEST_STATUSES.filter(awaitsTriage);
const awaitingTriage = inArray(clientRequests.status, AWAITING_TRIAGE);

/**
 * The page /requests: one page of the sent requests of the person's clients (drafts are the
 * contact's own), those waiting for triage first by deadline, then the rest newest first —
 * an order across pages, so it is SQL's — with the list's count. One round trip.
 */
export async function loadRequestsPage(
  db: Database,
  viewer: Viewer,
  page = 1,
  rules: RequestListRules = policy,
) {
  const size = rules.clientSpace.requests.listPageSize;
  const sent = and(ne(clientRequests.status, 'draft'), triagedBy(viewer));
  const [counted, rows] = await db.batch([
    db
      .select({ total: count() })
      .from(clientRequests)
      .innerJoin(clients, eq(clients.id, clientRequests.clientId))
      .where(sent),
    db
      .select(REQUEST_ROW)
      .from(clientRequests)
      .innerJoin(clients, eq(clients.id, clientRequests.clientId))
      .where(sent)
      .orderBy(
        sql`case when ${awaitingTriage} then 0 else 1 end`,
        sql`case when ${awaitingTriage} then ${clientRequests.triageDueAt} end`,
        desc(clientRequests.submittedAt),
        // Requests sent in the same millisecond never sit on two pages.
        desc(clientRequests.id),
      )
      .limit(size)
      .offset(rowsBefore(page, size)),
  ]);
  return {
    waiting: rows.filter((row) => awaitsTriage(row.status)),
    others: rows.filter((row) => !awaitsTriage(row.status)),
    paging: requestListPageIn(counted[0]?.total ?? 0, page, size),
  };
}

export type RequestsPage = Awaited<ReturnType<typeof loadRequestsPage>>;

/**
 * The page /requests/[id] for its client's CS or an admin (anyone else, or a draft: null,
 * the page's 404): the request with its answers under the form's labels, its files, its
 * conversation, its history, what it became, the designers a project may be given to, and
 * what the authorize form proposes: the pieces to start, their kind and the day they are due.
 */
export async function loadRequestPage(db: Database, viewer: Viewer, requestId: string) {
  const [found] = await db
    .select({
      request: clientRequests,
      clientName: clients.name,
      clientCsId: clients.csUserId,
      fields: requestTemplates.fields,
    })
    .from(clientRequests)
    .innerJoin(clients, eq(clients.id, clientRequests.clientId))
    .innerJoin(requestTemplates, eq(requestTemplates.id, clientRequests.templateId))
    .where(eq(clientRequests.id, requestId));
  if (!found || found.request.status === 'draft' || !mayTalkToClient(viewer, found)) return null;
  const { request } = found;
  const projectIds = [request.projectId, request.resultProjectId].filter(
    (id): id is string => id !== null,
  );
  const [files, messages, history, projectNames, piece, designers] = await db.batch([
    readRequestFiles(db, request.id),
    readRequestMessages(db, request.id),
    db
      .select({
        action: events.action,
        occurredAt: events.occurredAt,
        actorName: aliased(users.name, 'actor_name'),
      })
      .from(events)
      .leftJoin(users, eq(users.id, events.actorId))
      .where(and(eq(events.subjectType, 'client_request'), eq(events.subjectId, request.id)))
      .orderBy(desc(events.occurredAt), desc(events.id)),
    db
      .select({ id: projects.id, name: projects.name })
      .from(projects)
      .where(inArray(projects.id, projectIds.length > 0 ? projectIds : [''])),
    db
      .select({ id: pieces.id, title: pieces.title })
      .from(pieces)
      .where(eq(pieces.id, pieceIdOfRequest(request.id))),
    listDesigners(db),
  ]);
  const nameOf = (id: string | null) => projectNames.find((p) => p.id === id)?.name ?? null;
  const answers: AnswerRow[] = answerRowsOf(found.fields, request.answers, files);
  return {
    request,
    clientName: found.clientName,
    answers,
    messages,
    history,
    designers,
    inProject: request.kind === 'piece' ? nameOf(request.projectId) : null,
    became: becameOf(request, nameOf(request.resultProjectId), piece[0] ?? null),
    startWith: {
      pieces: suggestedPiecesOf(request),
      kind: suggestedKindOf(request.answers),
      dueOn: requestDueOnOf(found.fields, request.answers),
    },
  };
}

export type RequestPage = NonNullable<Awaited<ReturnType<typeof loadRequestPage>>>;

/** What a request became, once its work exists: the piece of a piece request, else the project. */
export function becameOf(
  request: { kind: 'project' | 'piece'; resultProjectId: string | null },
  projectName: string | null,
  piece: { id: string; title: string } | null,
) {
  if (request.kind === 'piece' && piece)
    return { kind: 'piece' as const, id: piece.id, name: piece.title };
  if (request.resultProjectId && projectName)
    return { kind: 'project' as const, id: request.resultProjectId, name: projectName };
  return null;
}
