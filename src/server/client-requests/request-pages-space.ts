import { and, count, desc, eq, ne, or } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import { clientRequests, pieces, projects, requestTemplates } from '../../../db/schema/index.ts';
import { policy } from '../../policy/index.ts';
import type { ContactViewer } from '../client-space/contact-viewer.ts';
import { type RequestListRules, requestListPageIn, rowsBefore } from './request-list-paging.ts';
import {
  type AnswerRow,
  answerRowsOf,
  readRequestFiles,
  readRequestMessages,
} from './request-pages-answers.ts';
import { pieceIdOfRequest } from './triage.ts';
import { nextRequestStatus } from './triage-transitions.ts';

/** A request the contact may see: their client's, sent — or a draft of their own. */
const seenBy = (viewer: ContactViewer) =>
  and(
    eq(clientRequests.clientId, viewer.clientId),
    or(ne(clientRequests.status, 'draft'), eq(clientRequests.contactId, viewer.contactId)),
  );

/** What it became, as the space links it: only work in a project the client is shown. */
type SpaceWork = { kind: 'project' | 'piece'; id: string; name: string; href: string | null };

/** The request's resulting project (of the viewer's client) and piece, when they exist. */
type MadeWork = {
  project: { id: string; name: string; visibleToClient: boolean } | null;
  piece: { id: string; title: string } | null;
};

function spaceWorkOf(
  request: { kind: 'project' | 'piece' },
  { project, piece }: MadeWork,
): SpaceWork | null {
  if (!project) return null;
  if (request.kind === 'piece' && piece)
    return {
      kind: 'piece',
      id: piece.id,
      name: piece.title,
      href: project.visibleToClient ? `/space/pieces/${encodeURIComponent(piece.id)}` : null,
    };
  if (request.kind === 'piece') return null;
  return {
    kind: 'project',
    id: project.id,
    name: project.name,
    href: project.visibleToClient ? '/space' : null,
  };
}

/**
 * The page /space/requests: one page of the client's requests (drafts only the contact's
 * own), newest first, each with its status and what it became — linked when the client is
 * shown it — and the list's count. One round trip: the count and the page, whose project and
 * piece are joined (only of the viewer's client).
 */
export async function loadSpaceRequestsPage(
  db: Database,
  viewer: ContactViewer,
  page = 1,
  rules: RequestListRules = policy,
) {
  const size = rules.clientSpace.requests.listPageSize;
  const [counted, rows] = await db.batch([
    db.select({ total: count() }).from(clientRequests).where(seenBy(viewer)),
    db
      .select({
        id: clientRequests.id,
        title: clientRequests.title,
        kind: clientRequests.kind,
        status: clientRequests.status,
        contactName: clientRequests.contactName,
        submittedAt: clientRequests.submittedAt,
        updatedAt: clientRequests.updatedAt,
        resultProjectId: clientRequests.resultProjectId,
        projectName: aliased(projects.name, 'project_name'),
        projectShown: aliased(projects.visibleToClient, 'project_shown'),
        pieceId: aliased(pieces.id, 'piece_id'),
        pieceTitle: aliased(pieces.title, 'piece_title'),
      })
      .from(clientRequests)
      .leftJoin(
        projects,
        and(
          eq(projects.id, clientRequests.resultProjectId),
          eq(projects.clientId, viewer.clientId),
        ),
      )
      // A piece request's piece carries the request's id (pieceIdOfRequest).
      .leftJoin(pieces, and(eq(pieces.id, clientRequests.id), eq(pieces.clientId, viewer.clientId)))
      .where(seenBy(viewer))
      // Then by id: requests saved in the same millisecond never sit on two pages.
      .orderBy(desc(clientRequests.updatedAt), desc(clientRequests.id))
      .limit(size)
      .offset(rowsBefore(page, size)),
  ]);
  return {
    rows: rows.map(({ projectName, projectShown, pieceId, pieceTitle, ...row }) => ({
      ...row,
      became: spaceWorkOf(row, {
        project:
          row.resultProjectId && projectName !== null
            ? { id: row.resultProjectId, name: projectName, visibleToClient: !!projectShown }
            : null,
        piece: pieceId !== null && pieceTitle !== null ? { id: pieceId, title: pieceTitle } : null,
      }),
    })),
    paging: requestListPageIn(counted[0]?.total ?? 0, page, size),
  };
}

export type SpaceRequestsPage = Awaited<ReturnType<typeof loadSpaceRequestsPage>>;
export type SpaceRequestRow = SpaceRequestsPage['rows'][number];

/**
 * The page /space/requests/[id]: status, answers, the conversation (a reply form while the
 * status allows one), the decline's reason and what it became. Another client's request, or
 * another contact's draft: null (404).
 */
export async function loadSpaceRequestPage(db: Database, viewer: ContactViewer, requestId: string) {
  const [found] = await db
    .select({ request: clientRequests, fields: requestTemplates.fields })
    .from(clientRequests)
    .innerJoin(requestTemplates, eq(requestTemplates.id, clientRequests.templateId))
    .where(and(eq(clientRequests.id, requestId), seenBy(viewer)));
  if (!found) return null;
  const { request } = found;
  const [files, messages, shown, made] = await db.batch([
    readRequestFiles(db, request.id),
    readRequestMessages(db, request.id),
    db
      .select({ id: projects.id, name: projects.name, visibleToClient: projects.visibleToClient })
      .from(projects)
      .where(
        and(eq(projects.id, request.resultProjectId ?? ''), eq(projects.clientId, viewer.clientId)),
      ),
    db
      .select({ id: pieces.id, title: pieces.title })
      .from(pieces)
      .where(
        and(eq(pieces.id, pieceIdOfRequest(request.id)), eq(pieces.clientId, viewer.clientId)),
      ),
  ]);
  const answers: AnswerRow[] = answerRowsOf(found.fields, request.answers, files);
  return {
    request: {
      id: request.id,
      title: request.title,
      kind: request.kind,
      status: request.status,
      contactName: request.contactName,
      submittedAt: request.submittedAt,
      declineReason: request.status === 'declined' ? request.declineReason : null,
    },
    answers,
    messages,
    mayWrite: nextRequestStatus(request.status, 'contact_reply') !== null,
    became: spaceWorkOf(request, { project: shown[0] ?? null, piece: made[0] ?? null }),
  };
}

export type SpaceRequestPage = NonNullable<Awaited<ReturnType<typeof loadSpaceRequestPage>>>;
