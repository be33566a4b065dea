import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { rateLimits } from '../../../db/schema/index.ts';

/** A limit as the policy states it: at most `max` hits per window of `windowMinutes`. */
export type RateLimit = { max: number; windowMinutes: number };

/** A counter after a hit, as the database returns it. */
export type RateCount = { count: number; windowStart: Date };

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterMinutes: number };

/**
 * Counts one hit on a key in a fixed window, in a single upsert that returns the new count:
 * a window that has ended starts over at 1. Returned unrun, so it joins the caller's batch.
 */
export function countHit(db: Database, key: string, limit: RateLimit, now: Date) {
  const nowMs = now.getTime();
  const windowEndedBefore = nowMs - limit.windowMinutes * 60_000;
  const expired = sql`${rateLimits.windowStart} <= ${windowEndedBefore}`;
  return db
    .insert(rateLimits)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${expired} then ${nowMs} else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
}

/** Whether a hit that brought the counter to `count` is within the limit, and if not, how long to wait. */
export function judgeHit(counter: RateCount, limit: RateLimit, now: Date): RateVerdict {
  if (counter.count <= limit.max) return { allowed: true };
  const endsAt = counter.windowStart.getTime() + limit.windowMinutes * 60_000;
  return {
    allowed: false,
    retryAfterMinutes: Math.max(1, Math.ceil((endsAt - now.getTime()) / 60_000)),
  };
}
