import type { ChangeKind } from '../../../db/schema/index.ts';
import {
  addDaysToIsoDate,
  clockTimeInZone,
  isBusinessDay,
  isoDateInZone,
  nextBusinessDay,
  type Policy,
  zonedTimeToInstant,
} from '../../policy/index.ts';

export type DeadlinePolicy = Pick<
  Policy,
  'newClientDeadlines' | 'businessHours' | 'holidays' | 'changeTurnaround' | 'deadlineUrgency'
> & {
  agency: Pick<Policy['agency'], 'timeZone'>;
};

/**
 * The stages of a new client, in order; each is recorded once, with who and when. A renewal is
 * not one of them: a client renews once per service (client_renewals, recordRenewal).
 */
export const PIPELINE_STAGES = [
  'paid',
  'contacted',
  'questionnaire_received',
  'strategy_agreed',
  'launched',
  'checked_in',
  'lost',
] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];
/**
 * A client's recorded stages, and `renewed`: when its CURRENT service (the one ending on its
 * service end) was renewed, if it was (a renewal row for that end: see withCurrentRenewal).
 */
export type Milestones = Partial<Record<PipelineStage | 'renewed', Date>>;

/**
 * What must happen by when; `done` once the stage that fulfils it is recorded. A `change` is
 * a change the client asked for, due by the change turnaround.
 */
export type Deadline = {
  kind: 'contact' | 'strategy' | 'launch' | 'checkIn' | 'renewal' | 'change';
  dueAt: Date;
  done: boolean;
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * When a newly paid client must be contacted: within the policy's minutes during business
 * hours on a business day; paid after the cutoff (20:00), before opening, or on a day off,
 * by the morning time (11:00) of the next business day (or the same day, before opening).
 */
export function contactDueAt(paidAt: Date, rules: DeadlinePolicy): Date {
  const { timeZone } = rules.agency;
  const d = rules.newClientDeadlines;
  const day = isoDateInZone(paidAt, timeZone);
  const time = clockTimeInZone(paidAt, timeZone);
  const businessDay = isBusinessDay(day, rules.holidays);
  if (businessDay && time >= rules.businessHours.opensAt && time < d.afterHoursCutoff) {
    return new Date(paidAt.getTime() + d.contactWithinMinutes * 60_000);
  }
  const morningOf =
    businessDay && time < rules.businessHours.opensAt
      ? day
      : nextBusinessDay(addDaysToIsoDate(day, 1), rules.holidays);
  return zonedTimeToInstant(morningOf, d.afterHoursContactBy, timeZone);
}

/** When a change the client asked for is due: a post, or targeting/text (policy hours). */
export function changeDueAt(requestedAt: Date, kind: ChangeKind, rules: DeadlinePolicy): Date {
  const hours =
    kind === 'post'
      ? rules.changeTurnaround.postHours
      : rules.changeTurnaround.targetingOrTextHours;
  return new Date(requestedAt.getTime() + hours * HOUR_MS);
}

/**
 * Every deadline a client's pipeline has reached so far, from its recorded stages and its
 * service end date (YYYY-MM-DD): a deadline exists once the stage that starts it happened.
 */
export function pipelineDeadlines(
  milestones: Milestones,
  serviceEndsOn: string | null,
  rules: DeadlinePolicy,
): Deadline[] {
  const d = rules.newClientDeadlines;
  const deadlines: Deadline[] = [];
  if (milestones.paid) {
    deadlines.push({
      kind: 'contact',
      dueAt: contactDueAt(milestones.paid, rules),
      done: Boolean(milestones.contacted),
    });
  }
  const received = milestones.questionnaire_received;
  if (received) {
    deadlines.push(
      {
        kind: 'strategy',
        dueAt: new Date(received.getTime() + d.strategyWithinHours * HOUR_MS),
        done: Boolean(milestones.strategy_agreed),
      },
      {
        kind: 'launch',
        dueAt: new Date(received.getTime() + d.launchWithinHours * HOUR_MS),
        done: Boolean(milestones.launched),
      },
    );
  }
  if (milestones.launched) {
    deadlines.push({
      kind: 'checkIn',
      dueAt: new Date(milestones.launched.getTime() + d.checkInDaysAfterLaunch * DAY_MS),
      done: Boolean(milestones.checked_in),
    });
  }
  if (serviceEndsOn && milestones.launched) {
    deadlines.push({
      kind: 'renewal',
      dueAt: renewalDueAt(serviceEndsOn, rules),
      done: Boolean(milestones.renewed || milestones.lost),
    });
  }
  return deadlines;
}

/** When the renewal contact of a service ending on `serviceEndsOn` is due: closing time, the policy's days before. */
export function renewalDueAt(serviceEndsOn: string, rules: DeadlinePolicy): Date {
  const contactOn = addDaysToIsoDate(
    serviceEndsOn,
    -rules.newClientDeadlines.renewalContactDaysBeforeEnd,
  );
  return zonedTimeToInstant(contactOn, rules.businessHours.closesAt, rules.agency.timeZone);
}

/** When a service ending on `serviceEndsOn` and not renewed by then makes its client lost. */
export function lostByDateAt(serviceEndsOn: string, rules: DeadlinePolicy): Date {
  const lostOn = addDaysToIsoDate(serviceEndsOn, rules.newClientDeadlines.lostDaysAfterEndUnpaid);
  return zonedTimeToInstant(lostOn, '00:00', rules.agency.timeZone);
}

/** The first deadline still open (the most overdue, or else the nearest), or null. */
export function nextDeadline(deadlines: Deadline[]): Deadline | null {
  return (
    deadlines
      .filter((deadline) => !deadline.done)
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0] ?? null
  );
}

