import type { TeamRole } from '../../../db/schema/index.ts';
import type { PartnerRole } from '../../policy/index.ts';
import { endOfDueDay, type Milestones, type PipelineStage } from '../deadlines/deadline-rules.ts';
import type { ScorecardRecords } from './read-scorecard-records.ts';
import {
  firstServiceStartsOn,
  type ScorecardAnswer,
  type ScorecardChange,
  type ScorecardClient,
  type ScorecardDeadline,
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

type Teams = Map<string, { userId: string; role: TeamRole }[]>;

/** Each client's team, by client; a row counts only while its person still holds the role. */
function teamsOf(rows: ScorecardRecords[3], partners: Map<string, ScorecardPartner>): Teams {
  const teams: Teams = new Map();
  for (const row of rows) {
    if (!partners.get(row.userId)?.roles.includes(row.role)) continue;
    const team = teams.get(row.clientId) ?? [];
    team.push({ userId: row.userId, role: row.role });
    teams.set(row.clientId, team);
  }
  return teams;
}

const membersIn = (teams: Teams, clientId: string, role: TeamRole) =>
  (teams.get(clientId) ?? []).filter((m) => m.role === role).map((m) => m.userId);

type ClientRows = {
  csUserId: string;
  serviceStartsOn: string | null;
  serviceEndsOn: string | null;
  milestones: Milestones;
};

/** The candidate clients, each with its milestones gathered from the joined rows. */
function clientsOf(rows: ScorecardRecords[1]): Map<string, ClientRows> {
  const found = new Map<string, ClientRows>();
  for (const row of rows) {
    let client = found.get(row.clientId);
    if (!client) {
      const { csUserId, serviceStartsOn, serviceEndsOn } = row;
      client = { csUserId, serviceStartsOn, serviceEndsOn, milestones: {} };
      found.set(row.clientId, client);
    }
    if (row.stage && row.occurredAt) client.milestones[row.stage as PipelineStage] = row.occurredAt;
  }
  return found;
}

/**
 * Each partner's records from the batch's rows, by who the README says they count for:
 * - a client's pipeline for its CS and its paid-traffic partners;
 * - a change tied to a piece for the piece's designer; else (or when the piece's project has
 *   no designer) a post for the client's design partners, a targeting or text change for its
 *   paid-traffic partners;
 * - a task for its assignee (due the end of its due day, done when completed: a completed
 *   task is never touched again, so its last update is its completion); a piece's due day for
 *   its designer, met when first sent on (to the internal review or the client);
 * - an answer for the client's CS and, about a piece, for its designer and its uploaders.
 * Only partners in `partners` get records; everything else in the rows is nobody's.
 */
export function recordsByPartner(
  records: ScorecardRecords,
  partners: ScorecardPartner[],
  timeZone: string,
): Map<string, PartnerRecords> {
  const [, clientRows, refunds, teamRows, changes, tasks, pieces, answers, uploaders] = records;
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
  const teams = teamsOf(teamRows, known);

  const refundOn = new Map(refunds.map((r) => [`${r.clientId} ${r.serviceStartsOn}`, r]));
  for (const [clientId, row] of clientsOf(clientRows)) {
    const startsOn = firstServiceStartsOn(row.milestones, row.serviceStartsOn, timeZone);
    const client: ScorecardClient = {
      milestones: row.milestones,
      serviceEndsOn: row.serviceEndsOn,
      firstServiceStartsOn: startsOn,
      firstServiceRefundOn: refundOn.get(`${clientId} ${startsOn}`)?.requestedOn ?? null,
    };
    give([row.csUserId, ...membersIn(teams, clientId, 'paid_traffic')], 'clients', client);
  }

  for (const change of changes) {
    const record: ScorecardChange = {
      kind: change.kind,
      requestedAt: change.requestedAt,
      doneAt: change.doneAt,
    };
    const team = change.kind === 'post' ? 'design' : 'paid_traffic';
    const people = change.designerId
      ? [change.designerId]
      : membersIn(teams, change.clientId, team);
    give(people, 'changes', record);
  }

  for (const task of tasks) {
    const record: ScorecardDeadline = {
      dueAt: endOfDueDay(task.dueOn, timeZone),
      doneAt: task.status === 'completed' ? task.updatedAt : null,
    };
    give([task.assigneeId], 'otherDeadlines', record);
  }

  for (const piece of pieces) {
    const sent = [piece.firstRoundAt, piece.firstReviewAt].filter((at) => at !== null);
    const record: ScorecardDeadline = {
      dueAt: endOfDueDay(piece.dueOn, timeZone),
      doneAt: sent.length ? new Date(Math.min(...sent.map(Number))) : null,
    };
    give([piece.designerId], 'otherDeadlines', record);
  }

  const uploadersOf = new Map<string, string[]>();
  for (const { pieceId, userId } of uploaders) {
    uploadersOf.set(pieceId, [...(uploadersOf.get(pieceId) ?? []), userId]);
  }
  for (const answer of answers) {
    const record: ScorecardAnswer = {
      answeredAt: new Date(Number(answer.answeredAt)),
      score: Number(answer.score),
    };
    const piecePeople = answer.pieceId
      ? [answer.designerId, ...(uploadersOf.get(answer.pieceId) ?? [])]
      : [];
    give([answer.csUserId, ...piecePeople], 'answers', record);
  }
  return byPartner;
}
