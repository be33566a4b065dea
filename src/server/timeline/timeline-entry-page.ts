import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Database } from '../../../db/client.ts';
import {
  taskRequests,
  timelineActionItems,
  timelineEntries,
  timelineEntryRevisions,
  timelineFiles,
  timelineRecipients,
  users,
} from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import type { Viewer } from '../auth/viewer.ts';
import { clientTeamFrom, readClientTeam } from '../clients/client-teams.ts';
import { mayReadTimeline, mayWriteKind } from './timeline-rules.ts';

const editor = alias(users, 'editor');

/** The reads of one entry of a client: another client's entry id finds nothing. */
function readEntry(db: Database, clientId: string, entryId: string) {
  const ofEntry = (column: typeof timelineFiles.entryId) => eq(column, entryId);
  return [
    db
      .select({ entry: timelineEntries, authorName: users.name })
      .from(timelineEntries)
      .innerJoin(users, eq(users.id, timelineEntries.authorId))
      .where(and(eq(timelineEntries.id, entryId), eq(timelineEntries.clientId, clientId))),
    db
      .select({
        id: timelineFiles.id,
        fileName: timelineFiles.fileName,
        size: timelineFiles.size,
        contentType: timelineFiles.contentType,
      })
      .from(timelineFiles)
      .where(ofEntry(timelineFiles.entryId))
      .orderBy(asc(timelineFiles.createdAt), asc(timelineFiles.id)),
    // Who was chosen and where each stands: e-mailed, agreed, an observation (T2 fills these).
    db
      .select({
        contactId: timelineRecipients.contactId,
        contactName: timelineRecipients.contactName,
        notifiedAt: timelineRecipients.notifiedAt,
        respondedAt: timelineRecipients.respondedAt,
        response: timelineRecipients.response,
        observation: timelineRecipients.observation,
        answeredRevision: timelineRecipients.answeredRevision,
      })
      .from(timelineRecipients)
      .where(eq(timelineRecipients.entryId, entryId))
      .orderBy(asc(timelineRecipients.contactName)),
    db
      .select({
        item: timelineActionItems,
        assigneeName: users.name,
        taskStatus: taskRequests.status,
      })
      .from(timelineActionItems)
      .leftJoin(users, eq(users.id, timelineActionItems.assigneeId))
      .leftJoin(taskRequests, eq(taskRequests.id, timelineActionItems.taskRequestId))
      .where(eq(timelineActionItems.entryId, entryId))
      .orderBy(asc(timelineActionItems.position)),
    db
      .select({ revision: timelineEntryRevisions, editorName: editor.name })
      .from(timelineEntryRevisions)
      .leftJoin(editor, eq(editor.id, timelineEntryRevisions.editedBy))
      .where(eq(timelineEntryRevisions.entryId, entryId))
      .orderBy(asc(timelineEntryRevisions.revision)),
  ] as const;
}

/**
 * An entry's page in one round trip: the entry, its files, the contacts chosen with their
 * acknowledgement, the action items with their task or refusal, and every revision with who
 * and when. Null when the viewer does not see the client or the entry is not the client's.
 */
export async function loadTimelineEntryPage(
  db: Database,
  viewer: Viewer,
  ids: { clientId: string; entryId: string },
  rules: Pick<Policy, 'timeline'>,
) {
  const [client, team, cs, found, files, recipients, items, revisions] = await db.batch([
    ...readClientTeam(db, ids.clientId),
    ...readEntry(db, ids.clientId, ids.entryId),
  ]);
  const facts = clientTeamFrom([client, team, cs]);
  const row = found[0];
  if (!facts || !row || !mayReadTimeline(viewer, facts)) return null;
  return {
    client: { id: facts.client.id, name: facts.client.name },
    entry: row.entry,
    authorName: row.authorName,
    files,
    recipients,
    actionItems: items,
    revisions: revisions.map((r) => ({ ...r.revision, editorName: r.editorName })),
    mayEdit: mayWriteKind(viewer, facts, row.entry.kind, rules),
  };
}
