import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import { prebuiltRead } from '../../../db/prebuilt-read.ts';
import {
  type ApprovalDecision,
  approvalDecisions,
  approvalLinks,
  approvalRounds,
  clientContacts,
  clients,
  pieces,
  pieceVersions,
  type RoundRule,
  type RoundStatus,
  users,
} from '../../../db/schema/index.ts';
import { type Locale, localeOf } from '../../i18n/index.ts';
import { hashToken, looksLikeToken } from '../auth/tokens.ts';
import { csMailColumns } from '../mail/mail-recipients.ts';
import {
  type ClientComment,
  clientCommentsByVersion,
  readClientComments,
} from './client-comments.ts';
import { contactDecided, contactMayAct } from './contact-may-act.ts';
import { DECISION_COLUMNS } from './piece-columns.ts';
import { sentToContact as versionSentTo } from './versions-sent.ts';

export type ApprovalLinkProblem = 'invalid' | 'revoked' | 'expired';

/**
 * Everything a client's link may show, read in one round trip. Internal comments are not
 * selected here at all: nothing reached by a link can leak them.
 */
export async function openApprovalByToken(
  db: Database,
  token: string,
  now: Date,
  // Posting a comment or fetching the file needs the link, not the comments and decisions.
  options: { withContents?: boolean } = {},
): Promise<{ ok: true; approval: OpenApproval } | { ok: false; error: ApprovalLinkProblem }> {
  if (!looksLikeToken(token)) return { ok: false, error: 'invalid' };
  return openApprovalByLink(db, hashToken(token), now, options);
}

/**
 * The shared core of a contact's approval, by the link's id: the e-mailed link (by its token)
 * and the client space (by the contact's own link to the round, where the session, not the
 * link's age, vouches for the contact, so `expiring: false`) open the same approval.
 */
