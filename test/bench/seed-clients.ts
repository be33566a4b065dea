import type { Database } from '../../db/client.ts';
import {
  clientContacts,
  clientMilestones,
  clients,
  userRoles,
  users,
} from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { PIPELINE_STAGES } from '../../src/server/deadlines/deadline-rules.ts';
import { refreshClientDeadlines } from '../../src/server/deadlines/refresh-client-deadlines.ts';
import type { BenchScale } from './scale.ts';
import { insertChunked } from './seed-chunks.ts';

/** The measured CS: its client list is the bench's `/clients`. */
export const BENCH_CS_ID = 'bench-cs';
// The agency's other CSs, who run the clients beyond the measured CS's.
const OTHER_CS_COUNT = 9;

/** The id of the bench's client number i (the measured CS's come first). */
export const benchClientId = (i: number) => `bench-client-${i}`;

/**
 * A CS partner ("bench-cs") with `scale.csClients` clients at every stage of the pipeline,
 * and the rest of the agency's `scale.clients` spread over other CSs; every client with its
 * contacts.
 */
export async function seedBenchClients(db: Database, scale: BenchScale, now: Date) {
  const csIds = [BENCH_CS_ID, ...Array.from({ length: OTHER_CS_COUNT }, (_, k) => `bench-cs-${k}`)];
  await insertChunked(
    db,
    users,
    csIds.map((id) => ({ id, email: `${id}@ponte.example`, name: `CS ${id}`, createdAt: now })),
  );
  await insertChunked(
    db,
    userRoles,
    csIds.map((userId) => ({ userId, role: 'cs' as const })),
  );
  const ids = Array.from({ length: scale.clients }, (_, i) => benchClientId(i));
  await insertChunked(
    db,
    clients,
    ids.map((id, i) => ({
      id,
      name: `Cliente ${i}`,
      csUserId:
        i < scale.csClients ? BENCH_CS_ID : (csIds[1 + (i % OTHER_CS_COUNT)] ?? BENCH_CS_ID),
      // In service since before last month: every client owes last month's report (#19).
      serviceStartsOn: '2026-01-01',
      serviceEndsOn: '2027-03-31',
      createdAt: now,
    })),
  );
  await insertChunked(
    db,
    clientContacts,
    ids.flatMap((clientId, i) =>
      Array.from({ length: scale.contactsPerClient }, (_, k) => ({
        id: `${clientId}-contact-${k}`,
        clientId,
        name: `Contato ${i}.${k}`,
        email: `contato-${i}-${k}@cliente.example`,
        mayAnswerQuestionnaires: true,
        mayApprovePieces: true,
        createdAt: now,
      })),
    ),
  );
  // Client i has reached the first (i mod 7) stages, a day apart.
  await insertChunked(
    db,
    clientMilestones,
    ids.flatMap((clientId, i) =>
      PIPELINE_STAGES.slice(0, (i % 7) + 1).map((kind, step) => ({
        clientId,
        kind,
        occurredAt: new Date(now.getTime() - (10 - step) * 86_400_000),
      })),
    ),
  );
  // As in production once the refresh job has run: each client's next deadline stored.
  await refreshClientDeadlines(db, policy, Number.POSITIVE_INFINITY);
}
