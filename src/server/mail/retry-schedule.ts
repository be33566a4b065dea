/** How many times a message is tried before it is marked dead. */
export const MAX_SEND_ATTEMPTS = 8;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 6 * 60 * 60_000;

/**
 * Delay before the next attempt: exponential (30 s, 1 min, 2 min, ...) capped at 6 h,
 * but never sooner than the provider asked for with Retry-After.
 */
export function nextAttemptDelayMs(attemptsMade: number, retryAfterMs: number | null): number {
  const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attemptsMade - 1));
  return Math.max(exponential, retryAfterMs ?? 0);
}
