import type { ChangeKind } from '../../../db/schema/index.ts';
import {
  addDaysToIsoDate,
  addMonths,
  isoDateInZone,
  type Policy,
  zonedTimeToInstant,
} from '../../policy/index.ts';
import {
  changeDueAt,
  type Deadline,
  type DeadlinePolicy,
  type Milestones,
  pipelineDeadlines,
  renewalDueAt,
} from '../deadlines/deadline-rules.ts';
import { isEarlyRefund } from '../refunds/refund-rules.ts';
import { beforeItCounts, type CountsFrom } from './counts-from.ts';
import { firstMonthEndsOn } from './first-service.ts';
import { lossesOf } from './scorecard-losses.ts';

export type ScorecardPolicy = DeadlinePolicy & Pick<Policy, 'refunds' | 'satisfaction'>;

/**
 * A renewal of a client's service: the end it renewed, when it was recorded, and whether it
 * was carried over from the old one-per-client stage (isCarriedRenewal).
 */
export type ScorecardRenewal = { serviceEndsOn: string; renewedAt: Date; carried: boolean };

/**
 * One client the partner works for, as recorded: its pipeline (`renewed`: its current service
 * renewed), its current service's end, its renewals (every renewed service), and its first
 * service (the client's first month and first days are those of its first service, not of a
 * renewed one: see firstServiceStartsOn) with the day it asked that service's refund.
 */
export type ScorecardClient = {
  milestones: Milestones;
  serviceEndsOn: string | null;
  renewals: readonly ScorecardRenewal[];
  firstServiceStartsOn: string | null;
  firstServiceRefundOn: string | null;
} & CountsFrom;
/** A change a client asked for, and when it was done (null: not yet). */
export type ScorecardChange = { kind: ChangeKind; requestedAt: Date; doneAt: Date | null };
/** Any other deadline the partner had (a task's, a piece's), and when it was met. */
export type ScorecardDeadline = { dueAt: Date; doneAt: Date | null };
export type ScorecardAnswer = { answeredAt: Date; score: number };

/** Everything Ponte recorded for one partner that a month's scorecard is counted from. */
export type ScorecardInput = {
  month: string;
  clients: ScorecardClient[];
  changes: ScorecardChange[];
  otherDeadlines: ScorecardDeadline[];
  answers: ScorecardAnswer[];
};

/** Deadlines falling due in the month: met in time, missed, or still ahead (month so far). */
export type Tally = { onTime: number; missed: number; ahead: number };

export type ScorecardCounts = {
  firstContacts: Tally;
  launches: Tally;
  changes: Tally;
  renewals: number;
  lostAfterFirstMonth: number;
  refundsInFirstDays: number;
  noRefundInFirstDays: number;
  // Clients whose first days end in the month but have not ended yet.
  refundWindowsOpen: number;
  satisfaction: { answers: number; average: number | null; low: number };
  deadlinesMissed: number;
};

/** A month's counts, `complete` once it is over; `asOf` is the month's end or now. */
export type MonthCounts = { month: string; complete: boolean; asOf: Date; counts: ScorecardCounts };

// The stage that meets each pipeline deadline (the renewal is met by either answer).
const MET_BY: Record<Deadline['kind'], (keyof Milestones)[]> = {
  contact: ['contacted'],
  strategy: ['strategy_agreed'],
  launch: ['launched'],
  checkIn: ['checked_in'],
  renewal: ['renewed', 'lost'],
  change: [],
};

type Window = { month: string; start: Date; end: Date; asOf: Date };
// Compared as numbers, like judgeDeadline: a Date's `<` converts both sides first.
const within = (at: Date, w: Window, from?: Date) => {
  const ms = at.getTime();
  return (
    ms >= w.start.getTime() &&
    ms < w.end.getTime() &&
    ms <= w.asOf.getTime() &&
    !beforeItCounts(at, from)
  );
};

