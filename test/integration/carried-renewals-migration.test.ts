import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientMilestones, clientRenewals, clients } from '../../db/schema/index.ts';
import { seedPeople } from '../support/sign-in.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

// Migration 0025's data statements (its tables exist already here), as drizzle and wrangler
// split them.
const statements = readFileSync('db/migrations/0025_client_renewals.sql', 'utf8')
  .split('--> statement-breakpoint')
  .map((part) => part.replace(/^--.*$/gm, '').trim())
  .filter((part) => /^(INSERT|DELETE)/.test(part));

const BAKERY = 'demo-client-bakery';
const CLINIC = 'demo-client-clinic';

describe.each(DRIVERS)('the one renewed stage becomes a carried renewal (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
  });
  afterAll(() => app.close());

  it('of the client’s end, or of the renewal’s day in São Paulo without one; the stage goes', async () => {
    await app.db.update(clients).set({ serviceEndsOn: '2026-03-15' }).where(eq(clients.id, BAKERY));
    await app.db.insert(clientMilestones).values([
      { clientId: BAKERY, kind: 'renewed', occurredAt: new Date('2026-03-10T13:00:00Z') },
      // 23:30 on 9 February in São Paulo: already the 10th in UTC.
      { clientId: CLINIC, kind: 'renewed', occurredAt: new Date('2026-02-10T02:30:00Z') },
      { clientId: CLINIC, kind: 'paid', occurredAt: new Date('2026-01-10T13:00:00Z') },
    ]);
    expect(statements).toHaveLength(2);
    for (const statement of statements) await app.db.run(sql.raw(statement));
    const renewals = await app.db
      .select({
        clientId: clientRenewals.clientId,
        endsOn: clientRenewals.serviceEndsOn,
        until: clientRenewals.renewedUntil,
      })
      .from(clientRenewals)
      .orderBy(clientRenewals.clientId);
    expect(renewals).toEqual([
      { clientId: BAKERY, endsOn: '2026-03-15', until: '2026-03-15' },
      { clientId: CLINIC, endsOn: '2026-02-09', until: '2026-02-09' },
    ]);
    const stages = await app.db.select({ kind: clientMilestones.kind }).from(clientMilestones);
    expect(stages.map((s) => s.kind)).toEqual(['paid']);
  });
});
