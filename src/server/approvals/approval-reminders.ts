import { and, eq, gt, isNull, not, sql } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import {
  approvalLinks,
  approvalRounds,
  clientContacts,
  clients,
  pieces,
  pieceVersions,
  users,
} from '../../../db/schema/index.ts';
import { contactDecided } from './contact-may-act.ts';
import { type LinkPolicy, linkGrantWrites } from './link-grants.ts';

const DAY_MS = 86_400_000;

/**
 * The scheduled reminder of approvals: each contact of an open round who has not decided,
 * whose newest link is older than the policy's days, gets a fresh link by e-mail. The new
 * link resets their clock, so a contact hears at most once in that many days (and never
 * twice in a day); deciding, a revoked link or the round's end stops the reminders.
 */
export async function sendApprovalReminders(
  db: Database,
  rules: LinkPolicy,
  now: Date,
  origin: string,
) {
  const dueBefore = now.getTime() - rules.links.approvalReminderAfterDays * DAY_MS;
  const lastSent = sql<number>`max(${approvalLinks.createdAt})`.mapWith(Number);
  const expiresAt = sql<number>`max(${approvalLinks.expiresAt})`.mapWith(Number);
  const due = await db
    .select({
      roundId: approvalRounds.id,
      versionId: aliased(pieceVersions.id, 'version_id'),
      versionNumber: pieceVersions.number,
      pieceId: aliased(pieces.id, 'piece_id'),
      title: pieces.title,
      clientName: aliased(clients.name, 'client_name'),
      csName: aliased(users.name, 'cs_name'),
      contactId: aliased(clientContacts.id, 'contact_id'),
      contactName: aliased(clientContacts.name, 'contact_name'),
      contactEmail: aliased(clientContacts.email, 'contact_email'),
      contactLocale: aliased(clientContacts.locale, 'contact_locale'),
      lastSent,
      expiresAt,
    })
    .from(approvalLinks)
    .innerJoin(approvalRounds, eq(approvalRounds.id, approvalLinks.roundId))
    .innerJoin(pieceVersions, eq(pieceVersions.id, approvalRounds.versionId))
    .innerJoin(pieces, eq(pieces.id, approvalRounds.pieceId))
    .innerJoin(clients, eq(clients.id, pieces.clientId))
    .innerJoin(users, eq(users.id, clients.csUserId))
    .innerJoin(clientContacts, eq(clientContacts.id, approvalLinks.contactId))
    .where(
      and(
        eq(approvalRounds.status, 'open'),
        isNull(approvalLinks.revokedAt),
        gt(approvalLinks.expiresAt, now),
        eq(clientContacts.mayApprovePieces, true),
        not(contactDecided(approvalRounds.id, approvalLinks.contactId)),
      ),
    )
    .groupBy(approvalRounds.id, approvalLinks.contactId)
    .having(sql`${lastSent} <= ${dueBefore}`);
  const writes = due.flatMap((row) =>
    linkGrantWrites(
      db,
      rules,
      {
        context: {
          piece: {
            id: row.pieceId,
            title: row.title,
            clientName: row.clientName,
            csName: row.csName,
          },
          version: { id: row.versionId, number: row.versionNumber },
        },
        roundId: row.roundId,
        contacts: [
          {
            id: row.contactId,
            name: row.contactName,
            email: row.contactEmail,
            locale: row.contactLocale,
          },
        ],
        reason: 'reminder',
        // A reminder does not make the contact's access last longer.
        expiresAt: new Date(row.expiresAt),
        actor: null,
        origin,
      },
      now,
    ),
  );
  const [first, ...rest] = writes;
  if (first) await db.batch([first, ...rest]);
  return { reminded: due.length };
}
