import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { aliased, constant } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import {
  approvalLinks,
  approvalRounds,
  clients,
  pieces,
  pieceVersions,
  projects,
  users,
} from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import { recordEvent, recordEventWhen } from '../audit/record-event.ts';
import type { SignedInUser } from '../auth/sessions.ts';
import { generateSecretToken, hashToken } from '../auth/tokens.ts';
import { designTeamOf, OUTER_CLIENT_ID } from '../clients/team-membership.ts';
import { queueMailWhen } from '../mail/outbox.ts';
import type { Actor } from '../partners/people.ts';
import {
  approvalNewsMail,
  approvalRequestMail,
  approvalUrl,
  piecePageUrl,
} from './approval-mail.ts';
import { mayTalkToClient, mayWorkOnPiece } from './approval-rules.ts';
import { listApprovers } from './pieces.ts';

type Viewer = Pick<SignedInUser, 'id' | 'roles'>;
type LinkPolicy = Pick<Policy, 'links'> & { agency: Pick<Policy['agency'], 'timeZone'> };

const DAY_MS = 86_400_000;

/**
 * A piece with its newest version and that version's round, its client and CS: what
 * sending, revoking and deciding need, in one round trip.
 */
export async function loadPieceContext(db: Database, pieceId: string) {
  const [found, versions, rounds] = await db.batch([
    db
      .select({
        id: pieces.id,
        title: pieces.title,
        status: pieces.status,
        latestVersion: pieces.latestVersion,
        designerId: projects.designerId,
        clientId: aliased(clients.id, 'client_id'),
        clientName: aliased(clients.name, 'client_name'),
        clientCsId: clients.csUserId,
        designTeam: designTeamOf(OUTER_CLIENT_ID),
        csName: aliased(users.name, 'cs_name'),
        csEmail: aliased(users.email, 'cs_email'),
        csLocale: aliased(users.locale, 'cs_locale'),
      })
      .from(pieces)
      .innerJoin(projects, eq(projects.id, pieces.projectId))
      .innerJoin(clients, eq(clients.id, pieces.clientId))
      .innerJoin(users, eq(users.id, clients.csUserId))
      .where(eq(pieces.id, pieceId)),
    db
      .select({ id: pieceVersions.id, number: pieceVersions.number })
      .from(pieceVersions)
      .where(
        and(
          eq(pieceVersions.pieceId, pieceId),
          sql`${pieceVersions.number} = (select ${pieces.latestVersion} from ${pieces} where ${pieces.id} = ${pieceId})`,
        ),
      ),
    db
      .select({ id: approvalRounds.id, status: approvalRounds.status, rule: approvalRounds.rule })
      .from(approvalRounds)
      .innerJoin(pieceVersions, eq(pieceVersions.id, approvalRounds.versionId))
      .where(
        and(
          eq(approvalRounds.pieceId, pieceId),
          sql`${pieceVersions.number} = (select ${pieces.latestVersion} from ${pieces} where ${pieces.id} = ${pieceId})`,
        ),
      ),
  ]);
  const piece = found[0];
  if (!piece) return null;
  return { piece, version: versions[0] ?? null, round: rounds[0] ?? null };
}

export type PieceContext = NonNullable<Awaited<ReturnType<typeof loadPieceContext>>>;

/**
 * The writes that give contacts a fresh personal link to a round, each with its e-mail and
 * audit event: for a first send, a re-send (earlier links of the contact end), or a reminder
 * (earlier links stay valid; the new one expires with them). With a guard, nothing is
 * written unless it holds as the batch runs (the version being sent was really added).
 */
export function linkWrites(
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
      db.insert(approvalLinks).select(
        db
          .select({
            id: constant(linkId, 'id'),
            roundId: constant(grant.roundId, 'round_id'),
            contactId: constant(contact.id, 'contact_id'),
            reason: constant(grant.reason, 'reason'),
            createdAt: constant(now.getTime(), 'created_at'),
            expiresAt: constant(expiresAt.getTime(), 'expires_at'),
            revokedAt: constant(null, 'revoked_at'),
            firstOpenedAt: constant(null, 'first_opened_at'),
          })
          .from(sql`(select 1)`)
          .where(guard),
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
    ];
  });
}

type SendProblem = 'not_found' | 'not_allowed' | 'no_version' | 'decided' | 'no_contacts';

/**
 * Sends the newest version of a piece to the chosen contacts for approval (its CS or an
 * admin only: CS is the agency's voice). The version's round is made on the first send
 * with its rule; sending again to a contact replaces their link.
 */
