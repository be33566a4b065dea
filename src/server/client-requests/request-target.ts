import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import {
  clientRequests,
  projects,
  type RequestKind,
  requestFiles,
  requestTemplates,
} from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import type { ContactViewer } from '../client-space/contact-viewer.ts';
import { REQUEST_FILE_COLUMNS } from './request-pages-answers.ts';
import type { TemplateField } from './template-schema.ts';
import { storedFields, templateInForce } from './template-store.ts';

/** What a contact writes into: a new request of a kind, or their own draft. */
export type RequestTarget =
  // savedAt: the draft's version the contact's page showed (its last save, in ms), if posted.
  | { requestId: string; savedAt?: number }
  | { requestId?: undefined; kind: RequestKind; projectId?: string | null; newId: string };

/** The request being written, with the form it answers and the files saved on it so far. */
export type OpenRequest = {
  requestId: string | null;
  // The id a new request takes when first written (the form carries it: see writeRequest).
  newId: string;
  kind: RequestKind;
  projectId: string | null;
  status: string;
  // The draft's version as read (its last save); null for a new request.
  savedAt: Date | null;
  // Null for a new request still on the form in force (written down when first saved).
  templateId: string | null;
  templateVersion: number;
  fields: TemplateField[];
  answers: Record<string, string>;
  files: { id: string; fieldKey: string; fileName: string; size: number }[];
};

export type OpenRequestResult =
  | { ok: true; request: OpenRequest }
  | { ok: false; error: 'not_found' | 'project_not_found' | 'submitted' | 'draft_changed' };

/**
 * The condition a request's write carries so that a project the agency hides while the
 * contact writes stops it in the same statement (a project request has none: always true).
 */
export function projectStillShown(
  viewer: Pick<ContactViewer, 'clientId'>,
  projectId: string | null,
): SQL {
  if (projectId === null) return sql`1`;
  return sql`exists (select 1 from ${projects} where ${projects.id} = ${projectId}
    and ${projects.clientId} = ${viewer.clientId} and ${projects.visibleToClient} = 1)`;
}

/** A visible project of the contact's client (a new piece belongs to one), or null. */
export async function visibleProject(db: Database, viewer: ContactViewer, projectId: string) {
  const [project] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(
      and(
        eq(projects.id, projectId),
        eq(projects.clientId, viewer.clientId),
        eq(projects.visibleToClient, true),
      ),
    );
  return project ?? null;
}

/**
 * Opens what a contact writes: their own draft (another's request, or another client's, is
 * not found; a sent one is refused), or a new request of a kind against the form in force —
 * for a piece, in one of the client's visible projects (any other project is not found).
 */
export async function openRequestTarget(
  db: Database,
  viewer: ContactViewer,
  target: RequestTarget,
  rules: Pick<Policy, 'clientSpace'>,
): Promise<OpenRequestResult> {
  if (target.requestId === undefined) {
    const projectId = target.kind === 'piece' ? (target.projectId ?? '') : null;
    if (projectId !== null && !(await visibleProject(db, viewer, projectId))) {
      return { ok: false, error: 'project_not_found' };
    }
    const template = await templateInForce(db, viewer, target.kind, rules);
    return {
      ok: true,
      request: {
        requestId: null,
        newId: target.newId,
        kind: target.kind,
        projectId,
        status: 'draft',
        savedAt: null,
        templateId: template.templateId,
        templateVersion: template.version,
        fields: template.fields,
        answers: Object.fromEntries(
          template.fields.filter((f) => f.default).map((f) => [f.key, f.default as string]),
        ),
        files: [],
      },
    };
  }
  const [found] = await db
    .select({ request: clientRequests, template: requestTemplates })
    .from(clientRequests)
    .innerJoin(requestTemplates, eq(requestTemplates.id, clientRequests.templateId))
    .where(
      and(
        eq(clientRequests.id, target.requestId),
        eq(clientRequests.clientId, viewer.clientId),
        eq(clientRequests.contactId, viewer.contactId),
      ),
    );
  if (!found) return { ok: false, error: 'not_found' };
  const { request, template } = found;
  if (request.status !== 'draft') return { ok: false, error: 'submitted' };
  // Saved since the contact's page showed it (another tab): their post would erase it.
  if (target.savedAt !== undefined && target.savedAt !== request.updatedAt.getTime())
    return { ok: false, error: 'draft_changed' };
  const files = await db
    .select(REQUEST_FILE_COLUMNS)
    .from(requestFiles)
    .where(eq(requestFiles.requestId, request.id));
  return {
    ok: true,
    request: {
      requestId: request.id,
      newId: request.id,
      kind: request.kind,
      projectId: request.projectId,
      status: request.status,
      savedAt: request.updatedAt,
      templateId: template.id,
      templateVersion: template.version,
      fields: storedFields(template),
      answers: JSON.parse(request.answers) as Record<string, string>,
      files,
    },
  };
}
