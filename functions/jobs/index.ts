import { policy } from '../../src/policy/index.ts';
import { sendApprovalReminders } from '../../src/server/approvals/approval-reminders.ts';
import { sendInternalReviewNotices } from '../../src/server/approvals/internal-review-notices.ts';
import { sendCostCheckNotices } from '../../src/server/campaign-costs/cost-check-notices.ts';
import { sendRequestTriageNotices } from '../../src/server/client-requests/request-notices.ts';
import { sendContactNotifications } from '../../src/server/client-space/contact-notifications.ts';
import { sendDeadlineNotices } from '../../src/server/deadlines/deadline-notices.ts';
import { refreshClientDeadlines } from '../../src/server/deadlines/refresh-client-deadlines.ts';
import type { Dependencies } from '../../src/server/dependencies.ts';
import { sweepOrphanFiles } from '../../src/server/files/sweep-orphan-files.ts';
import { dispatchOutbox } from '../../src/server/mail/dispatch-outbox.ts';
import { sendSatisfactionSurveys } from '../../src/server/satisfaction/send-surveys.ts';
import { closeScorecardMonths } from '../../src/server/scorecard/close-scorecard-months.ts';
import { sendReportDeadlineNotices } from '../../src/server/timeline/report-deadline-notices.ts';
import { sendTimelineNotices } from '../../src/server/timeline/timeline-notices.ts';

/** A scheduled job: a plain function of the dependencies, run by the cron handler or `npm run jobs`. */
export type Job = ((deps: Dependencies) => Promise<Record<string, number | string>>) & {
  // Hourly jobs run from the every-minute cron only on the hour; asked for by name, always.
  hourly?: boolean;
};

/** Marks a job as hourly. */
const hourly = (job: Job): Job => Object.assign(job, { hourly: true });

/** Every job, by name. Later features add theirs (reminders, escalations, sweeps). */
export const jobs: Record<string, Job> = {
  /** Reminds CS before each pipeline deadline, escalates passed ones to admins, sends the morning digest.
   * First, so what it queues is sent by the dispatch in the same run. */
  'deadline-notices': (deps) =>
    sendDeadlineNotices(deps.db, policy, deps.clock(), deps.publicOrigin),
  /** Stores again each client's next pipeline deadline computed with another policy (or never). */
  'refresh-client-deadlines': (deps) => refreshClientDeadlines(deps.db, policy),
  /** Reminds client contacts who have not decided on a piece sent for approval. */
  'approval-reminders': (deps) =>
    sendApprovalReminders(deps.db, policy, deps.clock(), deps.publicOrigin),
  /** Reminds the reviewers before an internal review is due, and tells the admins once it is overdue. */
  'internal-review-notices': (deps) =>
    sendInternalReviewNotices(deps.db, policy, deps.clock(), deps.publicOrigin),
  /** Tells client contacts of the space's news as each chose: at once, or in a daily digest. */
  'contact-notifications': (deps) =>
    sendContactNotifications(deps.db, policy, deps.clock(), deps.publicOrigin),
  /** Reminds CS before a client's request is due for triage, and tells the admins once it is overdue. */
  'request-triage-notices': (deps) =>
    sendRequestTriageNotices(deps.db, policy, deps.clock(), deps.publicOrigin),
  /** Reminds CS before last month's report is due on a client's timeline, and tells the admins once it is overdue. */
  'report-deadline-notices': (deps) =>
    sendReportDeadlineNotices(deps.db, policy, deps.clock(), deps.publicOrigin),
  /** E-mails each client-visible timeline entry to its chosen contacts once, and reminds once who has not acknowledged. */
  'timeline-notices': (deps) =>
    sendTimelineNotices(deps.db, policy, deps.clock(), deps.publicOrigin),
  /** Reminds a client's paid-traffic partners and CS of the daily cost check at 11:00, tells the admins at noon. */
  'cost-check-notices': (deps) =>
    sendCostCheckNotices(deps.db, policy, deps.clock(), deps.publicOrigin),
  /** Asks the contacts of recent deliveries how satisfied they are, each at most once per the policy's interval. */
  'satisfaction-surveys': (deps) =>
    sendSatisfactionSurveys(deps.db, policy, deps.clock(), deps.publicOrigin),
  /** Sends the e-mail outbox; without a provider (development) it leaves the messages queued. */
  'dispatch-outbox': async (deps) => {
    if (!deps.mailSender) return { skipped: 'no RESEND_API_KEY' };
    return dispatchOutbox({
      db: deps.db,
      sender: deps.mailSender,
      chat: deps.chatSender,
      clock: deps.clock,
    });
  },
  /** Deletes stored files no invoice, onboarding answer or piece version points at (after a grace period). */
  'sweep-orphan-files': hourly((deps) => sweepOrphanFiles(deps, deps.clock())),
  /** Stores each month's scorecards as they stand once it closes (policy.incentives.monthClosesAfterDays).
   * Hourly: a month closes days after its end, and until the job stores it the pages count it
   * from the records (the same figures), so an hour late changes nothing; each run reads. */
  'close-scorecard-months': hourly((deps) => closeScorecardMonths(deps.db, policy, deps.clock())),
};

/** The jobs the every-minute cron runs at an instant: all of them on the hour, else the frequent ones. */
export function dueJobs(now: Date): string[] {
  return Object.entries(jobs)
    .filter(([, job]) => !job.hourly || now.getUTCMinutes() === 0)
    .map(([name]) => name);
}

/** Runs jobs (by default those due now); one failing job does not stop the others, and each outcome is reported. */
export async function runJobs(deps: Dependencies, names: string[] = dueJobs(deps.clock())) {
  const outcomes: Record<string, unknown> = {};
  for (const name of names) {
    const job = jobs[name];
    if (!job) {
      outcomes[name] = { error: 'unknown job' };
      continue;
    }
    try {
      outcomes[name] = await job(deps);
    } catch (error) {
      console.error(`job ${name} failed`, error);
      outcomes[name] = { error: String(error) };
    }
  }
  return outcomes;
}