export async function sendForApproval(
  db: Database,
  rules: LinkPolicy & Pick<Policy, 'approvals'>,
  input: {
    pieceId: string;
    contactIds: string[];
    rule?: 'all' | 'any';
    actor: Actor;
    user: Viewer;
    origin: string;
  },
  now: Date,
): Promise<{ ok: true; sent: number } | { ok: false; error: SendProblem }> {
  const context = await loadPieceContext(db, input.pieceId);
  if (!context || !mayWorkOnPiece(input.user, context.piece))
    return { ok: false, error: 'not_found' };
  if (!mayTalkToClient(input.user, context.piece)) return { ok: false, error: 'not_allowed' };
  const { version, round } = context;
  if (!version) return { ok: false, error: 'no_version' };
  if (round && (round.status === 'approved' || round.status === 'changes_requested'))
    return { ok: false, error: 'decided' };
  const approvers = await listApprovers(db, context.piece.clientId);
  const chosen = approvers.filter((contact) => input.contactIds.includes(contact.id));
  if (chosen.length === 0) return { ok: false, error: 'no_contacts' };
  // One round per version: its id is the version's, so two sends at once make one round.
  const roundId = version.id;
  const rule = input.rule ?? rules.approvals.defaultRule;
  const writes = [
    db
      .insert(approvalRounds)
      .values({
        id: roundId,
        pieceId: context.piece.id,
        versionId: version.id,
        rule,
        createdAt: now,
        createdBy: input.actor.id,
      })
      .onConflictDoUpdate({
        target: approvalRounds.id,
        set: { status: 'open', rule, closedAt: null },
        setWhere: eq(approvalRounds.status, 'revoked'),
      }),
    db
      .update(pieces)
      .set({ status: 'awaiting_approval', updatedAt: now })
      .where(eq(pieces.id, context.piece.id)),
    ...linkWrites(
      db,
      rules,
      {
        context: { piece: context.piece, version },
        roundId,
        contacts: chosen,
        reason: round?.status === 'open' ? 'resent' : 'sent',
        actor: input.actor,
        origin: input.origin,
      },
      now,
    ),
  ];
  const [first, ...rest] = writes;
  if (first) await db.batch([first, ...rest]);
  return { ok: true, sent: chosen.length };
}

type OpenRoundProblem = 'not_found' | 'not_allowed' | 'not_open';

/**
 * The piece's open round, for CS acting on it (withdrawing it, revoking a contact): the
 * piece must be the person's to see, theirs to send, and its newest version's round open.
 */
async function openRoundForCs(db: Database, pieceId: string, user: Viewer) {
  const context = await loadPieceContext(db, pieceId);
  if (!context || !mayWorkOnPiece(user, context.piece))
    return { ok: false as const, error: 'not_found' as OpenRoundProblem };
  if (!mayTalkToClient(user, context.piece))
    return { ok: false as const, error: 'not_allowed' as OpenRoundProblem };
  const { round, version } = context;
  if (round?.status !== 'open' || !version)
    return { ok: false as const, error: 'not_open' as OpenRoundProblem };
  return { ok: true as const, context, round, version };
}

/** Withdraws the open round of a piece: every link ends at once, the piece is back in production. */
export async function revokeRound(
  db: Database,
  input: { pieceId: string; actor: Actor; user: Viewer },
  now: Date,
): Promise<{ ok: true } | { ok: false; error: OpenRoundProblem }> {
  const open = await openRoundForCs(db, input.pieceId, input.user);
  if (!open.ok) return open;
  const { context, round, version } = open;
  const closeKey = crypto.randomUUID();
  const revoked = sql`exists (select 1 from ${approvalRounds} where ${approvalRounds.id} = ${round.id} and ${approvalRounds.status} = 'revoked' and ${approvalRounds.closeKey} = ${closeKey})`;
  const [updated] = await db.batch([
    db
      .update(approvalRounds)
      .set({ status: 'revoked', closedAt: now, closeKey })
      .where(and(eq(approvalRounds.id, round.id), eq(approvalRounds.status, 'open')))
      .returning({ id: approvalRounds.id }),
    db
      .update(approvalLinks)
      .set({ revokedAt: now })
      .where(and(eq(approvalLinks.roundId, round.id), isNull(approvalLinks.revokedAt))),
    db
      .update(pieces)
      .set({ status: 'in_production', updatedAt: now })
      .where(and(eq(pieces.id, context.piece.id), revoked)),
    recordEventWhen(
      db,
      {
        actorId: input.actor.id,
        action: 'approval_round_revoked',
        subjectType: 'piece',
        subjectId: context.piece.id,
        ip: input.actor.ip,
        data: { version: version.number },
      },
      now,
      revoked,
    ),
  ]);
  return updated.length > 0 ? { ok: true } : { ok: false, error: 'not_open' };
}

/**
 * Ends one contact's links to the open round at once. With the "all" rule, the others may
 * then have approved everything still asked for: the round is settled in the same batch.
 */
