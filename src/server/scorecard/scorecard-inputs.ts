import type { ChangeKind, PieceDiscipline, TeamRole } from '../../../db/schema/index.ts';
import { isoDateInZone, type PartnerRole } from '../../policy/index.ts';
import { endOfDueDay, type Milestones, type PipelineStage } from '../deadlines/deadline-rules.ts';
import { isCarriedRenewal } from '../renewals/renewal-rules.ts';
import { firstServiceOf } from './first-service.ts';
import type { ScorecardRecords } from './read-scorecard-records.ts';
import type {
  ScorecardAnswer,
  ScorecardChange,
  ScorecardClient,
  ScorecardInput,
  ScorecardRenewal,
} from './scorecard-rules.ts';

/** A partner the scorecard is kept for: a person holding a scorecard role (active or not). */
export type ScorecardPartner = { id: string; name: string; roles: PartnerRole[]; active: boolean };

/**
 * One partner's records, for every month of the range (countMonth keeps each month's), and
 * among their clients those they are only the CS of (not on the team as paid traffic): these
 * count in their figures but not in their money lines (see paidScorecardOf).
 */
export type PartnerRecords = RecordLists & { csOnly: Set<ScorecardClient> };
type RecordLists = Omit<ScorecardInput, 'month'>;

const noRecords = (): PartnerRecords => ({
  clients: [],
  changes: [],
  otherDeadlines: [],
  answers: [],
  csOnly: new Set(),
});

