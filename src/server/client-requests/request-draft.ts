import { and, eq, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../../../db/client.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import { clientRequests } from '../../../db/schema/index.ts';
import type { ContactViewer } from '../client-space/contact-viewer.ts';
import type { FileStore } from '../files/file-store.ts';
import { requestTitle } from './request-answers.ts';
import { removeStoredFiles, requestFileInserts, storeChosenFiles } from './request-files.ts';
import type { SavePlan } from './request-save-plan.ts';
import { type OpenRequest, projectStillShown, visibleProject } from './request-target.ts';
import { templateIdToAnswer } from './template-store.ts';

/**
 * What goes with a request's write when it is sent: `guard` joins the write's own condition
 * (so a check that must hold is made by the statement, not read before it), `writes` follow
 * it in the same batch.
 */
export type RequestSending = {
  guard: SQL;
  writes: (requestId: string) => BatchItem<'sqlite'>[];
};

/**
 * Writes a checked form: a new request is created as a draft (against the form in force,
 * written down if it was the policy's default) only while its project is still shown; an
 * existing draft gets its answers; the chosen files' bytes are stored first and their
 * records join the same batch, with the sending's writes. Returns the request's id, or null
 * when the write's condition no longer held — sent meanwhile, or the project hidden —
 * (nothing written, stored bytes removed again).
 */
export async function writeRequest(
  deps: { db: Database; files: FileStore },
  viewer: ContactViewer,
  request: OpenRequest,
  plan: SavePlan,
  now: Date,
  sending: RequestSending | null = null,
): Promise<string | null> {
  const { db } = deps;
  const title = requestTitle(request.fields, plan.answers);
  const answers = JSON.stringify({ ...request.answers, ...plan.answers });
  const stored = await storeChosenFiles(deps.files, plan.files, plan.types, now);
  try {
    let requestId = request.requestId;
    let write: BatchItem<'sqlite'>;
    if (requestId === null) {
      // The id the new form carried: its double click writes the same request, not two.
      requestId = request.newId;
      const templateId = await templateIdToAnswer(
        db,
        {
          templateId: request.templateId,
          version: request.templateVersion,
          fields: request.fields,
        },
        viewer,
        request.kind,
        now,
      );
      // insertWhen: a project hidden since the form was opened stops the insert itself.
      write = insertWhen(
        db,
        clientRequests,
        {
          id: requestId,
          clientId: viewer.clientId,
          contactId: viewer.contactId,
          contactName: viewer.name,
          templateId,
          kind: request.kind,
          projectId: request.projectId,
          status: 'draft',
          title,
          answers,
          createdAt: now,
          updatedAt: now,
        },
        and(projectStillShown(viewer, request.projectId), sending?.guard),
      )
        .onConflictDoNothing()
        .returning({ id: clientRequests.id });
    } else {
      write = db
        .update(clientRequests)
        .set({ title, answers, updatedAt: now })
        .where(
          and(
            eq(clientRequests.id, requestId),
            eq(clientRequests.contactId, viewer.contactId),
            eq(clientRequests.status, 'draft'),
            sending?.guard,
          ),
        )
        .returning({ id: clientRequests.id });
    }
    const files = requestFileInserts(
      db,
      { requestId, contactId: viewer.contactId },
      plan.files,
      stored,
      now,
    );
    const results = await db.batch([write, ...files, ...(sending?.writes(requestId) ?? [])] as [
      BatchItem<'sqlite'>,
      ...BatchItem<'sqlite'>[],
    ]);
    const recorded = results.slice(0, files.length + 1) as unknown[];
    if (recorded.some((rows) => Array.isArray(rows) && rows.length === 0)) {
      await removeStoredFiles(deps.files, stored);
      return null;
    }
    return requestId;
  } catch (error) {
    await removeStoredFiles(deps.files, stored);
    throw error;
  }
}

export type DraftSaveResult =
  | { ok: true; requestId: string }
  | { ok: false; error: 'submitted' | 'project_not_found' };

/**
 * Why a request's guarded write did nothing, read after it: its project no longer shown
 * (for a new request, or when sending), else it was sent meanwhile.
 */
export async function projectHiddenSince(
  db: Database,
  viewer: ContactViewer,
  request: OpenRequest,
): Promise<boolean> {
  return request.projectId !== null && !(await visibleProject(db, viewer, request.projectId));
}

/** Saves a checked form as a draft: incomplete is fine, wrong was refused by the plan. */
export async function saveRequestDraft(
  deps: { db: Database; files: FileStore },
  viewer: ContactViewer,
  request: OpenRequest,
  plan: SavePlan,
  now: Date,
): Promise<DraftSaveResult> {
  const requestId = await writeRequest(deps, viewer, request, plan, now);
  if (requestId) return { ok: true, requestId };
  const hidden = request.requestId === null && (await projectHiddenSince(deps.db, viewer, request));
  return { ok: false, error: hidden ? 'project_not_found' : 'submitted' };
}
