import { addDaysToIsoDate, isoDateInZone, policy } from '../src/policy/index.ts';
import type { Database } from './client.ts';
import { taskRequests } from './schema/index.ts';

/**
 * The demo's task request: paid traffic asks the bakery's CS for new photos, due in a few
 * days, so the tasks page, the CS's home and their screenshots show one. Idempotent.
 */
export async function seedDemoTasks(db: Database, now: Date) {
  const today = isoDateInZone(now, policy.agency.timeZone);
  await db
    .insert(taskRequests)
    .values({
      id: 'demo-task-photos',
      clientId: 'demo-client-bakery',
      requesterId: 'demo-paid',
      requesterRole: 'paid_traffic',
      assigneeRole: 'cs',
      // As the API sends a request to CS: to the client's CS in charge, by name.
      assigneeId: 'demo-cs',
      what: 'Pedir ao cliente fotos novas dos pães para os próximos anúncios',
      why: 'Os anúncios com as fotos atuais perderam alcance nas últimas semanas.',
      dueOn: addDaysToIsoDate(today, 4),
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing();
}
