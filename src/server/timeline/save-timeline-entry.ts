import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../../../db/client.ts';
import {
  timelineEntries,
  timelineEntryRevisions,
  timelineFiles,
  timelineRecipients,
} from '../../../db/schema/index.ts';
import { isoDateInZone, type Policy } from '../../policy/index.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import type { ChosenFormFile } from '../files/chosen-files.ts';
import type { FileStore, StoredFile } from '../files/file-store.ts';
import { planActionItems } from './timeline-action-items.ts';
import { loadTimelineWriteContext, type TimelineWriteContext } from './timeline-entry-context.ts';
import type { TimelineEntryDraft } from './timeline-entry-input.ts';
import {
  checkTimelineFiles,
  removeTimelineFiles,
  storeTimelineFiles,
  timelineFileRows,
} from './timeline-files.ts';
import type { TimelineRefusal } from './timeline-refusals.ts';
import {
  mayReadTimeline,
  mayWriteKind,
  recipientEditProblem,
  visibilityChangeProblem,
} from './timeline-rules.ts';

type SaveRules = Pick<Policy, 'timeline' | 'taskRouting' | 'roles'> & {
  agency: Pick<Policy['agency'], 'timeZone' | 'currency'>;
};

export type SaveEntryResult =
  | { ok: true; entryId: string; refusedActionItems: number }
  | { ok: false; error: TimelineRefusal; params?: Record<string, string | number> };

type SavePost = {
  clientId: string;
  draft: TimelineEntryDraft;
  files: readonly ChosenFormFile[];
  author: Viewer & { name: string };
  actor: Actor;
  origin: string;
};

/**
 * Writes a new entry on a client's timeline in one batch: the entry, its first revision, its
 * files, the contacts to e-mail (T2's job e-mails them), the minutes' action items with the
 * task requests they open, and the client's history event. `newId` is the id the form was
 * opened with: the same form posted twice meets its own entry's key and saves nothing more.
 */
export function createTimelineEntry(
  deps: { db: Database; files: FileStore },
  rules: SaveRules,
  post: SavePost & { newId: string },
  now: Date,
): Promise<SaveEntryResult> {
  return saveEntry(deps, rules, { ...post, entryId: post.newId, revision: null }, now);
}

/**
 * Saves an edit in one batch: the entry takes the new text and the next revision, kept in
 * timeline_entry_revisions with who and when, so every earlier text stays readable. Only
 * from the revision the form was opened at: the second of two tabs gets `conflict`.
 */
export function editTimelineEntry(
  deps: { db: Database; files: FileStore },
  rules: SaveRules,
  post: SavePost & { entryId: string; revision: number },
  now: Date,
): Promise<SaveEntryResult> {
  return saveEntry(deps, rules, post, now);
}

