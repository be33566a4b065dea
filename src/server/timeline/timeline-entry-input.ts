import { z } from 'zod';
import {
  TIMELINE_ENTRY_KINDS,
  TIMELINE_VISIBILITIES,
  type TimelineEntryKind,
} from '../../../db/schema/timeline.ts';
import { PARTNER_ROLES, type PartnerRole, type Policy } from '../../policy/index.ts';
import { checkbox, isRealDate, oneOrMany } from '../forms/input-fields.ts';
import { parseAmountToMinor } from '../invoices/amount.ts';
import { isTimelinePeriod } from './timeline-period.ts';
import {
  latestReportablePeriod,
  mayAskAcknowledgement,
  reportPeriodProblem,
} from './timeline-rules.ts';

type TimelineRules = Pick<Policy, 'timeline'>;

/** An action item of minutes as typed: what, for whom (a role, or a person of the team in it), by when. */
export type ActionItemInput = {
  what: string;
  role: PartnerRole;
  assigneeId: string | null;
  dueOn: string;
};

/** The post of an entry form: the entry, and the new id or the revision it was opened with. */
export type TimelineEntryPost = {
  newId: string | null;
  revision: number | null;
  draft: TimelineEntryDraft;
};

/** An entry's fields as posted and checked, before the server resolves names and writes it. */
export type TimelineEntryDraft = {
  kind: TimelineEntryKind;
  title: string;
  visibility: (typeof TIMELINE_VISIBILITIES)[number];
  // The day the entry is about; null: today (a report or a note written now).
  occurredOn: string | null;
  period: string | null;
  asksAcknowledgement: boolean;
  contactIds: string[];
  // The kind's own text fields (summary, discussed, decided…), only those the kind has.
  fields: Record<string, string | number | null>;
  agencyPeople: string[];
  contactParticipants: string[];
  otherParticipants: string[];
  actionItems: ActionItemInput[];
};

// Each kind's own fields: required ones, then optional ones (the rest are dropped).
const KIND_FIELDS: Record<TimelineEntryKind, { required: string[]; optional: string[] }> = {
  monthly_report: { required: ['period', 'summary'], optional: ['link'] },
  minutes: { required: ['occurredOn', 'discussed'], optional: ['decisions'] },
  decision: { required: ['occurredOn', 'decided'], optional: ['context'] },
  media_payment: { required: ['dueOn', 'amount'], optional: [] },
  note: { required: ['text'], optional: ['occurredOn'] },
};

/** The kinds whose date is a day already past or today: a meeting held, a decision taken. */
const PAST_DATED: readonly TimelineEntryKind[] = ['minutes', 'decision'];

// Blank action rows a form may post beside the typed ones (they are dropped): the rows of
// each action field are bounded by the policy's items and these, never unbounded.
const BLANK_ACTION_ROWS = 5;
const actionRows = (limits: TimelineRules['timeline']) => limits.maxActionItems + BLANK_ACTION_ROWS;
const isHttpsLink = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && !url.username && !url.password;
  } catch {
    return false;
  }
};

const text = (max: number) =>
  z
    .string()
    .default('')
    .transform((value) => value.trim())
    .pipe(z.string().max(max));

/** One assignee as the form names it: a role ("design"), or a person in it ("design:<id>"). */
function parseAssignee(value: string): { role: PartnerRole; assigneeId: string | null } | null {
  const [role, id] = value.split(':', 2);
  if (!PARTNER_ROLES.includes(role as PartnerRole)) return null;
  return { role: role as PartnerRole, assigneeId: id ? id : null };
}

/**
 * The entry form's fields, the same for a plain form and JSON: the common ones, then every
 * kind's own, of which the posted kind's are checked and kept. `today` (YYYY-MM-DD, agency
 * time) decides what lies in the future.
 */
export function timelineEntryInput(rules: TimelineRules, today: string) {
  const limits = rules.timeline;
  return entryFields(rules)
    .superRefine((input, ctx) => {
      const problem = (path: (string | number)[], messageKey: string, messageParams = {}) =>
        ctx.addIssue({ code: 'custom', path, params: { messageKey, messageParams } });
      checkKindFields(input, today, rules, problem);
      if (input.kind === 'minutes') checkActionItems(input, problem, limits.maxActionItems);
    })
    .transform(
      (input): TimelineEntryPost => ({
        newId: input.newId ?? null,
        revision: input.revision ?? null,
        draft: draftOf(input),
      }),
    );
}

/** Every field the entry form may post, each within the policy's limits. */
function entryFields(rules: TimelineRules) {
  const limits = rules.timeline;
  return z.object({
    // A new entry carries the id its form was opened with (a double click saves it once);
    // an edit, the revision it was opened at (a second tab's save is refused against it).
    newId: z
      .string()
      .regex(/^[A-Za-z0-9-]{8,64}$/)
      .optional(),
    revision: z.coerce.number().int().positive().optional(),
    kind: z.enum(TIMELINE_ENTRY_KINDS),
    title: z.string().trim().min(1).max(limits.maxTitleChars),
    visibility: z.enum(TIMELINE_VISIBILITIES),
    contactIds: oneOrMany(z.string().min(1).max(100)).pipe(z.array(z.string()).max(50)),
    asksAcknowledgement: checkbox,
    occurredOn: text(10),
    period: text(7),
    dueOn: text(10),
    amount: text(30),
    link: text(500),
    summary: text(limits.maxLongTextChars),
    discussed: text(limits.maxLongTextChars),
    decisions: text(limits.maxLongTextChars),
    decided: text(limits.maxLongTextChars),
    context: text(limits.maxLongTextChars),
    text: text(limits.maxLongTextChars),
    agencyPeople: oneOrMany(z.string().max(100)).pipe(
      z.array(z.string()).max(limits.maxParticipants),
    ),
    contactParticipants: oneOrMany(z.string().max(100)).pipe(
      z.array(z.string()).max(limits.maxParticipants),
    ),
    otherParticipants: text(limits.maxShortTextChars * limits.maxParticipants),
    actionWhat: oneOrMany(text(limits.maxShortTextChars)).pipe(
      z.array(z.string()).max(actionRows(limits)),
    ),
    actionAssignee: oneOrMany(z.string().max(140)).pipe(
      z.array(z.string()).max(actionRows(limits)),
    ),
    actionDue: oneOrMany(z.string().max(10)).pipe(z.array(z.string()).max(actionRows(limits))),
  });
}

