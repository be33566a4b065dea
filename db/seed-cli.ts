// `npm run seed`: seeds the demo agency into Turso/libSQL when DATABASE_URL is set, otherwise
// into the local D1 database that `astro dev` and `wrangler dev` use (.wrangler/state).
import { createClient } from '@libsql/client';
import { clockWithOffset } from '../functions/worker-dependencies.ts';
import { createFileStore } from '../src/server/files/file-store.ts';
import { createD1Database, createLibsqlDatabase } from './client.ts';
import { openLocalBindings } from './local-bindings.ts';
import { seedDemoAgency } from './seed.ts';
import { seedDemoCampaigns } from './seed-campaigns.ts';
import { seedDemoCosts } from './seed-costs.ts';
import { seedDemoInvoices } from './seed-invoices.ts';
import { seedDemoComparison, seedDemoPieces } from './seed-pieces.ts';
import { seedDemoSatisfaction } from './seed-satisfaction.ts';
import { seedDemoScorecard } from './seed-scorecard.ts';
import { seedDemoSpace } from './seed-space.ts';
import { seedDemoTasks } from './seed-tasks.ts';
import { seedDemoTimelineAcks } from './seed-timeline-acks.ts';

// The same clock as the Worker's (moved only by the end-to-end suite).
const now = clockWithOffset(process.env.CLOCK_OFFSET_MS)();
if (process.env.DATABASE_URL) {
  const client = createClient({
    url: process.env.DATABASE_URL,
    authToken: process.env.DATABASE_AUTH_TOKEN,
  });
  await seedDemoAgency(createLibsqlDatabase(client), now);
  client.close();
  console.log(`Demo agency seeded into ${process.env.DATABASE_URL}`);
} else {
  const persistTo = process.argv[2] ?? '.wrangler/state';
  const local = await openLocalBindings(persistTo);
  try {
    const db = createD1Database(local.DB);
    await seedDemoAgency(db, now);
    await seedDemoInvoices(db, createFileStore(local.FILES), now);
    await seedDemoPieces(db, createFileStore(local.FILES), now);
    await seedDemoComparison(db, createFileStore(local.FILES), now);
    await seedDemoTasks(db, now);
    await seedDemoSatisfaction(db, now);
    await seedDemoScorecard(db, now);
    await seedDemoCosts(db, now);
    await seedDemoCampaigns(db, now);
    // After the pieces: the space shows their project.
    await seedDemoSpace(db, now);
    await seedDemoTimelineAcks(db, now);
  } finally {
    await local.dispose();
  }
  console.log(`Demo agency seeded into the local D1 database in ${persistTo}`);
}