async function saveEntry(
  deps: { db: Database; files: FileStore },
  rules: SaveRules,
  post: SavePost & { entryId: string; revision: number | null },
  now: Date,
): Promise<SaveEntryResult> {
  const { db } = deps;
  const editing = post.revision !== null;
  const context = await loadTimelineWriteContext(db, post.clientId, editing ? post.entryId : null);
  if (!context || (editing && !context.existing)) return { ok: false, error: 'not_found' };
  const refusal = checkSave(context, rules, post);
  if (refusal) return refusal;
  const checked = checkTimelineFiles(
    post.files,
    post.draft.kind,
    context.existing?.fileCount ?? 0,
    rules,
  );
  if (!checked.ok) {
    const { error, ok: _refused, ...params } = checked;
    const mb = Math.floor(rules.timeline.maxUploadBytes / (1024 * 1024));
    return { ok: false, error, params: { ...params, mb } };
  }
  const stored = await storeTimelineFiles(deps.files, post.files, checked.types, now);
  try {
    const planned = saveWrites(db, rules, context, post, stored, now);
    await db.batch(planned.writes as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
    return { ok: true, entryId: post.entryId, refusedActionItems: planned.refused };
  } catch (error) {
    await removeTimelineFiles(deps.files, stored);
    // The key that refused the batch is the race's loser: the same new entry, or the next
    // revision another tab took first. Anything else is a real failure.
    const [entry] = await db
      .select({ revision: timelineEntries.revision })
      .from(timelineEntries)
      .where(eq(timelineEntries.id, post.entryId));
    if (!editing && entry) return { ok: false, error: 'already_saved' };
    if (editing && entry && entry.revision !== post.revision)
      return { ok: false, error: 'conflict' };
    throw error;
  }
}

/** Who may, what the entry names and what it must carry: the first refusal, or null. */
function checkSave(
  context: TimelineWriteContext,
  rules: SaveRules,
  post: SavePost & { revision: number | null },
): Extract<SaveEntryResult, { ok: false }> | null {
  const { facts, existing } = context;
  const { draft } = post;
  const refuse = (error: TimelineRefusal) => ({ ok: false, error }) as const;
  // Outside the team the client is not there at all; on it, the kind may still not be theirs.
  if (!mayReadTimeline(post.author, facts)) return refuse('not_found');
  if (!mayWriteKind(post.author, facts, draft.kind, rules)) return refuse('not_allowed');
  if (existing) {
    if (existing.entry.kind !== draft.kind) return refuse('kind_fixed');
    if (existing.entry.revision !== post.revision) return refuse('conflict');
    const notified = existing.recipients.some((recipient) => recipient.notifiedAt !== null);
    if (visibilityChangeProblem(existing.entry.visibility, draft.visibility, notified))
      return refuse('already_sent');
    const problem = recipientEditProblem(existing.entry, draft, existing.recipients);
    if (problem) return { ok: false, error: problem.error, params: { names: problem.names } };
  }
  const contactIds = new Set(context.contacts.map((contact) => contact.id));
  if (!draft.contactIds.every((id) => contactIds.has(id))) return refuse('not_a_contact');
  if (!draft.contactParticipants.every((id) => contactIds.has(id)))
    return refuse('not_a_contact_participant');
  if (!draft.agencyPeople.every((id) => context.people.has(id))) return refuse('not_on_team');
  const files = (existing?.fileCount ?? 0) + post.files.length;
  if (draft.kind === 'monthly_report' && files === 0 && !draft.fields.link)
    return refuse('report_attachment_required');
  if (draft.kind === 'media_payment' && files === 0) return refuse('pdf_required');
  return null;
}

/** The kind's fields as stored: names copied beside ids, so the entry outlives a removed contact. */
function entryContent(context: TimelineWriteContext, rules: SaveRules, draft: TimelineEntryDraft) {
  const content: Record<string, unknown> = { ...draft.fields };
  if (draft.kind === 'minutes') {
    const contactName = new Map(context.contacts.map((contact) => [contact.id, contact.name]));
    content.participants = {
      agency: draft.agencyPeople.map((id) => ({ id, name: context.people.get(id)?.name ?? '' })),
      contacts: draft.contactParticipants.map((id) => ({ id, name: contactName.get(id) ?? '' })),
      others: draft.otherParticipants,
    };
  }
  if (draft.kind === 'media_payment') content.currency = rules.agency.currency;
  return JSON.stringify(content);
}

/** Every write of the save, in the order the keys guard them: the revision row first. */
function saveWrites(
  db: Database,
  rules: SaveRules,
  context: TimelineWriteContext,
  post: SavePost & { entryId: string; revision: number | null },
  stored: readonly StoredFile[],
  now: Date,
) {
  const { draft, entryId } = post;
  const existing = context.existing?.entry ?? null;
  const revision = (post.revision ?? 0) + 1;
  const today = isoDateInZone(now, rules.agency.timeZone);
  const row = {
    title: draft.title,
    content: entryContent(context, rules, draft),
    visibility: draft.visibility,
    occurredOn: draft.occurredOn ?? existing?.occurredOn ?? today,
  };
  const writes: BatchItem<'sqlite'>[] = [];
  if (existing) {
    writes.push(
      // The next revision's key: a second tab that read the same revision fails here.
      db.insert(timelineEntryRevisions).values({
        entryId,
        revision,
        ...row,
        editedBy: post.author.id,
        editedAt: now,
      }),
      db
        .update(timelineEntries)
        .set({
          ...row,
          period: draft.period,
          asksAcknowledgement: draft.asksAcknowledgement,
          revision,
          updatedAt: now,
        })
        .where(and(eq(timelineEntries.id, entryId), eq(timelineEntries.revision, revision - 1))),
    );
  } else {
    writes.push(
      db.insert(timelineEntries).values({
        id: entryId,
        clientId: post.clientId,
        kind: draft.kind,
        ...row,
        period: draft.period,
        asksAcknowledgement: draft.asksAcknowledgement,
        authorId: post.author.id,
        revision: 1,
        createdAt: now,
        updatedAt: now,
      }),
      db.insert(timelineEntryRevisions).values({
        entryId,
        revision: 1,
        ...row,
        editedBy: post.author.id,
        editedAt: now,
      }),
    );
  }
  const files = timelineFileRows(entryId, post.files, stored, now);
  if (files.length > 0) writes.push(db.insert(timelineFiles).values(files));
  // A contact unticked before the job e-mailed them is not e-mailed (checkSave refused
  // unticking one already told).
  const unticked = (context.existing?.recipients ?? []).flatMap((r) =>
    r.notifiedAt === null && r.contactId !== null && !draft.contactIds.includes(r.contactId)
      ? [r.contactId]
      : [],
  );
  if (unticked.length > 0)
    writes.push(
      db
        .delete(timelineRecipients)
        .where(
          and(
            eq(timelineRecipients.entryId, entryId),
            inArray(timelineRecipients.contactId, unticked),
            isNull(timelineRecipients.notifiedAt),
          ),
        ),
    );
  const chosen = new Set(context.existing?.recipients.map((r) => r.contactId) ?? []);
  const recipients = context.contacts.filter(
    (contact) => draft.contactIds.includes(contact.id) && !chosen.has(contact.id),
  );
  if (recipients.length > 0)
    writes.push(
      db
        .insert(timelineRecipients)
        .values(recipients.map((c) => ({ entryId, contactId: c.id, contactName: c.name }))),
    );
  const actions = planActionItems(
    db,
    rules,
    {
      entryId,
      title: draft.title,
      firstPosition: (context.existing?.lastPosition ?? -1) + 1,
      items: draft.actionItems,
      facts: context.facts,
      people: context.people,
      author: post.author,
      actor: post.actor,
      origin: post.origin,
    },
    now,
  );
  writes.push(
    ...actions.writes,
    recordEvent(
      db,
      {
        actorId: post.actor.id,
        action: existing ? 'timeline_entry_edited' : 'timeline_entry_created',
        subjectType: 'client',
        subjectId: post.clientId,
        ip: post.actor.ip,
        data: { entryId, kind: draft.kind, message: draft.title, revision },
      },
      now,
    ),
  );
  return { writes, refused: actions.refused };
}
