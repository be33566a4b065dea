/** How much data the bench seeds: today's sizes (1×) and ten times them. */
export type BenchScale = {
  factor: number;
  // Past invoices over the bench partners; the partner whose page is measured keeps a year.
  invoices: number;
  // Clients of the whole agency; the measured CS runs `csClients` of them, other CSs the rest.
  clients: number;
  csClients: number;
  contactsPerClient: number;
  // Pieces spread over the clients, each with versions and comments on every version.
  pieces: number;
  versionsPerPiece: number;
  commentsPerVersion: number;
  events: number;
};

/** The sizes at a factor of today's: 5,000 invoices, 200 clients, 2,000 pieces, 20,000 events. */
export function benchScale(factor: number): BenchScale {
  return {
    factor,
    invoices: 5_000 * factor,
    clients: 200 * factor,
    csClients: 200,
    contactsPerClient: 2,
    pieces: 2_000 * factor,
    versionsPerPiece: 2,
    commentsPerVersion: 3,
    events: 20_000 * factor,
  };
}

/** Today's sizes and ten times them: the scale table compares the two. */
export const SCALE_FACTORS = [1, 10] as const;

/** From 1× to 10×: per-object and paginated routes may cost at most this much more CPU. */
export const MAX_CPU_GROWTH = 1.3;

// Below a few hundredths of a millisecond a median moves by the timer's and the collector's
// noise, not by the data: a route this cheap passes if it stays within this much.
const CPU_NOISE_MS = 0.05;

/** What a route misses from 1× to 10×: round trips must not change, CPU must not grow past the cap. */
export function scaleMisses(
  base: { roundTrips: number; cpuMs: number },
  scaled: { roundTrips: number; cpuMs: number },
): string[] {
  const misses: string[] = [];
  if (scaled.roundTrips !== base.roundTrips)
    misses.push(`round trips ${base.roundTrips} → ${scaled.roundTrips}`);
  if (scaled.cpuMs > base.cpuMs * MAX_CPU_GROWTH && scaled.cpuMs - base.cpuMs > CPU_NOISE_MS)
    misses.push(`CPU ×${(scaled.cpuMs / base.cpuMs).toFixed(2)} > ×${MAX_CPU_GROWTH}`);
  return misses;
}
