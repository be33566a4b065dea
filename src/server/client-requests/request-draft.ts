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
 * it in the same batch and are given the version just written, so each can be made to hold
 * only when that write (and its files) took effect.
 */
export type RequestSending = {
  guard: SQL;
  writes: (written: WrittenRequest) => BatchItem<'sqlite'>[];
};

/** A request as written: its id and the version its draft now has (see writeRequest). */
export type WrittenRequest = { requestId: string; savedAt: Date };

/**
 * Writes a checked form: a new request is created as a draft (against the form in force,
 * written down if it was the policy's default) only while its project is still shown; an
 * existing draft gets its answers only while it is still the version the contact opened
 * (`savedAt`, its last save: another tab's newer save is never silently overwritten), and
 * a newer version. The chosen files' bytes are stored first and their records join the same
 * batch, with the sending's writes. Null when the write's condition no longer held — sent
 * or saved elsewhere meanwhile, or the project hidden — (nothing written, bytes removed).
 */
export async function writeRequest(
  deps: { db: Database; files: FileStore },
  viewer: ContactViewer,
  request: OpenRequest,
  plan: SavePlan,
  now: Date,
  sending: RequestSending | null = null,
): Promise<WrittenRequest | null> {
  const { db } = deps;
  // Strictly after the version read, even within its millisecond: the next guard sees it.
  const savedAt = new Date(Math.max(now.getTime(), (request.savedAt?.getTime() ?? 0) + 1));
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
          updatedAt: savedAt,
        },
        and(projectStillShown(viewer, request.projectId), sending?.guard),
      )
        .onConflictDoNothing()
        .returning({ id: clientRequests.id });
    } else {
      write = db
        .update(clientRequests)
        .set({ title, answers, updatedAt: savedAt })
        .where(
          and(
            eq(clientRequests.id, requestId),
            eq(clientRequests.contactId, viewer.contactId),
            eq(clientRequests.status, 'draft'),
            request.savedAt ? eq(clientRequests.updatedAt, request.savedAt) : undefined,
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
    const results = await db.batch([
      write,
      ...files,
      ...(sending?.writes({ requestId, savedAt }) ?? []),
    ] as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
    const recorded = results.slice(0, files.length + 1) as unknown[];
    if (recorded.some((rows) => Array.isArray(rows) && rows.length === 0)) {
      await removeStoredFiles(deps.files, stored);
      return null;
    }
    return { requestId, savedAt };
  } catch (error) {
    await removeStoredFiles(deps.files, stored);
    throw error;
  }
}

export type DraftSaveResult =
  | { ok: true; requestId: string; savedAt: Date }
  | { ok: false; error: 'submitted' | 'draft_changed' | 'project_not_found' };

/**
 * Why a request's guarded write did nothing, read after it (the write itself decided; this
 * only names it): sent meanwhile; saved meanwhile by another tab or click (its version is
 * not the one this post opened); else its project is no longer shown.
 */
export async function whyNotWritten(
  db: Database,
  viewer: ContactViewer,
  request: OpenRequest,
): Promise<'submitted' | 'draft_changed' | 'project_hidden'> {
  const [now] = await db
    .select({ status: clientRequests.status, savedAt: clientRequests.updatedAt })
    .from(clientRequests)
    .where(
      and(
        eq(clientRequests.id, request.requestId ?? request.newId),
        eq(clientRequests.contactId, viewer.contactId),
      ),
    );
  if (now && now.status !== 'draft') return 'submitted';
  if (now && now.savedAt.getTime() !== request.savedAt?.getTime()) return 'draft_changed';
  if (request.projectId !== null && !(await visibleProject(db, viewer, request.projectId)))
    return 'project_hidden';
  return 'submitted';
}

/** Saves a checked form as a draft: incomplete is fine, wrong was refused by the plan. */
export async function saveRequestDraft(
  deps: { db: Database; files: FileStore },
  viewer: ContactViewer,
  request: OpenRequest,
  plan: SavePlan,
  now: Date,
): Promise<DraftSaveResult> {
  const written = await writeRequest(deps, viewer, request, plan, now);
  if (written) return { ok: true, ...written };
  const why = await whyNotWritten(deps.db, viewer, request);
  // Only a new request's write asks for its project (a saved draft keeps its text).
  return { ok: false, error: why === 'project_hidden' ? 'project_not_found' : why };
}
