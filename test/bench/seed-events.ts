import type { Database } from '../../db/client.ts';
import { events } from '../../db/schema/index.ts';
import { insertChunked } from './seed-chunks.ts';

// What the audit trail holds most: sign-ins, invoices, clients, pieces.
const KINDS = [
  { action: 'signed_in', subjectType: 'user' },
  { action: 'invoice_submitted', subjectType: 'invoice' },
  { action: 'stage_recorded', subjectType: 'client' },
  { action: 'piece_sent', subjectType: 'piece' },
] as const;

/** `count` past audit events by the given people over the last year, oldest first. */
export async function seedBenchEvents(db: Database, actorIds: string[], count: number, now: Date) {
  const yearMs = 365 * 86_400_000;
  await insertChunked(
    db,
    events,
    Array.from({ length: count }, (_, i) => {
      const kind = KINDS[i % KINDS.length] ?? KINDS[0];
      return {
        occurredAt: new Date(now.getTime() - yearMs + Math.floor((i * yearMs) / count)),
        actorId: actorIds[i % actorIds.length] ?? null,
        action: kind.action,
        subjectType: kind.subjectType,
        subjectId: `seed-${kind.subjectType}-${i}`,
        ip: '203.0.113.7',
        data: { seeded: i },
      };
    }),
  );
}
