import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import {
  approvalLinks,
  approvalRounds,
  clientContacts,
  contactSessions,
  onboardingLinks,
} from '../../../db/schema/index.ts';
import { loadPieceContext } from '../approvals/piece-context.ts';
import { settleRoundWrites } from '../approvals/round-settlement.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import { getClientFor } from './clients.ts';

/**
 * Removes a contact from a client: every link they hold (onboarding and approvals) dies in
 * the same batch. Their past decisions and comments stay in the history under their name.
 * An open round that now has every remaining approval it needs is settled at once.
 */
export async function removeContact(
  db: Database,
  input: {
    clientId: string;
    contactId: string;
    actor: Actor;
    user: Viewer;
  },
  origin: string,
  now: Date,
): Promise<{ ok: true } | { ok: false; error: 'not_found' }> {
  const found = await getClientFor(db, input.user, input.clientId);
  const contact = found?.contacts.find((c) => c.id === input.contactId);
  if (!contact) return { ok: false, error: 'not_found' };
  const openRounds = await db
    .selectDistinct({ pieceId: approvalRounds.pieceId })
    .from(approvalLinks)
    .innerJoin(approvalRounds, eq(approvalRounds.id, approvalLinks.roundId))
    .where(
      and(
        eq(approvalLinks.contactId, contact.id),
        isNull(approvalLinks.revokedAt),
        eq(approvalRounds.status, 'open'),
      ),
    );
  const contexts = await Promise.all(openRounds.map((r) => loadPieceContext(db, r.pieceId)));
  await db.batch([
    db.delete(approvalLinks).where(eq(approvalLinks.contactId, contact.id)),
    db.delete(onboardingLinks).where(eq(onboardingLinks.contactId, contact.id)),
    // Signed out of the client space at once (the foreign key would too, where enforced).
    db.delete(contactSessions).where(eq(contactSessions.contactId, contact.id)),
    db.delete(clientContacts).where(eq(clientContacts.id, contact.id)),
    recordEvent(
      db,
      {
        actorId: input.actor.id,
        action: 'contact_removed',
        subjectType: 'client',
        subjectId: input.clientId,
        ip: input.actor.ip,
        data: { contactId: contact.id, name: contact.name },
      },
      now,
    ),
    ...contexts.flatMap((context) =>
      context?.round && context.version
        ? settleRoundWrites(
            db,
            { ...context, round: context.round, version: context.version },
            origin,
            now,
          )
        : [],
    ),
  ]);
  return { ok: true };
}