/** The month's first and last instants in the agency's time zone (the end excluded). */
export function monthWindow(month: string, timeZone: string): { start: Date; end: Date } {
  return {
    start: zonedTimeToInstant(`${month}-01`, '00:00', timeZone),
    end: zonedTimeToInstant(`${addMonths(month, 1)}-01`, '00:00', timeZone),
  };
}

type Verdict = keyof Tally;

/**
 * A deadline due in the month: met when done at or before its instant (72 hours to the
 * millisecond is in time); missed once past due undone, or done late; otherwise ahead.
 * Null when it falls due in another month.
 */
export function judgeDeadline(dueAt: Date, doneAt: Date | null, w: Window): Verdict | null {
  // Compared as numbers: a Date's `<` converts both sides first (thousands per scorecard).
  const due = dueAt.getTime();
  if (due < w.start.getTime() || due >= w.end.getTime()) return null;
  if (doneAt && doneAt.getTime() <= due) return 'onTime';
  if (doneAt || w.asOf.getTime() >= due) return 'missed';
  return 'ahead';
}

const emptyTally = (): Tally => ({ onTime: 0, missed: 0, ahead: 0 });

/** Judges a deadline into its tally (if any); a missed one also counts among the missed. */
function tallyDeadline(
  counts: ScorecardCounts,
  tally: Tally | null,
  dueAt: Date,
  doneAt: Date | null,
  w: Window,
): void {
  const verdict = judgeDeadline(dueAt, doneAt, w);
  if (!verdict) return;
  if (tally) tally[verdict] += 1;
  if (verdict === 'missed') counts.deadlinesMissed += 1;
}

/** When the stage that meets a pipeline deadline was recorded (the earliest, for a renewal). */
function metAt(milestones: Milestones, kind: Deadline['kind']): Date | null {
  let first: Date | null = null;
  for (const stage of MET_BY[kind]) {
    const at = milestones[stage];
    if (at && (first === null || at.getTime() < first.getTime())) first = at;
  }
  return first;
}

// Whether a loss came once the client's first month was over (worked out for a loss only).
const afterFirstMonth = (lost: Date, serviceStartsOn: string, timeZone: string) =>
  lost >= zonedTimeToInstant(firstMonthEndsOn(serviceStartsOn), '00:00', timeZone);

/** Adds what one client counts for in the month (its pipeline, renewal, loss, first days). */
function countClient(
  client: ScorecardClient,
  counts: ScorecardCounts,
  w: Window,
  rules: ScorecardPolicy,
): void {
  const { milestones, firstServiceStartsOn: serviceStartsOn } = client;
  const { timeZone } = rules.agency;
  for (const deadline of pipelineDeadlines(milestones, client.serviceEndsOn, rules)) {
    const tally =
      deadline.kind === 'contact'
        ? counts.firstContacts
        : deadline.kind === 'launch'
          ? counts.launches
          : null;
    if (beforeItCounts(deadline.dueAt, client.countsFrom)) continue;
    tallyDeadline(counts, tally, deadline.dueAt, metAt(milestones, deadline.kind), w);
  }
  // Each renewal counts in the month it was recorded; a renewed service's renewal contact
  // (the current service's is the pipeline's) was met when it was renewed.
  for (const renewal of client.renewals) {
    if (within(renewal.renewedAt, w, client.countsFrom)) counts.renewals += 1;
    if (renewal.carried || renewal.serviceEndsOn === client.serviceEndsOn) continue;
    if (!milestones.launched) continue;
    const dueAt = renewalDueAt(renewal.serviceEndsOn, rules);
    if (!beforeItCounts(dueAt, client.countsFrom)) {
      tallyDeadline(counts, null, dueAt, renewal.renewedAt, w);
    }
  }
  if (!serviceStartsOn) return;
  for (const lost of lossesOf(client, rules, w.asOf)) {
    if (within(lost, w, client.countsFrom) && afterFirstMonth(lost, serviceStartsOn, timeZone)) {
      counts.lostAfterFirstMonth += 1;
    }
  }
  // A client's first days are judged in the month their last day falls in.
  const lastEarlyDay = addDaysToIsoDate(serviceStartsOn, rules.refunds.earlyWithinDays - 1);
  if (lastEarlyDay.slice(0, 7) !== w.month) return;
  if (client.countsFrom && isoDateInZone(client.countsFrom, timeZone) > lastEarlyDay) return;
  const today = isoDateInZone(w.asOf, timeZone);
  const asked = client.firstServiceRefundOn;
  if (asked !== null && asked <= today && isEarlyRefund(serviceStartsOn, asked, rules)) {
    counts.refundsInFirstDays += 1;
  } else if (today > lastEarlyDay) counts.noRefundInFirstDays += 1;
  else counts.refundWindowsOpen += 1;
}