export async function openApprovalByLink(
  db: Database,
  linkId: string,
  now: Date,
  options: { withContents?: boolean; expiring?: boolean } = {},
): Promise<{ ok: true; approval: OpenApproval } | { ok: false; error: ApprovalLinkProblem }> {
  const roundOfLink = sql`(select ${approvalLinks.roundId} from ${approvalLinks} where ${approvalLinks.id} = ${linkId})`;
  const contactOfLink = sql`(select ${approvalLinks.contactId} from ${approvalLinks} where ${approvalLinks.id} = ${linkId})`;
  const pieceOfLink = sql`(select ${approvalRounds.pieceId} from ${approvalRounds} where ${approvalRounds.id} = ${roundOfLink})`;
  const linkQuery = readLink(db, { linkId });
  const [links, commentRows, decisions, sentToContact] =
    options.withContents === false
      ? [(await db.batch([linkQuery]))[0], [], [], []]
      : await db.batch([
          linkQuery,
          // The comments the client may see, of this version and of the one sent to this
          // contact before it (the comparison's, below): never the internal ones.
          readClientComments(
            db,
            sql`(select ${approvalRounds.versionId} from ${approvalRounds} where ${approvalRounds.id} = ${roundOfLink})`,
            contactOfLink,
          ),
          // The decisions on the versions sent to this contact: this round's and what earlier
          // ones decided. Others' decisions (and their messages) on a version this contact was
          // never sent — held inside the agency, or sent to other contacts only — stay out.
          db
            .select({
              ...DECISION_COLUMNS,
              versionNumber: pieceVersions.number,
            })
            .from(approvalDecisions)
            .innerJoin(approvalRounds, eq(approvalRounds.id, approvalDecisions.roundId))
            .innerJoin(pieceVersions, eq(pieceVersions.id, approvalRounds.versionId))
            .where(
              and(
                sql`${approvalRounds.pieceId} = ${pieceOfLink}`,
                versionSentTo(db, contactOfLink),
              ),
            )
            .orderBy(desc(pieceVersions.number), asc(approvalDecisions.decidedAt)),
          // When this contact was sent each version (where a newer version went, if to them),
          // and what each was: the page shows what changed since the one sent before this.
          db
            .select({
              versionNumber: pieceVersions.number,
              sentAt: sql<number>`max(${approvalLinks.createdAt})`.mapWith(Number),
              contentType: pieceVersions.contentType,
              width: pieceVersions.width,
              height: pieceVersions.height,
              text: pieceVersions.text,
            })
            .from(approvalLinks)
            .innerJoin(approvalRounds, eq(approvalRounds.id, approvalLinks.roundId))
            .innerJoin(pieceVersions, eq(pieceVersions.id, approvalRounds.versionId))
            .where(
              and(
                sql`${approvalRounds.pieceId} = ${pieceOfLink}`,
                sql`${approvalLinks.contactId} = ${contactOfLink}`,
              ),
            )
            .groupBy(pieceVersions.id)
            .orderBy(desc(pieceVersions.number)),
        ]);
  const link = links[0];
  if (!link) return { ok: false, error: 'invalid' };
  // A contact who may no longer approve, or a withdrawn round, has in effect a revoked link.
  if (link.revokedAt || !link.mayApprove || link.roundStatus === 'revoked')
    return { ok: false, error: 'revoked' };
  if (options.expiring !== false && link.expiresAt.getTime() <= now.getTime())
    return { ok: false, error: 'expired' };
  const ownDecision =
    decisions.find((d) => d.roundId === link.roundId && d.contactId === link.contactId) ?? null;
  const newer = sentToContact.find((sent) => sent.versionNumber > link.versionNumber) ?? null;
  const sentBefore = sentToContact.find((sent) => sent.versionNumber < link.versionNumber);
  const { comments, previousThreads } = clientCommentsByVersion(commentRows, link.versionId);
  return {
    ok: true,
    approval: {
      linkId,
      firstOpenedAt: link.firstOpenedAt,
      round: { id: link.roundId, status: link.roundStatus, rule: link.rule },
      version: {
        id: link.versionId,
        number: link.versionNumber,
        fileKey: link.fileKey,
        fileName: link.fileName,
        contentType: link.contentType,
        size: link.size,
        width: link.width,
        height: link.height,
        text: link.text,
      },
      // Not the piece's newest number: that version may never have been sent to this contact.
      piece: { id: link.pieceId, title: link.pieceTitle, kind: link.pieceKind },
      client: { id: link.clientId, name: link.clientName },
      contact: { id: link.contactId, name: link.contactName, locale: localeOf(link.contactLocale) },
      cs: { name: link.csName, email: link.csEmail, locale: link.csLocale },
      comments,
      previousThreads,
      roundDecisions: decisions.filter((d) => d.roundId === link.roundId),
      earlierDecisions: decisions.filter((d) => d.versionNumber < link.versionNumber),
      ownDecision,
      hasDecided: link.hasDecided,
      mayAct: contactMayAct(link.roundStatus, link.hasDecided),
      newerVersion: replacementOf(link, newer),
      versionSentBefore: sentBefore ? { ...sentBefore, number: sentBefore.versionNumber } : null,
    },
  };
}

/**
 * What the link says of a newer version: that this one was replaced, as soon as a newer one
 * exists (even one held inside the agency or sent to others only); which one and when only
 * once a newer version was sent to this contact — nothing of versions they were never sent.
 */
function replacementOf(
  link: { versionNumber: number; latestVersion: number },
  newestSentToContact: { versionNumber: number; sentAt: number } | null,
): OpenApproval['newerVersion'] {
  if (newestSentToContact)
    return {
      number: newestSentToContact.versionNumber,
      sentToYouAt: new Date(newestSentToContact.sentAt),
    };
  return link.latestVersion > link.versionNumber ? { number: null, sentToYouAt: null } : null;
}

