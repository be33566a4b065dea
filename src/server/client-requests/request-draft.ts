import { and, eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../../../db/client.ts';
import { clientRequests } from '../../../db/schema/index.ts';
import type { ContactViewer } from '../client-space/contact-viewer.ts';
import type { FileStore } from '../files/file-store.ts';
import { requestTitle } from './request-answers.ts';
import { removeStoredFiles, requestFileInserts, storeChosenFiles } from './request-files.ts';
import type { SavePlan } from './request-save-plan.ts';
import type { OpenRequest } from './request-target.ts';
import { templateIdToAnswer } from './template-store.ts';

/**
 * Writes a checked form: a new request is created as a draft (against the form in force,
 * written down if it was the policy's default), an existing draft gets its answers; the
 * chosen files' bytes are stored first and their records join the same batch. `extra` are
 * writes that go with it (the sending). Returns the request's id, or null when the draft was
 * sent meanwhile (nothing written, stored bytes removed again).
 */
export async function writeRequest(
  deps: { db: Database; files: FileStore },
  viewer: ContactViewer,
  request: OpenRequest,
  plan: SavePlan,
  now: Date,
  extra: (requestId: string) => BatchItem<'sqlite'>[] = () => [],
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
      write = db
        .insert(clientRequests)
        .values({
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
        })
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
    const results = await db.batch([write, ...files, ...extra(requestId)] as [
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

export type DraftSaveResult = { ok: true; requestId: string } | { ok: false; error: 'submitted' };

/** Saves a checked form as a draft: incomplete is fine, wrong was refused by the plan. */
export async function saveRequestDraft(
  deps: { db: Database; files: FileStore },
  viewer: ContactViewer,
  request: OpenRequest,
  plan: SavePlan,
  now: Date,
): Promise<DraftSaveResult> {
  const requestId = await writeRequest(deps, viewer, request, plan, now);
  return requestId ? { ok: true, requestId } : { ok: false, error: 'submitted' };
}
