import type { Policy } from '../../policy/index.ts';

type SessionTimes = { createdAt: Date; lastVerifiedAt: Date };
type SessionPolicy = Policy['sessions'];

const DAY_MS = 86_400_000;

/** When a session ends: a week (policy) after its last use, and never later than its absolute limit. */
export function sessionExpiresAt(session: SessionTimes, rules: SessionPolicy): Date {
  const idle = session.lastVerifiedAt.getTime() + rules.idleDays * DAY_MS;
  const absolute = session.createdAt.getTime() + rules.absoluteDays * DAY_MS;
  return new Date(Math.min(idle, absolute));
}

/** True once the session has ended; the instant of expiry itself already counts as ended. */
export function isSessionExpired(session: SessionTimes, rules: SessionPolicy, now: Date): boolean {
  return now.getTime() >= sessionExpiresAt(session, rules).getTime();
}

/** True when the last-use time is old enough to write again: at most once per renewal period. */
export function shouldRenewSession(
  session: SessionTimes,
  rules: SessionPolicy,
  now: Date,
): boolean {
  return now.getTime() - session.lastVerifiedAt.getTime() >= rules.renewAfterMinutes * 60_000;
}
