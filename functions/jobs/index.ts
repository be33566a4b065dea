import { dispatchOutbox } from '../../src/server/mail/dispatch-outbox.ts';
import type { Dependencies } from '../dependencies.ts';

/** A scheduled job: a plain function of the dependencies, run by the cron handler or `npm run jobs`. */
export type Job = (deps: Dependencies) => Promise<Record<string, number | string>>;

/** Every job, by name. Later features add theirs (reminders, escalations, sweeps). */
export const jobs: Record<string, Job> = {
  /** Sends the e-mail outbox; without a provider (development) it leaves the messages queued. */
  'dispatch-outbox': async (deps) => {
    if (!deps.mailSender) return { skipped: 'no RESEND_API_KEY' };
    return dispatchOutbox({ db: deps.db, sender: deps.mailSender, clock: deps.clock });
  },
};

/** Runs every job; one failing job does not stop the others, and each outcome is reported. */
export async function runJobs(deps: Dependencies, names: string[] = Object.keys(jobs)) {
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
