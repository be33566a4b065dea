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
  // Their roles in one order whatever the rows' (the pages list them).
  for (const partner of byId.values()) partner.roles.sort();
  return [...byId.values()].sort((a, b) =>
    a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name.localeCompare(b.name),
  );
}

type Instant = number | null;
const dateOf = (at: Instant) => (at === null ? null : new Date(at));

// The records of each read, as its comment in read-scorecard-records.ts spells them.
type ClientTuple = [
  id: string,
  csUserId: string,
  serviceStartsOn: string | null,
  serviceEndsOn: string | null,
  milestones: Record<string, number>,
  refunds: Record<string, string>,
];
type TeamTuple = [clientId: string, userId: string, role: TeamRole];
type ChangeTuple = [
  clientId: string,
  kind: ChangeKind,
  requestedAt: number,
  doneAt: Instant,
  designerId: string | null,
];
type DeadlineTuple = [personId: string, dueOn: string, doneAt: Instant];
type AnswerTuple = [
  csUserId: string,
  answeredAt: number,
  score: number,
  pieceId: string | null,
  designerId: string | null,
  uploaders: string[] | null,
];

/** A read's records: the JSON array in its one row. */
const tuplesOf = <Tuple>(rows: { records: string }[]) =>
  JSON.parse(rows[0]?.records ?? '[]') as Tuple[];

/**
 * Each client's team members by role, by client: a row counts only while its person still
 * holds the role (and is a scorecard partner).
 */
function teamsOf(rows: { records: string }[], partners: Map<string, ScorecardPartner>) {
  const teams = new Map<string, Partial<Record<TeamRole, string[]>>>();
  for (const [clientId, userId, role] of tuplesOf<TeamTuple>(rows)) {
    if (!partners.get(userId)?.roles.includes(role)) continue;
    const team = teams.get(clientId) ?? {};
    team[role] = [...(team[role] ?? []), userId];
    teams.set(clientId, team);
  }
  return (clientId: string, role: TeamRole) => teams.get(clientId)?.[role] ?? [];
}

function milestonesOf(json: Record<string, number>): Milestones {
  const milestones: Milestones = {};
  for (const [stage, at] of Object.entries(json)) milestones[stage as PipelineStage] = new Date(at);
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
  const [, clientRows, teamRows, changeRows, deadlineRows, answerRows] = records;
  const byPartner = new Map(partners.map((p) => [p.id, noRecords()]));
  const give = <K extends keyof PartnerRecords>(
    people: readonly (string | null)[],
    kind: K,
    record: PartnerRecords[K][number],
  ) => {
    const once = people.length > 1 ? new Set(people) : people;
    for (const id of once) {
      if (id) (byPartner.get(id)?.[kind] as PartnerRecords[K][number][] | undefined)?.push(record);
    }
  };
  const membersIn = teamsOf(teamRows, new Map(partners.map((p) => [p.id, p])));
  // Tasks and pieces share their due days: each day's end is computed once.
  const dayEnds = new Map<string, Date>();
  const dueAtEndOf = (dueOn: string) => {
    const found = dayEnds.get(dueOn) ?? endOfDueDay(dueOn, timeZone);
    dayEnds.set(dueOn, found);
    return found;
  };

  for (const [
    id,
    csUserId,
    serviceStartsOn,
    serviceEndsOn,
    stages,
    refunds,
  ] of tuplesOf<ClientTuple>(clientRows)) {
    const milestones = milestonesOf(stages);
    const startsOn = firstServiceStartsOn(milestones, serviceStartsOn, timeZone);
    const client: ScorecardClient = {
      milestones,
      serviceEndsOn,
      firstServiceStartsOn: startsOn,
      firstServiceRefundOn: (startsOn && refunds[startsOn]) || null,
    };
    give([csUserId, ...membersIn(id, 'paid_traffic')], 'clients', client);
  }

  for (const [clientId, kind, requestedAt, doneAt, designerId] of tuplesOf<ChangeTuple>(
    changeRows,
  )) {
    const record: ScorecardChange = {
      kind,
      requestedAt: new Date(requestedAt),
      doneAt: dateOf(doneAt),
    };
    const people = designerId
      ? [designerId]
      : membersIn(clientId, kind === 'post' ? 'design' : 'paid_traffic');
    give(people, 'changes', record);
  }

  for (const [personId, dueOn, doneAt] of tuplesOf<DeadlineTuple>(deadlineRows)) {
    give([personId], 'otherDeadlines', { dueAt: dueAtEndOf(dueOn), doneAt: dateOf(doneAt) });
  }

  for (const [csUserId, answeredAt, score, pieceId, designerId, uploaders] of tuplesOf<AnswerTuple>(
    answerRows,
  )) {
    const record: ScorecardAnswer = { answeredAt: new Date(answeredAt), score };
    const piecePeople = pieceId ? [designerId, ...(uploaders ?? [])] : [];
    give([csUserId, ...piecePeople], 'answers', record);
  }
  return byPartner;
}
