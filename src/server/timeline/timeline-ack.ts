import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { timelineEntries, timelineRecipients } from '../../../db/schema/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import { activeAdmins } from '../mail/mail-recipients.ts';
import { queueMailWhen } from '../mail/outbox.ts';
import type { OpenAcknowledgement } from './timeline-ack-open.ts';
import type { TimelineAckFailure } from './timeline-ack-refusals.ts';
import { observationMail } from './timeline-notices-mail.ts';

/** The agency's page of an entry, where CS reads the answers (#19, the entries' pages). */
export const agencyEntryUrl = (origin: string, clientId: string, entryId: string) =>
  `${origin}/clients/${encodeURIComponent(clientId)}/timeline/${encodeURIComponent(entryId)}`;

export type AcknowledgementAnswer =
  | { response: 'agreed' }
  | { response: 'observation'; observation: string };

/**
 * A contact's one answer to an entry that asks acknowledgement: agreed, or an observation
 * that is e-mailed to the client's CS and shown on the entry's page. The answer is written
 * only while none is (two clicks, two tabs, the link and the space at once: one wins, the
 * other is `answered`), and its event and CS's e-mail follow it in the same batch only if it
 * was (changes()). The outbox key is per entry and contact: there is one answer to tell.
 */
export async function acknowledgeEntry(
  db: Database,
  opened: OpenAcknowledgement,
  input: {
    answer: AcknowledgementAnswer;
    via: 'link' | 'space';
    origin: string;
    ip: string | null;
  },
  now: Date,
): Promise<{ ok: true } | { ok: false; error: TimelineAckFailure }> {
  // A read-only link (an entry that asks nothing) opens the entry, never an answer.
  if (!opened.asks) return { ok: false, error: 'not_found' };
  if (opened.answer) return { ok: false, error: 'answered' };
  const { entry, contact } = opened;
  const { answer } = input;
  const observation = answer.response === 'observation' ? answer.observation : null;
  // The client's CS reads the observation; when the client has none active, the admins do.
  const readers =
    observation === null ? [] : opened.cs ? [{ id: '', ...opened.cs }] : await activeAdmins(db);
  const [written] = await db.batch([
    db
      .update(timelineRecipients)
      .set({
        respondedAt: now,
        response: answer.response,
        observation,
        respondedVia: input.via,
        answeredRevision: entry.revision,
      })
      .where(
        and(
          eq(timelineRecipients.entryId, entry.id),
          eq(timelineRecipients.contactId, contact.id),
          isNull(timelineRecipients.respondedAt),
          // Still shown to the client, still asking, and still the revision the contact read.
          sql`exists (select 1 from ${timelineEntries} where ${timelineEntries.id} = ${entry.id} and ${timelineEntries.visibility} = 'client' and ${timelineEntries.asksAcknowledgement} = 1 and ${timelineEntries.revision} = ${entry.revision})`,
        ),
      )
      .returning({ entryId: timelineRecipients.entryId }),
    recordEventWhen(
      db,
      {
        actorId: null,
        action:
          answer.response === 'agreed'
            ? 'timeline_entry_acknowledged'
            : 'timeline_entry_observation',
        subjectType: 'timeline_entry',
        subjectId: entry.id,
        ip: input.ip,
        data: { contact: contact.name, title: entry.title, via: input.via },
      },
      now,
      sql`changes() > 0`,
    ),
    ...readers.map((reader) =>
      queueMailWhen(
        db,
        {
          idempotencyKey: `timeline-observation:${entry.id}:${contact.id}${reader.id && `:${reader.id}`}`,
          to: reader.email,
          ...observationMail(reader, {
            title: entry.title,
            client: opened.client.name,
            contact: contact.name,
            observation: observation ?? '',
            url: agencyEntryUrl(input.origin, opened.client.id, entry.id),
          }),
        },
        now,
        // changes(): the statement just before (the event, or the previous reader's e-mail)
        // was written, so the answer was.
        sql`changes() > 0`,
      ),
    ),
  ]);
  if (written.length > 0) return { ok: true };
  // Not written: answered meanwhile, or the entry moved on from the revision read.
  const [current] = await db
    .select({ revision: timelineEntries.revision })
    .from(timelineEntries)
    .where(eq(timelineEntries.id, entry.id));
  return {
    ok: false,
    error: current && current.revision !== entry.revision ? 'entry_changed' : 'answered',
  };
}
