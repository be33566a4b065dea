import { and, eq, gte, isNotNull, or, sql } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import {
  approvalLinks,
  approvalRounds,
  clientContacts,
  clientMilestones,
  clientRequests,
  pieces,
  type SurveyTrigger,
} from '../../../db/schema/index.ts';

/** A delivery a contact may be asked about: what, about which subject, which contact. */
export type SurveyCandidate = {
  trigger: SurveyTrigger;
  subjectId: string;
  clientId: string;
  contactId: string;
};

/**
 * The deliveries since `since`, each with the contacts to ask, as three reads for one batch:
 * - piece_approved: a round approved since then (its piece approved), asking the contacts the
 *   round was sent to;
 * - request_done: a client request done since then, asking the contact who opened it: a
 *   project request when its resulting project has all its pieces approved, the last of them
 *   since then; a piece request when its own piece was approved since then, whatever else
 *   its project holds (the triage makes that piece under the request's own id, see
 *   pieceIdOfRequest in client-requests/triage.ts);
 * - check_in: the 7-day check-in recorded since then (the checked_in stage), asking every
 *   contact of the client.
 */
export function readSurveyCandidates(db: Database, since: Date) {
  const pieceApproved = db
    .selectDistinct({
      subjectId: aliased(approvalRounds.id, 'subject_id'),
      clientId: aliased(pieces.clientId, 'client_id'),
      contactId: aliased(approvalLinks.contactId, 'contact_id'),
    })
    .from(approvalRounds)
    .innerJoin(pieces, eq(pieces.id, approvalRounds.pieceId))
    .innerJoin(approvalLinks, eq(approvalLinks.roundId, approvalRounds.id))
    .where(and(eq(approvalRounds.status, 'approved'), gte(approvalRounds.closedAt, since)));
  const requestDone = db
    .selectDistinct({
      subjectId: aliased(clientRequests.id, 'subject_id'),
      clientId: aliased(clientRequests.clientId, 'client_id'),
      // Not null: the where clause keeps only requests whose contact is still there.
      contactId: sql<string>`${clientRequests.contactId}`.as('contact_id'),
    })
    .from(approvalRounds)
    .innerJoin(pieces, eq(pieces.id, approvalRounds.pieceId))
    .innerJoin(clientRequests, eq(clientRequests.resultProjectId, pieces.projectId))
    .where(
      and(
        eq(approvalRounds.status, 'approved'),
        gte(approvalRounds.closedAt, since),
        isNotNull(clientRequests.contactId),
        // A piece request is done with its own piece (the triage makes it under the request's
        // id, in the existing project it names); a project request with its whole project.
        or(
          and(eq(clientRequests.kind, 'piece'), eq(clientRequests.id, pieces.id)),
          and(
            eq(clientRequests.kind, 'project'),
            sql`not exists (select 1 from ${pieces} other where other.project_id = ${clientRequests.resultProjectId} and other.status <> 'approved')`,
          ),
        ),
      ),
    );
  const checkIn = db
    .select({
      subjectId: aliased(clientMilestones.clientId, 'subject_id'),
      clientId: aliased(clientContacts.clientId, 'client_id'),
      contactId: aliased(clientContacts.id, 'contact_id'),
    })
    .from(clientMilestones)
    .innerJoin(clientContacts, eq(clientContacts.clientId, clientMilestones.clientId))
    .where(and(eq(clientMilestones.kind, 'checked_in'), gte(clientMilestones.occurredAt, since)));
  return [checkIn, requestDone, pieceApproved] as const;
}

/** The candidates of the three reads, the weightiest first: a contact asked once is asked about that. */
export function candidatesFrom(
  [checkIn, requestDone, pieceApproved]: readonly [
    Omit<SurveyCandidate, 'trigger'>[],
    Omit<SurveyCandidate, 'trigger'>[],
    Omit<SurveyCandidate, 'trigger'>[],
  ],
  triggers: readonly SurveyTrigger[],
): SurveyCandidate[] {
  const all: SurveyCandidate[] = [
    ...checkIn.map((row) => ({ ...row, trigger: 'check_in' as const })),
    ...requestDone.map((row) => ({ ...row, trigger: 'request_done' as const })),
    ...pieceApproved.map((row) => ({ ...row, trigger: 'piece_approved' as const })),
  ];
  return all.filter((candidate) => triggers.includes(candidate.trigger));
}