/**
 * True once a client whose service ended has gone the policy's days without renewing: its
 * current service (a renewal moves the service end, so a client renewed once is lost again
 * when its new service ends unrenewed).
 */
export function isLost(
  milestones: Milestones,
  serviceEndsOn: string | null,
  rules: DeadlinePolicy,
  now: Date,
): boolean {
  if (milestones.lost) return true;
  if (!serviceEndsOn || milestones.renewed) return false;
  return now.getTime() >= lostByDateAt(serviceEndsOn, rules).getTime();
}

/** How pressing a deadline is at an instant: past due, due later today, soon, or later. */
export type Urgency = 'overdue' | 'today' | 'soon' | 'later';

/** What urgency needs of the policy: the agency's calendar and what counts as soon. */
export type UrgencyRules = { timeZone: string; soonWithinHours: number };

/** The urgency rules of a policy. */
export const urgencyRulesOf = (
  rules: { agency: Pick<Policy['agency'], 'timeZone'> } & Pick<Policy, 'deadlineUrgency'>,
): UrgencyRules => ({
  timeZone: rules.agency.timeZone,
  soonWithinHours: rules.deadlineUrgency.soonWithinHours,
});

/**
 * How pressing a deadline due at `dueAt` is at `now`: overdue from the instant it falls due;
 * today while it is still ahead on the same calendar day in the agency's time zone; soon
 * within the policy's soonWithinHours; later beyond.
 */
export function deadlineUrgency(dueAt: Date, now: Date, rules: UrgencyRules): Urgency {
  const { timeZone, soonWithinHours } = rules;
  const ahead = dueAt.getTime() - now.getTime();
  if (ahead <= 0) return 'overdue';
  // Further than a day (with a daylight-saving hour to spare) cannot be today: the two
  // calendar lookups, the costly part for a list of 200 clients, are skipped.
  const mayBeToday = ahead <= 25 * HOUR_MS;
  if (mayBeToday && isoDateInZone(dueAt, timeZone) === isoDateInZone(now, timeZone)) return 'today';
  return ahead <= soonWithinHours * HOUR_MS ? 'soon' : 'later';
}

/**
 * When a deadline kept as a calendar day (YYYY-MM-DD: a task's, a piece's) falls due: the
 * last instant of that day in the agency's time zone, so it is overdue only the day after.
 */
export function endOfDueDay(dueOn: string, timeZone: string): Date {
  return new Date(zonedTimeToInstant(addDaysToIsoDate(dueOn, 1), '00:00', timeZone).getTime() - 1);
}