/** The partners in the rows, by name (then id, so the order never depends on the rows'). */
export function partnersOf(rows: ScorecardRecords[0]): ScorecardPartner[] {
  const byId = new Map<string, ScorecardPartner>();
  for (const row of rows) {
    const partner = byId.get(row.id) ?? {
      id: row.id,
      name: row.name,
      roles: [],
      active: Boolean(row.active),
    };
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
  renewals: [serviceEndsOn: string, renewedAt: number, renewedUntil: string][],
  team: [userId: string, role: TeamRole, addedAt: number][],
];
type TeamTuple = [clientId: string, userId: string, role: TeamRole, addedAt: number];
type ChangeTuple = [
  clientId: string,
  kind: ChangeKind,
  requestedAt: number,
  doneAt: Instant,
  designerId: string | null,
  discipline: PieceDiscipline | null,
];
type DeadlineTuple = [
  personId: string | null,
  dueOn: string,
  doneAt: Instant,
  returnedAt: Instant,
  trafficClientId: string | null,
];
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

/** A client's team member in a role, and since when (their records count from then on). */
type Member = { id: string; since: Date };

/**
 * Each client's team members by role, by client, from the candidate clients' own teams and the
 * other clients' rows (a client in both is taken from its own): a row counts only while its
 * person still holds the role (and is a scorecard partner).
 */
function teamsOf(
  clientTuples: ClientTuple[],
  rows: { records: string }[],
  partners: Map<string, ScorecardPartner>,
) {
  const teams = new Map<string, Partial<Record<TeamRole, Member[]>>>();
  const add = (clientId: string, userId: string, role: TeamRole, addedAt: number) => {
    if (!partners.get(userId)?.roles.includes(role)) return;
    const team = teams.get(clientId) ?? {};
    team[role] = [...(team[role] ?? []), { id: userId, since: new Date(addedAt) }];
    teams.set(clientId, team);
  };
  const ownTeams = new Set<string>();
  for (const [clientId, , , , , , , team] of clientTuples) {
    ownTeams.add(clientId);
    for (const [userId, role, addedAt] of team) add(clientId, userId, role, addedAt);
  }
  for (const [clientId, userId, role, addedAt] of tuplesOf<TeamTuple>(rows)) {
    if (!ownTeams.has(clientId)) add(clientId, userId, role, addedAt);
  }
  return (clientId: string, role: TeamRole) => teams.get(clientId)?.[role] ?? [];
}

/** A client's stages, with `renewed` when its current service (ending on `serviceEndsOn`) was. */
function milestonesOf(
  json: Record<string, number>,
  renewals: ScorecardRenewal[],
  serviceEndsOn: string | null,
): Milestones {
  const milestones: Milestones = {};
  for (const stage in json) milestones[stage as PipelineStage] = new Date(json[stage] as number);
  for (const renewal of renewals) {
    if (renewal.carried && renewal.serviceEndsOn === serviceEndsOn) {
      milestones.renewed = renewal.renewedAt;
    }
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
  const [, clientRows, teamRows, changeRows, deadlineRows, answerRows] = records;
  const byPartner = new Map(partners.map((p) => [p.id, noRecords()]));
  const giveTo = <K extends keyof RecordLists>(
    id: string | null,
    kind: K,
    record: RecordLists[K][number],
  ) => {
    if (id) (byPartner.get(id)?.[kind] as RecordLists[K][number][] | undefined)?.push(record);
  };
  // To several people, each once (a piece's designer may also have uploaded its versions).
  const give = <K extends keyof RecordLists>(
    people: readonly (string | null)[],
    kind: K,
    record: RecordLists[K][number],
  ) => {
    for (const id of new Set(people)) giveTo(id, kind, record);
  };
  const clientTuples = tuplesOf<ClientTuple>(clientRows);
  const membersIn = teamsOf(clientTuples, teamRows, new Map(partners.map((p) => [p.id, p])));
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
    renewalTuples,
  ] of clientTuples) {
    const renewals = renewalTuples.map(([endsOn, at, until]) => ({
      serviceEndsOn: endsOn,
      renewedAt: new Date(at),
      carried: isCarriedRenewal({ serviceEndsOn: endsOn, renewedUntil: until }),
    }));
    const milestones = milestonesOf(stages, renewals, serviceEndsOn);
    const earliestRenewal = renewals.reduce<Date | null>(
      (min, r) => (min === null || r.renewedAt < min ? r.renewedAt : min),
      null,
    );
    const first = firstServiceOf(milestones, serviceStartsOn, refunds, timeZone, earliestRenewal);
    const client: ScorecardClient = {
      milestones,
      serviceEndsOn,
      renewals,
      firstServiceStartsOn: first.startsOn,
      firstServiceRefundOn: first.refundOn,
    };
    giveTo(csUserId, 'clients', client);
    const paidTraffic = membersIn(id, 'paid_traffic');
    if (!paidTraffic.some((member) => member.id === csUserId)) {
      byPartner.get(csUserId)?.csOnly.add(client);
    }
    // A team member counts the client's records dated from when they joined its team; one
    // there before the client's first record shares the CS's (a client is counted once).
    const firstRecordAt = Math.min(
      ...Object.values(stages),
      earliestRenewal?.getTime() ?? Number.POSITIVE_INFINITY,
    );
    for (const member of paidTraffic) {
      if (member.id === csUserId) continue;
      const before =
        member.since.getTime() <= firstRecordAt &&
        (!first.startsOn || isoDateInZone(member.since, timeZone) < first.startsOn);
      giveTo(member.id, 'clients', before ? client : { ...client, countsFrom: member.since });
    }
  }

  for (const [clientId, kind, requestedAt, doneAt, designerId, discipline] of tuplesOf<ChangeTuple>(
    changeRows,
  )) {
    const record: ScorecardChange = {
      kind,
      requestedAt: new Date(requestedAt),
      doneAt: dateOf(doneAt),
    };
    // A design piece's change is its designer's; a traffic piece's, its paid-traffic team's.
    if (designerId && discipline === 'design') giveTo(designerId, 'changes', record);
    else {
      const role = discipline === 'traffic' || kind !== 'post' ? 'paid_traffic' : 'design';
      // Asked before a member joined the team: not theirs.
      for (const member of membersIn(clientId, role)) {
        if (requestedAt >= member.since.getTime()) giveTo(member.id, 'changes', record);
      }
    }
  }

  for (const [personId, dueOn, doneAt, returnedAt, trafficClientId] of tuplesOf<DeadlineTuple>(
    deadlineRows,
  )) {
    const dueAt = dueAtEndOf(dueOn);
    // A task given back in time was not its assignee's to miss; given back late, it was missed.
    if (returnedAt !== null && returnedAt <= dueAt.getTime()) continue;
    const deadline = { dueAt, doneAt: dateOf(doneAt) };
    giveTo(personId, 'otherDeadlines', deadline);
    for (const member of trafficClientId ? membersIn(trafficClientId, 'paid_traffic') : []) {
      if (dueAt.getTime() >= member.since.getTime()) giveTo(member.id, 'otherDeadlines', deadline);
    }
  }

  for (const [csUserId, answeredAt, score, pieceId, designerId, uploaders] of tuplesOf<AnswerTuple>(
    answerRows,
  )) {
    const record: ScorecardAnswer = { answeredAt: new Date(answeredAt), score };
    if (pieceId) give([csUserId, designerId, ...(uploaders ?? [])], 'answers', record);
    else giveTo(csUserId, 'answers', record);
  }
  return byPartner;
}
