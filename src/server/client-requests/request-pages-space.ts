import { and, desc, eq, inArray, ne, or } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { clientRequests, pieces, projects, requestTemplates } from '../../../db/schema/index.ts';
import type { ContactViewer } from '../client-space/contact-viewer.ts';
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

function spaceWorkOf(
  request: { id: string; kind: 'project' | 'piece'; resultProjectId: string | null },
  shownProjects: readonly { id: string; name: string; visibleToClient: boolean }[],
  madePieces: readonly { id: string; title: string }[],
): SpaceWork | null {
  const project = shownProjects.find((p) => p.id === request.resultProjectId);
  if (!project) return null;
  const piece = madePieces.find((p) => p.id === pieceIdOfRequest(request.id));
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
 * The page /space/requests: the client's requests (drafts only the contact's own), newest
 * first, each with its status and what it became — linked when the client is shown it.
 */
export async function loadSpaceRequestsPage(db: Database, viewer: ContactViewer) {
  const rows = await db
    .select({
      id: clientRequests.id,
      title: clientRequests.title,
      kind: clientRequests.kind,
      status: clientRequests.status,
      contactName: clientRequests.contactName,
      submittedAt: clientRequests.submittedAt,
      updatedAt: clientRequests.updatedAt,
      resultProjectId: clientRequests.resultProjectId,
    })
    .from(clientRequests)
    .where(seenBy(viewer))
    .orderBy(desc(clientRequests.updatedAt))
    .limit(500);
  const projectIds = rows.flatMap((r) => (r.resultProjectId ? [r.resultProjectId] : []));
  const [shown, made] = await db.batch([
    db
      .select({ id: projects.id, name: projects.name, visibleToClient: projects.visibleToClient })
      .from(projects)
      .where(
        and(inArray(projects.id, [...projectIds, '']), eq(projects.clientId, viewer.clientId)),
      ),
    db
      .select({ id: pieces.id, title: pieces.title })
      .from(pieces)
      .where(
        and(
          inArray(pieces.id, [...rows.map((r) => r.id), '']),
          eq(pieces.clientId, viewer.clientId),
        ),
      ),
  ]);
  return rows.map((row) => ({ ...row, became: spaceWorkOf(row, shown, made) }));
}

export type SpaceRequestRow = Awaited<ReturnType<typeof loadSpaceRequestsPage>>[number];

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
    became: spaceWorkOf(request, shown, made),
  };
}

export type SpaceRequestPage = NonNullable<Awaited<ReturnType<typeof loadSpaceRequestPage>>>;
