import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../../db/client.ts';
import { clientMilestones, clients, userRoles, users } from '../../db/schema/index.ts';
import { PIPELINE_STAGES } from '../../src/server/deadlines/deadline-rules.ts';

/** A CS partner ("bench-cs") with `count` clients at every stage of the pipeline. */
export async function seedBenchClients(db: Database, count: number, now: Date) {
  const writes: BatchItem<'sqlite'>[] = [
    db.insert(users).values({
      id: 'bench-cs',
      email: 'bench-cs@ponte.example',
      name: 'Bench CS',
      createdAt: now,
    }),
    db.insert(userRoles).values({ userId: 'bench-cs', role: 'cs' }),
  ];
  for (let i = 0; i < count; i++) {
    const id = `bench-client-${i}`;
    writes.push(
      db.insert(clients).values({
        id,
        name: `Cliente ${i}`,
        csUserId: 'bench-cs',
        serviceEndsOn: '2027-03-31',
        createdAt: now,
      }),
    );
    // Client i has reached the first (i mod 7) stages, a day apart.
    const reached = PIPELINE_STAGES.slice(0, (i % 7) + 1);
    writes.push(
      db.insert(clientMilestones).values(
        reached.map((kind, step) => ({
          clientId: id,
          kind,
          occurredAt: new Date(now.getTime() - (10 - step) * 86_400_000),
        })),
      ),
    );
  }
  const [first, ...rest] = writes;
  if (first) await db.batch([first, ...rest] as Parameters<Database['batch']>[0]);
}