type CheckedInput = z.infer<ReturnType<typeof entryFields>>;
type Problem = (path: (string | number)[], messageKey: string, messageParams?: object) => void;

/** The posted kind's required fields, its dates, its month and what it may ask. */
function checkKindFields(
  input: CheckedInput,
  today: string,
  rules: TimelineRules,
  problem: Problem,
) {
  const own = KIND_FIELDS[input.kind];
  const values = input as unknown as Record<string, string>;
  for (const field of own.required) {
    if (!values[field]) problem([field], 'fields.required');
  }
  for (const field of ['occurredOn', 'dueOn'] as const) {
    const value = input[field];
    if (value && !isRealDate(value)) problem([field], 'fields.invalidDate');
  }
  if (PAST_DATED.includes(input.kind) && isRealDate(input.occurredOn) && input.occurredOn > today)
    problem(['occurredOn'], 'timeline.dateInFuture');
  if (input.kind === 'monthly_report' && input.period) {
    if (!isTimelinePeriod(input.period)) problem(['period'], 'timeline.invalidPeriod');
    else if (reportPeriodProblem(input.period, today, rules))
      problem(['period'], 'timeline.periodInFuture', {
        latest: latestReportablePeriod(today, rules),
      });
  }
  if (input.kind === 'monthly_report' && input.link && !isHttpsLink(input.link))
    problem(['link'], 'fields.invalidUrl');
  if (input.kind === 'media_payment' && input.amount && parseAmountToMinor(input.amount) === null)
    problem(['amount'], 'fields.invalidAmount');
  if (input.asksAcknowledgement && !mayAskAcknowledgement(input.kind, rules))
    problem(['asksAcknowledgement'], 'timeline.noAcknowledgement');
  if (input.asksAcknowledgement && input.visibility !== 'client')
    problem(['asksAcknowledgement'], 'timeline.acknowledgementNeedsClient');
  if (input.visibility === 'internal' && input.contactIds.length > 0)
    problem(['contactIds'], 'timeline.recipientsNeedClient');
}

/** The posted kind's own fields, as the server writes them. */
function draftOf(input: CheckedInput): TimelineEntryDraft {
  {
    const own = KIND_FIELDS[input.kind];
    const values = input as unknown as Record<string, string>;
    const fields: TimelineEntryDraft['fields'] = {};
    for (const field of [...own.required, ...own.optional]) {
      if (field === 'occurredOn' || field === 'period') continue;
      fields[field] =
        field === 'amount' ? parseAmountToMinor(values[field] ?? '') : values[field] || null;
    }
    const minutes = input.kind === 'minutes';
    return {
      kind: input.kind,
      title: input.title,
      visibility: input.visibility,
      occurredOn:
        input.kind === 'media_payment'
          ? input.dueOn
          : own.required.includes('occurredOn') || own.optional.includes('occurredOn')
            ? input.occurredOn || null
            : null,
      period: input.kind === 'monthly_report' ? input.period : null,
      asksAcknowledgement: input.asksAcknowledgement,
      contactIds: [...new Set(input.contactIds)],
      fields,
      agencyPeople: minutes ? [...new Set(input.agencyPeople.filter(Boolean))] : [],
      contactParticipants: minutes ? [...new Set(input.contactParticipants.filter(Boolean))] : [],
      otherParticipants: minutes
        ? input.otherParticipants
            .split('\n')
            .map((name) => name.trim())
            .filter(Boolean)
        : [],
      actionItems: minutes ? actionItemsOf(input) : [],
    };
  }
}

type ActionRows = { actionWhat: string[]; actionAssignee: string[]; actionDue: string[] };

/** The rows of the action items table that were filled in (a blank row is no item). */
function filledRows(input: ActionRows) {
  const count = Math.max(
    input.actionWhat.length,
    input.actionAssignee.length,
    input.actionDue.length,
  );
  return Array.from({ length: count }, (_, i) => ({
    index: i,
    what: (input.actionWhat[i] ?? '').trim(),
    assignee: (input.actionAssignee[i] ?? '').trim(),
    dueOn: (input.actionDue[i] ?? '').trim(),
  })).filter((row) => row.what || row.dueOn);
}

/** Each filled action item needs what, whom and a real date; at most the policy's number. */
function checkActionItems(input: ActionRows, problem: Problem, max: number) {
  const rows = filledRows(input);
  if (rows.length > max) problem(['actionWhat'], 'timeline.tooManyActionItems', { max });
  for (const row of rows) {
    if (!row.what) problem([`actionWhat.${row.index}`], 'fields.required');
    if (!parseAssignee(row.assignee))
      problem([`actionAssignee.${row.index}`], 'fields.invalidChoice');
    if (!isRealDate(row.dueOn)) problem([`actionDue.${row.index}`], 'fields.invalidDate');
  }
}

function actionItemsOf(input: ActionRows): ActionItemInput[] {
  return filledRows(input).map((row) => {
    const assignee = parseAssignee(row.assignee) as NonNullable<ReturnType<typeof parseAssignee>>;
    return { what: row.what, ...assignee, dueOn: row.dueOn };
  });
}