export async function revokeContactLinks(
  db: Database,
  input: { pieceId: string; contactId: string; actor: Actor; user: Viewer; origin: string },
  now: Date,
): Promise<{ ok: true } | { ok: false; error: OpenRoundProblem }> {
  const open = await openRoundForCs(db, input.pieceId, input.user);
  if (!open.ok) return open;
  const { context, round, version } = open;
  const ofContact = and(
    eq(approvalLinks.roundId, round.id),
    eq(approvalLinks.contactId, input.contactId),
    isNull(approvalLinks.revokedAt),
  );
  // A contact with no live link changes nothing, and leaves nothing in the history.
  const live = await db.select({ id: approvalLinks.id }).from(approvalLinks).where(ofContact);
  if (live.length === 0) return { ok: false, error: 'not_found' };
  await db.batch([
    db.update(approvalLinks).set({ revokedAt: now }).where(ofContact),
    recordEvent(
      db,
      {
        actorId: input.actor.id,
        action: 'approval_revoked',
        subjectType: 'piece',
        subjectId: context.piece.id,
        ip: input.actor.ip,
        data: { contactId: input.contactId, version: version.number },
      },
      now,
    ),
    ...settleRoundWrites(db, { ...context, round, version }, input.origin, now),
  ]);
  return { ok: true };
}

/** Contacts still asked to decide on a round: an unrevoked link, and still allowed to approve. */
const recipientsOf = (roundId: string) =>
  sql`select ${approvalLinks.contactId} as contact_id from ${approvalLinks} join client_contacts cc on cc.id = ${approvalLinks.contactId} where ${approvalLinks.roundId} = ${roundId} and ${approvalLinks.revokedAt} is null and cc.may_approve_pieces = 1`;

const hasDecision = (roundId: string, decision: 'approved' | 'changes_requested') =>
  sql`exists (select 1 from approval_decisions d where d.round_id = ${roundId} and d.decision = ${decision})`;

/**
 * The writes that close a round whose decisions settle it — the same rule as
 * `roundOutcome`, in SQL so it holds inside the batch that records a decision: changes
 * win at once; "any" is approved by one approval, "all" by every recipient's. The piece
 * follows, and CS hears of an approval; each only if this batch closed the round.
 */
export function settleRoundWrites(
  db: Database,
  context: {
    piece: Pick<
      PieceContext['piece'],
      'id' | 'title' | 'clientName' | 'csName' | 'csEmail' | 'csLocale'
    >;
    round: { id: string };
    version: { id: string; number: number };
  },
  origin: string,
  now: Date,
) {
  const { piece, round, version } = context;
  const closeKey = crypto.randomUUID();
  const closedNow = (status: 'approved' | 'changes_requested') =>
    sql`exists (select 1 from ${approvalRounds} where ${approvalRounds.id} = ${round.id} and ${approvalRounds.status} = ${status} and ${approvalRounds.closeKey} = ${closeKey})`;
  const everyoneApproved = sql`exists (${recipientsOf(round.id)}) and not exists (select 1 from (${recipientsOf(round.id)}) r where not exists (select 1 from approval_decisions d where d.round_id = ${round.id} and d.contact_id = r.contact_id and d.decision = 'approved'))`;
  const mail = approvalNewsMail(
    { name: piece.csName, locale: piece.csLocale },
    {
      kind: 'approved',
      title: piece.title,
      version: version.number,
      client: piece.clientName,
      contact: '',
      message: '',
      url: piecePageUrl(origin, piece.id),
    },
  );
  return [
    db
      .update(approvalRounds)
      .set({ status: 'changes_requested', closedAt: now, closeKey })
      .where(
        and(
          eq(approvalRounds.id, round.id),
          eq(approvalRounds.status, 'open'),
          hasDecision(round.id, 'changes_requested'),
        ),
      ),
    db
      .update(approvalRounds)
      .set({ status: 'approved', closedAt: now, closeKey })
      .where(
        and(
          eq(approvalRounds.id, round.id),
          eq(approvalRounds.status, 'open'),
          sql`(${approvalRounds.rule} = 'any' and ${hasDecision(round.id, 'approved')}) or (${approvalRounds.rule} = 'all' and ${everyoneApproved})`,
        ),
      ),
    db
      .update(pieces)
      .set({
        status: sql`(select ${approvalRounds.status} from ${approvalRounds} where ${approvalRounds.id} = ${round.id})`,
        updatedAt: now,
      })
      .where(
        and(
          eq(pieces.id, piece.id),
          sql`(${closedNow('approved')} or ${closedNow('changes_requested')})`,
        ),
      ),
    queueMailWhen(
      db,
      { idempotencyKey: `approval-approved:${round.id}`, to: piece.csEmail, ...mail },
      now,
      closedNow('approved'),
    ),
    recordEventWhen(
      db,
      {
        actorId: null,
        action: 'approval_round_approved',
        subjectType: 'piece',
        subjectId: piece.id,
        ip: null,
        data: { version: version.number },
      },
      now,
      closedNow('approved'),
    ),
  ];
}
