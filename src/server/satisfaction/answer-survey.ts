import { and, asc, eq, gt, isNull, type SQL, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../../../db/client.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import { satisfactionSurveys, taskRequests, users } from '../../../db/schema/index.ts';
import { createTranslator, localeOf } from '../../i18n/index.ts';
import {
  addDaysToIsoDate,
  isoDateInZone,
  nextBusinessDay,
  type Policy,
} from '../../policy/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import { activeAdmins, recipientColumns } from '../mail/mail-recipients.ts';
import { queueMailWhen } from '../mail/outbox.ts';
import { countLinkFailure } from '../rate-limits/link-failures.ts';
import { taskPagePath } from '../tasks/task-requests.ts';
import { type FoundSurvey, findSurveyByToken } from './survey-lookup.ts';
import { lowScoreMail } from './survey-mail.ts';
import { isLowScore, parseScore, stayedLongEnough, surveyState } from './survey-rules.ts';
import { readIssuedAt } from './survey-stamp.ts';

type AnswerPolicy = Pick<Policy, 'satisfaction' | 'holidays' | 'rateLimits'> & {
  agency: Pick<Policy['agency'], 'timeZone'>;
};

export type SurveyAnswer = { token: string; score: string; comment: string; stamp: string };

export type AnswerFailure =
  | 'not_found'
  | 'invalid_score'
  | 'comment_too_long'
  | 'answered'
  | 'voided'
  | 'expired'
  | 'too_soon'
  | 'rate_limited';

export type AnswerResult =
  | { ok: true; lowScoreTaskId: string | null; locale: string }
  | { ok: false; error: AnswerFailure; locale?: string; retryAfterMinutes?: number };

/** The survey still takes an answer as the batch runs: the guard of every write of the answer. */
const stillOpen = (surveyId: string, now: Date) =>
  and(
    eq(satisfactionSurveys.id, surveyId),
    isNull(satisfactionSurveys.answeredAt),
    isNull(satisfactionSurveys.voidedAt),
    gt(satisfactionSurveys.expiresAt, now),
  );

/** The due day of a low score's task: the policy's business days after today. */
function taskDueOn(rules: AnswerPolicy, now: Date) {
  let day = isoDateInZone(now, rules.agency.timeZone);
  for (let i = 0; i < rules.satisfaction.taskDueBusinessDays; i += 1)
    day = nextBusinessDay(addDaysToIsoDate(day, 1), rules.holidays);
  return day;
}

/**
 * Who a low score goes to: the client's CS while they are active; when the CS left, the
 * active admins (the first of them, by name, is given the task), as a timeline observation is.
 */
async function lowScoreReaders(db: Database, csUserId: string) {
  const [cs, admins] = await db.batch([
    db
      .select(recipientColumns)
      .from(users)
      .where(and(eq(users.id, csUserId), eq(users.active, true))),
    activeAdmins(db).orderBy(asc(users.name), asc(users.id)),
  ]);
  const active = cs[0];
  if (active) return { assignee: active, readers: [active], keyed: false };
  return { assignee: admins[0] ?? null, readers: admins, keyed: true };
}

/**
 * The writes a low score adds to its answer: a task request for the client's CS (from
 * themselves: Ponte has no user of its own, and the why names the survey) and their e-mail;
 * when that CS left, for an active admin, and an e-mail to each active admin.
 * Unlike a task a partner opens, it is never announced in the client's group: the client
 * reads that group, and the score is theirs to tell.
 */
async function lowScoreWrites(
  db: Database,
  rules: AnswerPolicy,
  survey: FoundSurvey,
  answer: { score: number; comment: string | null; taskId: string; origin: string },
  guard: SQL,
  now: Date,
) {
  const { assignee, readers, keyed } = await lowScoreReaders(db, survey.csUserId);
  const t = createTranslator(localeOf(assignee?.locale));
  const facts = { contact: survey.contactName, score: answer.score };
  // No active admin either: the task stays with the client's CS, for whoever takes the client.
  const assigneeId = assignee?.id ?? survey.csUserId;
  const task = insertWhen(
    db,
    taskRequests,
    {
      id: answer.taskId,
      clientId: survey.clientId,
      requesterId: assigneeId,
      // The CS's work whoever does it: an admin who takes it stands in for the CS.
      requesterRole: 'cs',
      assigneeRole: 'cs',
      assigneeId,
      what: t('satisfaction.task.what', facts),
      why: answer.comment
        ? t('satisfaction.task.whyWithComment', { ...facts, comment: answer.comment })
        : t('satisfaction.task.why', facts),
      dueOn: taskDueOn(rules, now),
      status: 'open',
      createdAt: now,
      updatedAt: now,
    },
    guard,
  );
  const mails = readers.map((reader) =>
    queueMailWhen(
      db,
      {
        to: reader.email,
        ...lowScoreMail({
          cs: reader,
          contactName: survey.contactName,
          clientName: survey.clientName,
          score: answer.score,
          comment: answer.comment,
          taskUrl: `${answer.origin}${taskPagePath(answer.taskId)}`,
        }),
        // One e-mail per survey and reader: the CS's key is the survey's alone.
        idempotencyKey: keyed
          ? `satisfaction-low:${survey.id}:${reader.id}`
          : `satisfaction-low:${survey.id}`,
      },
      now,
      guard,
    ),
  );
  return [task, ...mails];
}

/**
 * Records a contact's answer, once: only from the survey's page (its signed stamp shows it was
 * open at least policy.satisfaction.minSecondsOnPage), only while the survey is open. A low
 * score opens a task for the client's CS (or, when the CS left, an active admin) and e-mails
 * them in the same batch. Of two answers
 * at once, the batch that runs first wins; the other finds it answered.
 */
export async function answerSurvey(
  db: Database,
  rules: AnswerPolicy,
  answer: SurveyAnswer,
  context: { formSecret: string | undefined; origin: string; ip: string | null },
  now: Date,
): Promise<AnswerResult> {
  const survey = await findSurveyByToken(db, answer.token);
  if (!survey) {
    // Not ours: counted against the address like any client link that did not open.
    const verdict = await countLinkFailure(db, rules, context.ip, now);
    return verdict.allowed
      ? { ok: false, error: 'not_found' }
      : { ok: false, error: 'rate_limited', retryAfterMinutes: verdict.retryAfterMinutes };
  }
  const locale = survey.contactLocale;
  const state = surveyState(survey, now);
  if (state !== 'open') return { ok: false, error: state, locale };
  const score = parseScore(answer.score);
  if (score === null) return { ok: false, error: 'invalid_score', locale };
  const comment = answer.comment.trim() || null;
  if (comment && comment.length > rules.satisfaction.maxCommentChars)
    return { ok: false, error: 'comment_too_long', locale };
  const issuedAt = readIssuedAt(survey.id, answer.stamp, context.formSecret);
  if (!issuedAt || !stayedLongEnough(issuedAt, now, rules)) {
    return { ok: false, error: 'too_soon', locale };
  }
  const low = isLowScore(score, rules);
  const taskId = low ? crypto.randomUUID() : null;
  const guard = sql`exists (select 1 from ${satisfactionSurveys} where ${stillOpen(survey.id, now)})`;
  const extra = taskId
    ? await lowScoreWrites(db, rules, survey, { score, comment, taskId, ...context }, guard, now)
    : [];
  const event = recordEventWhen(
    db,
    {
      actorId: null,
      action: 'satisfaction_answered',
      subjectType: 'satisfaction_survey',
      subjectId: survey.id,
      ip: context.ip,
      data: { clientId: survey.clientId, score, taskId },
    },
    now,
    guard,
  );
  // Last: every write above is guarded by the survey still being open, which this ends.
  const answered = db
    .update(satisfactionSurveys)
    .set({ answeredAt: now, score, comment, lowScoreTaskId: taskId })
    .where(stillOpen(survey.id, now))
    .returning({ id: satisfactionSurveys.id });
  const writes: BatchItem<'sqlite'>[] = [...extra, event, answered];
  const results = await db.batch(writes as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  const won = (results.at(-1) as { id: string }[]).length > 0;
  if (won) return { ok: true, lowScoreTaskId: taskId, locale };
  // Lost a race: to another answer, or to the scanner's link.
  const again = await findSurveyByToken(db, answer.token);
  const after = again ? surveyState(again, now) : 'answered';
  return { ok: false, error: after === 'open' ? 'answered' : after, locale };
}