/** A month with nothing in it: where counting starts (and a partner with no work). */
export function emptyCounts(): ScorecardCounts {
  return {
    firstContacts: emptyTally(),
    launches: emptyTally(),
    changes: emptyTally(),
    renewals: 0,
    lostAfterFirstMonth: 0,
    refundsInFirstDays: 0,
    noRefundInFirstDays: 0,
    refundWindowsOpen: 0,
    satisfaction: { answers: 0, average: null, low: 0 },
    deadlinesMissed: 0,
  };
}

/**
 * One partner's counts for a month from what Ponte recorded, at `now`: deadlines by the
 * month they fall due in, renewals and losses by the month they happened in, a client's
 * first days by the month they end in. The current month is counted so far.
 */
export function countMonth(input: ScorecardInput, rules: ScorecardPolicy, now: Date): MonthCounts {
  return monthCounter(input.month, rules, now)(input);
}

/** Adds a client's counts (countClient's: no changes, no answers) to a partner's month. */
function addClientCounts(counts: ScorecardCounts, client: ScorecardCounts): void {
  for (const key of ['firstContacts', 'launches'] as const) {
    counts[key].onTime += client[key].onTime;
    counts[key].missed += client[key].missed;
    counts[key].ahead += client[key].ahead;
  }
  counts.renewals += client.renewals;
  counts.lostAfterFirstMonth += client.lostAfterFirstMonth;
  counts.refundsInFirstDays += client.refundsInFirstDays;
  counts.noRefundInFirstDays += client.noRefundInFirstDays;
  counts.refundWindowsOpen += client.refundWindowsOpen;
  counts.deadlinesMissed += client.deadlinesMissed;
}

/**
 * countMonth for many partners' inputs of one month: the window is worked out once, and a
 * client record shared by several inputs (its CS's and its paid-traffic partners') is counted
 * once, its counts added to each (a client counts the same whoever it counts for).
 */
export function monthCounter(
  month: string,
  rules: ScorecardPolicy,
  now: Date,
): (input: Omit<ScorecardInput, 'month'>) => MonthCounts {
  const { start, end } = monthWindow(month, rules.agency.timeZone);
  const complete = now >= end;
  const w: Window = { month, start, end, asOf: complete ? end : now };
  const counted = new Map<ScorecardClient, ScorecardCounts>();
  const countedClient = (client: ScorecardClient) => {
    let found = counted.get(client);
    if (!found) {
      found = emptyCounts();
      countClient(client, found, w, rules);
      counted.set(client, found);
    }
    return found;
  };
  return (input) => {
    const counts = emptyCounts();
    for (const client of input.clients) addClientCounts(counts, countedClient(client));
    for (const change of input.changes) {
      const dueAt = changeDueAt(change.requestedAt, change.kind, rules);
      tallyDeadline(counts, counts.changes, dueAt, change.doneAt, w);
    }
    for (const other of input.otherDeadlines) {
      tallyDeadline(counts, null, other.dueAt, other.doneAt, w);
    }
    const scores = input.answers.filter((a) => within(a.answeredAt, w)).map((a) => a.score);
    counts.satisfaction = {
      answers: scores.length,
      average: scores.length ? scores.reduce((sum, s) => sum + s, 0) / scores.length : null,
      low: scores.filter((s) => s <= rules.satisfaction.lowScoreAtMost).length,
    };
    return { month, complete, asOf: w.asOf, counts };
  };
}
