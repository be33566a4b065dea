import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { projects, type RequestKind } from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import type { ContactViewer } from '../client-space/contact-viewer.ts';
import { type OpenRequest, openRequestTarget } from './request-target.ts';

export type RequestFormPage = {
  request: OpenRequest;
  // For a new piece: the client's visible projects to choose from (the chosen one first).
  projects: { id: string; name: string }[];
  action: string;
};

/**
 * The request form's page: a new request of a kind (for a piece, in a visible project of
 * the contact's client), or the contact's own draft with what they typed and the files
 * saved. Null when it is not theirs, not there, or sent already (the page answers 404).
 */
export async function loadRequestFormPage(
  db: Database,
  viewer: ContactViewer,
  page: { requestId: string } | { kind: RequestKind; projectId?: string },
  rules: Pick<Policy, 'clientSpace'>,
): Promise<RequestFormPage | null> {
  if ('requestId' in page) {
    const opened = await openRequestTarget(db, viewer, { requestId: page.requestId }, rules);
    if (!opened.ok) return null;
    return {
      request: opened.request,
      projects: [],
      action: `/api/space/requests/${opened.request.requestId}`,
    };
  }
  const visible = await db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(and(eq(projects.clientId, viewer.clientId), eq(projects.visibleToClient, true)))
    .orderBy(asc(projects.name));
  const projectId = page.kind === 'piece' ? (page.projectId ?? visible[0]?.id ?? '') : null;
  // A new id per form shown: its double click writes one request (see writeRequest).
  const target = { kind: page.kind, projectId, newId: crypto.randomUUID() };
  const opened = await openRequestTarget(db, viewer, target, rules);
  if (!opened.ok)
    return page.kind === 'piece' && visible.length === 0 && !page.projectId
      ? noProject(page.kind)
      : null;
  return {
    request: opened.request,
    projects: page.kind === 'piece' ? visible : [],
    action: '/api/space/requests',
  };
}

/** A new piece's page while the client has no visible project: the form says so. */
function noProject(kind: RequestKind): RequestFormPage {
  return {
    request: {
      requestId: null,
      newId: '',
      kind,
      projectId: null,
      status: 'draft',
      savedAt: null,
      templateId: null,
      templateVersion: 0,
      fields: [],
      answers: {},
      files: [],
    },
    projects: [],
    action: '/api/space/requests',
  };
}
