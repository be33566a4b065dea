import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import { approvalLinks, clientContacts } from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import { generateSecretToken, hashToken } from '../auth/tokens.ts';
import type { Actor } from '../auth/viewer.ts';
import { PIECE_AWAITS_APPROVAL } from '../client-space/contact-notifications-rules.ts';
import { notifyContact } from '../client-space/contact-notify.ts';
import { queueMailWhen } from '../mail/outbox.ts';
import { approvalRequestMail, approvalUrl } from './approval-mail.ts';
import type { PieceContext } from './piece-context.ts';

/** What the link writes read of the policy: how long a link lasts, and the agency's clock. */
export type LinkPolicy = Pick<Policy, 'links'> & {
  agency: Pick<Policy['agency'], 'timeZone'>;
};

const DAY_MS = 86_400_000;

/**
 * The writes that give contacts a fresh personal link to a round, each with its e-mail and
 * audit event: for a first send, a re-send (earlier links of the contact end), or a reminder
 * (earlier links stay valid; the new one expires with them). With a guard, nothing is
 * written unless it holds as the batch runs (the version being sent was really added).
 */
export function linkGrantWrites(
  db: Database,
  rules: LinkPolicy,
  grant: {
    context: {
      piece: Pick<PieceContext['piece'], 'id' | 'title' | 'clientName' | 'csName'>;
      version: { id: string; number: number };
    };
    roundId: string;
    contacts: { id: string; name: string; email: string; locale: string }[];
    reason: 'sent' | 'resent' | 'reminder';
    expiresAt?: Date;
    actor: Actor | null;
    origin: string;
    guard?: SQL;
  },
  now: Date,
) {
  const { piece, version } = grant.context;
  const guard = grant.guard ?? sql`1`;
  const expiresAt = grant.expiresAt ?? new Date(now.getTime() + rules.links.approvalDays * DAY_MS);
  return grant.contacts.flatMap((contact) => {
    const token = generateSecretToken();
    const linkId = hashToken(token);
    const mail = approvalRequestMail(
      contact,
      {
        title: piece.title,
        version: version.number,
        client: piece.clientName,
        cs: piece.csName,
        url: approvalUrl(grant.origin, token),
        expiresAt,
        timeZone: rules.agency.timeZone,
      },
      grant.reason === 'reminder' ? 'reminder' : 'request',
    );
    return [
      ...(grant.reason === 'reminder'
        ? []
        : [
            db
              .update(approvalLinks)
              .set({ revokedAt: now })
              .where(
                and(
                  eq(approvalLinks.roundId, grant.roundId),
                  eq(approvalLinks.contactId, contact.id),
                  isNull(approvalLinks.revokedAt),
                  guard,
                ),
              ),
          ]),
      insertWhen(
        db,
        approvalLinks,
        {
          id: linkId,
          roundId: grant.roundId,
          contactId: contact.id,
          reason: grant.reason,
          createdAt: now,
          expiresAt,
        },
        guard,
      ),
      queueMailWhen(
        db,
        { idempotencyKey: `approval-link:${linkId}`, to: contact.email, ...mail },
        now,
        guard,
      ),
      recordEventWhen(
        db,
        {
          actorId: grant.actor?.id ?? null,
          action: grant.reason === 'reminder' ? 'approval_reminded' : 'approval_sent',
          subjectType: 'piece',
          subjectId: piece.id,
          ip: grant.actor?.ip ?? null,
          data: { contactId: contact.id, contactName: contact.name, version: version.number },
        },
        now,
        guard,
      ),
      // A contact who uses the client space also finds the piece there: in their daily digest,
      // or (told at once) by this link's mail alone. Once per round and contact.
      ...(grant.reason === 'reminder'
        ? []
        : [
            notifyContact(
              db,
              {
                contactId: contact.id,
                kind: PIECE_AWAITS_APPROVAL,
                subjectId: piece.id,
                dedupeKey: `piece-awaits:${grant.roundId}:${contact.id}`,
              },
              now,
              and(
                guard,
                sql`exists (select 1 from ${clientContacts} where ${clientContacts.id} = ${contact.id} and ${clientContacts.mayUseSpace} = 1)`,
              ),
            ),
          ]),
    ];
  });
}