export type OpenApproval = {
  linkId: string;
  firstOpenedAt: Date | null;
  round: {
    id: string;
    status: RoundStatus;
    rule: RoundRule;
  };
  version: {
    id: string;
    number: number;
    fileKey: string;
    fileName: string;
    contentType: string;
    size: number;
    width: number | null;
    height: number | null;
    text: string;
  };
  piece: { id: string; title: string; kind: string };
  client: { id: string; name: string };
  contact: { id: string; name: string; locale: Locale };
  cs: { name: string; email: string; locale: string };
  // This version's comments and replies (never internal ones); the client's own threads on
  // the version before, with the agency's visible answers and whether each was resolved.
  comments: ClientComment[];
  previousThreads: ReturnType<typeof clientCommentsByVersion>['previousThreads'];
  roundDecisions: ApprovalDecisionView[];
  earlierDecisions: ApprovalDecisionView[];
  // Loaded with the contents only; `hasDecided` is always known.
  ownDecision: ApprovalDecisionView | null;
  hasDecided: boolean;
  mayAct: boolean;
  // Replaced by a newer version: its number and date only once it was sent to this contact.
  newerVersion: { number: number; sentToYouAt: Date } | { number: null; sentToYouAt: null } | null;
  // The newest version sent to this contact before this one (never one they were not sent).
  versionSentBefore: {
    number: number;
    contentType: string;
    width: number | null;
    height: number | null;
    text: string;
  } | null;
};

type ApprovalDecisionView = {
  roundId: string;
  versionNumber: number;
  contactId: string;
  contactName: string;
  decision: ApprovalDecision;
  message: string | null;
  decidedAt: Date;
};

/**
 * The link with its round, version, piece, client, contact and CS: one row, by the link's
 * hash. Printed once (see prebuiltRead): a contact's every comment and decision reads it first.
 */
const readLink = prebuiltRead((db) =>
  db
    .select({
      expiresAt: aliased(approvalLinks.expiresAt, 'expires_at'),
      revokedAt: aliased(approvalLinks.revokedAt, 'revoked_at'),
      firstOpenedAt: aliased(approvalLinks.firstOpenedAt, 'first_opened_at'),
      roundId: aliased(approvalRounds.id, 'round_id'),
      roundStatus: aliased(approvalRounds.status, 'round_status'),
      rule: aliased(approvalRounds.rule, 'rule'),
      versionId: aliased(pieceVersions.id, 'version_id'),
      versionNumber: aliased(pieceVersions.number, 'version_number'),
      fileKey: aliased(pieceVersions.fileKey, 'file_key'),
      fileName: aliased(pieceVersions.fileName, 'file_name'),
      contentType: aliased(pieceVersions.contentType, 'content_type'),
      size: aliased(pieceVersions.size, 'size'),
      width: aliased(pieceVersions.width, 'width'),
      height: aliased(pieceVersions.height, 'height'),
      text: aliased(pieceVersions.text, 'text'),
      pieceId: aliased(pieces.id, 'piece_id'),
      pieceTitle: aliased(pieces.title, 'piece_title'),
      pieceKind: aliased(pieces.kind, 'piece_kind'),
      latestVersion: aliased(pieces.latestVersion, 'latest_version'),
      clientId: aliased(clients.id, 'client_id'),
      clientName: aliased(clients.name, 'client_name'),
      contactId: aliased(clientContacts.id, 'contact_id'),
      contactName: aliased(clientContacts.name, 'contact_name'),
      contactLocale: aliased(clientContacts.locale, 'contact_locale'),
      mayApprove: aliased(clientContacts.mayApprovePieces, 'may_approve'),
      ...csMailColumns,
      hasDecided: contactDecided(approvalLinks.roundId, approvalLinks.contactId).mapWith(Boolean),
    })
    .from(approvalLinks)
    .innerJoin(approvalRounds, eq(approvalRounds.id, approvalLinks.roundId))
    .innerJoin(pieceVersions, eq(pieceVersions.id, approvalRounds.versionId))
    .innerJoin(pieces, eq(pieces.id, approvalRounds.pieceId))
    .innerJoin(clients, eq(clients.id, pieces.clientId))
    .innerJoin(clientContacts, eq(clientContacts.id, approvalLinks.contactId))
    .innerJoin(users, eq(users.id, clients.csUserId))
    .where(eq(approvalLinks.id, sql.placeholder('linkId'))),
);
