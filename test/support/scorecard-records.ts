import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../../db/client.ts';
import {
  approvalRounds,
  type ChangeKind,
  changeRequests,
  clientContacts,
  clientMilestones,
  clientRefunds,
  clientRenewals,
  clients,
  clientTeamMembers,
  internalReviews,
  type PieceDiscipline,
  pieces,
  pieceVersions,
  projects,
  type SurveyTrigger,
  satisfactionSurveys,
  type TeamRole,
  taskRequests,
  userRoles,
  users,
} from '../../db/schema/index.ts';
import { policy, type Role, zonedTimeToInstant } from '../../src/policy/index.ts';
import type { PipelineStage } from '../../src/server/deadlines/deadline-rules.ts';

/** An instant on the agency's clock: `YYYY-MM-DD HH:MM` in its time zone. */
export const agencyTime = (at: string) => {
  const [day, time] = at.split(' ') as [string, string];
  return zonedTimeToInstant(day, time, policy.agency.timeZone);
};

const CREATED = new Date('2025-01-01T12:00:00Z');
let serial = 0;
const nextId = (prefix: string) => `${prefix}-${++serial}`;

/**
 * The records a scorecard is counted from, written straight to the database (the app's own
 * writes are tested where they live): each call returns its writes for one batch.
 */
export function scorecardRecords(db: Database) {
  return {
    person: (id: string, roles: Role[], active = true): BatchItem<'sqlite'>[] => [
      db
        .insert(users)
        .values({ id, email: `${id}@ponte.example`, name: id, active, createdAt: CREATED }),
      ...roles.map((role) => db.insert(userRoles).values({ userId: id, role })),
    ],
    client: (
      id: string,
      cs: string,
      service: { startsOn?: string; endsOn?: string } = {},
    ): BatchItem<'sqlite'>[] => [
      db.insert(clients).values({
        id,
        name: id,
        csUserId: cs,
        serviceStartsOn: service.startsOn ?? null,
        serviceEndsOn: service.endsOn ?? null,
        createdAt: CREATED,
      }),
      db.insert(clientContacts).values({
        id: `${id}-contact`,
        clientId: id,
        name: 'Contato',
        email: `${id}@cliente.example`,
        createdAt: CREATED,
      }),
    ],
    /** A team row, added long ago unless said (`YYYY-MM-DD HH:MM`, agency time). */
    team: (clientId: string, userId: string, role: TeamRole, addedAt?: string) =>
      db.insert(clientTeamMembers).values({
        clientId,
        userId,
        role,
        addedAt: addedAt ? agencyTime(addedAt) : CREATED,
      }),
    milestone: (clientId: string, kind: PipelineStage, at: string) =>
      db.insert(clientMilestones).values({ clientId, kind, occurredAt: agencyTime(at) }),
    /**
     * A renewal of the client's service ending on `serviceEndsOn`, recorded at `at` (agency
     * time), until `renewedUntil` (the end itself when not said: a renewal carried over from
     * the old stage). The client's own service end is the test's to set.
     */
    renewal: (clientId: string, serviceEndsOn: string, at: string, renewedUntil = serviceEndsOn) =>
      db.insert(clientRenewals).values({
        clientId,
        serviceEndsOn,
        renewedUntil,
        renewedAt: agencyTime(at),
      }),
    refund: (clientId: string, serviceStartsOn: string, requestedOn: string, by: string) =>
      db.insert(clientRefunds).values({
        id: nextId('refund'),
        clientId,
        serviceStartsOn,
        requestedOn,
        recordedBy: by,
        recordedAt: CREATED,
      }),
    /** A piece in a project of the client, with its designer, due on a day. */
    piece: (
      id: string,
      clientId: string,
      designerId: string | null,
      dueOn: string | null,
      discipline: PieceDiscipline = 'design',
    ): BatchItem<'sqlite'>[] => [
      db.insert(projects).values({
        id: `${id}-project`,
        clientId,
        name: id,
        designerId,
        createdAt: CREATED,
      }),
      db.insert(pieces).values({
        id,
        projectId: `${id}-project`,
        clientId,
        title: id,
        kind: 'social_post',
        discipline,
        dueOn,
        createdAt: CREATED,
        updatedAt: CREATED,
      }),
    ],
    /** A version of a piece, uploaded by someone, sent at an instant to the client or the review. */
    version: (
      pieceId: string,
      number: number,
      by: string,
      sent: { to: 'client' | 'review'; at: string } | null,
    ): BatchItem<'sqlite'>[] => {
      const versionId = `${pieceId}-v${number}`;
      const at = sent ? agencyTime(sent.at) : CREATED;
      const writes: BatchItem<'sqlite'>[] = [
        db.insert(pieceVersions).values({
          id: versionId,
          pieceId,
          number,
          fileKey: versionId,
          fileName: 'peca.png',
          contentType: 'image/png',
          size: 1,
          sha256: versionId,
          createdAt: at,
          createdBy: by,
        }),
      ];
      if (sent?.to === 'client') {
        writes.push(
          db.insert(approvalRounds).values({
            id: `${versionId}-round`,
            pieceId,
            versionId,
            rule: 'any',
            status: 'approved',
            createdAt: at,
          }),
        );
      }
      if (sent?.to === 'review') {
        writes.push(
          db.insert(internalReviews).values({
            id: `${versionId}-review`,
            pieceId,
            versionId,
            discipline: 'design',
            dueAt: at,
            createdAt: at,
          }),
        );
      }
      return writes;
    },
    change: (
      clientId: string,
      kind: ChangeKind,
      requestedAt: string,
      doneAt: string | null,
      pieceId: string | null = null,
    ) =>
      db.insert(changeRequests).values({
        id: nextId('change'),
        clientId,
        pieceId,
        kind,
        summary: 'Mudança',
        requestedAt: agencyTime(requestedAt),
        dueAt: agencyTime(requestedAt),
        doneAt: doneAt ? agencyTime(doneAt) : null,
      }),
    task: (
      clientId: string,
      assigneeId: string,
      dueOn: string,
      done: { status: 'open' | 'accepted' | 'completed' | 'returned'; at: string },
    ) =>
      db.insert(taskRequests).values({
        id: nextId('task'),
        clientId,
        requesterId: assigneeId,
        requesterRole: 'cs',
        assigneeRole: 'paid_traffic',
        assigneeId,
        what: 'Tarefa',
        why: 'Porque sim',
        dueOn,
        status: done.status,
        createdAt: CREATED,
        updatedAt: agencyTime(done.at),
      }),
    /** A contact's answer (subject: a round id for a piece, else anything). */
    answer: (
      clientId: string,
      trigger: SurveyTrigger,
      subjectId: string,
      at: string,
      score: number,
    ) => {
      const id = nextId('survey');
      return db.insert(satisfactionSurveys).values({
        id,
        clientId,
        contactId: `${clientId}-contact`,
        trigger,
        subjectId,
        tokenHash: id,
        createdAt: CREATED,
        expiresAt: CREATED,
        answeredAt: agencyTime(at),
        score,
      });
    },
  };
}
