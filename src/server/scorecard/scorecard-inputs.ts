import type { ChangeKind, TeamRole } from '../../../db/schema/index.ts';
import type { PartnerRole } from '../../policy/index.ts';
import { endOfDueDay, type Milestones, type PipelineStage } from '../deadlines/deadline-rules.ts';
import type { ScorecardRecords } from './read-scorecard-records.ts';
import {
  firstServiceStartsOn,
  type ScorecardAnswer,
  type ScorecardChange,
  type ScorecardClient,
  type ScorecardInput,
} from './scorecard-rules.ts';

/** A partner the scorecard is kept for: an active person holding a scorecard role. */
export type ScorecardPartner = { id: string; name: string; roles: PartnerRole[] };

/** One partner's records, for every month of the range (countMonth keeps each month's). */
export type PartnerRecords = Omit<ScorecardInput, 'month'>;

const noRecords = (): PartnerRecords => ({
  clients: [],
  changes: [],
  otherDeadlines: [],
  answers: [],
});

/** The partners in the rows, by name (then id, so the order never depends on the rows'). */
export function partnersOf(rows: ScorecardRecords[0]): ScorecardPartner[] {
  const byId = new Map<string, ScorecardPartner>();
  for (const row of rows) {
    const partner = byId.get(row.id) ?? { id: row.id, name: row.name, roles: [] };
    partner.roles.push(row.role as PartnerRole);
    byId.set(row.id, partner);
  }
  return [...byId.values()].sort((a, b) =>
    a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name.localeCompare(b.name),
  );
}

type TeamRows = [userId: string, role: TeamRole][];

/** A client's team members in a role, while they still hold it (a row counts only then). */
function membersIn(
  team: TeamRows,
  role: TeamRole,
  partners: Map<string, ScorecardPartner>,
): string[] {
  return team
    .filter(([userId, r]) => r === role && partners.get(userId)?.roles.includes(role))
    .map(([userId]) => userId);
}

type Instant = number | null;
const dateOf = (at: Instant) => (at === null ? null : new Date(at));

/** A client's milestones from their JSON (`{stage: ms}`). */
function milestonesOf(json: string): Milestones {
  const milestones: Milestones = {};
  for (const [stage, at] of Object.entries(JSON.parse(json) as Record<string, number>)) {
    milestones[stage as PipelineStage] = new Date(at);
  }
  return milestones;
}

/**
 * Each partner's records from the batch's rows, by who the README says they count for:
 * - a client's pipeline for its CS and its paid-traffic partners;
 * - a change tied to a piece for the piece's designer; else (or when the piece's project has
 *   no designer) a post for the client's design partners, a targeting or text change for its
 *   paid-traffic partners;
 * - a task for its assignee (due the end of its due day, done when completed); a piece's due
 *   day for its designer, met when first sent on (to the internal review or the client);
 * - an answer for the client's CS and, about a piece, for its designer and its uploaders.
 * Only partners in `partners` get records; everything else in the rows is nobody's.
 */
export function recordsByPartner(
  records: ScorecardRecords,
  partners: ScorecardPartner[],
  timeZone: string,
): Map<string, PartnerRecords> {
  const [, clientRows, changeRows, deadlineRows, answerRows] = records;
  const known = new Map(partners.map((p) => [p.id, p]));
  const byPartner = new Map(partners.map((p) => [p.id, noRecords()]));
  const give = <K extends keyof PartnerRecords>(
    people: Iterable<string | null>,
    kind: K,
    record: PartnerRecords[K][number],
  ) => {
    for (const id of new Set(people)) {
      if (id) (byPartner.get(id)?.[kind] as PartnerRecords[K][number][] | undefined)?.push(record);
    }
  };
  // Tasks and pieces share their due days: each day's end is computed once.
  const dayEnds = new Map<string, Date>();
  const dueAtEndOf = (dueOn: string) => {
    const found = dayEnds.get(dueOn) ?? endOfDueDay(dueOn, timeZone);
    dayEnds.set(dueOn, found);
    return found;
  };

  for (const row of clientRows) {
    const milestones = milestonesOf(row.milestones);
    const startsOn = firstServiceStartsOn(milestones, row.serviceStartsOn, timeZone);
    const refunds = JSON.parse(row.refunds) as Record<string, string>;
    const client: ScorecardClient = {
      milestones,
      serviceEndsOn: row.serviceEndsOn,
      firstServiceStartsOn: startsOn,
      firstServiceRefundOn: (startsOn && refunds[startsOn]) || null,
    };
    const team = JSON.parse(row.team) as TeamRows;
    give([row.csUserId, ...membersIn(team, 'paid_traffic', known)], 'clients', client);
  }

  for (const row of changeRows) {
    const team = row.team ? (JSON.parse(row.team) as TeamRows) : [];
    const changes = JSON.parse(row.changes) as [ChangeKind, number, Instant][];
    for (const [kind, requestedAt, doneAt] of changes) {
      const record: ScorecardChange = {
        kind,
        requestedAt: new Date(requestedAt),
        doneAt: dateOf(doneAt),
      };
      const people = row.designerId
        ? [row.designerId]
        : membersIn(team, kind === 'post' ? 'design' : 'paid_traffic', known);
      give(people, 'changes', record);
    }
  }

  for (const row of deadlineRows) {
    for (const [dueOn, doneAt] of JSON.parse(row.deadlines) as [string, Instant][]) {
      const record = { dueAt: dueAtEndOf(dueOn), doneAt: dateOf(doneAt) };
      give([row.personId], 'otherDeadlines', record);
    }
  }

  type AnswerJson = [number, number, string | null, string | null, string[] | null];
  for (const row of answerRows) {
    for (const [answeredAt, score, pieceId, designerId, uploaders] of JSON.parse(
      row.answers,
    ) as AnswerJson[]) {
      const record: ScorecardAnswer = { answeredAt: new Date(answeredAt), score };
      const piecePeople = pieceId ? [designerId, ...(uploaders ?? [])] : [];
      give([row.csUserId, ...piecePeople], 'answers', record);
    }
  }
  return byPartner;
}
