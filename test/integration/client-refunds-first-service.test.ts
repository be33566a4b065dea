import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientMilestones, clientRefunds, clients } from '../../db/schema/index.ts';
import { policy, zonedTimeToInstant } from '../../src/policy/index.ts';
import { postJson } from '../support/sign-in.ts';
import { openAppWithOtherCs } from '../support/teams.ts';
import { readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/**
 * A client whose service start was typed a day before the payment: its first service's refund
 * is checked and stored from the payment day, the day the scorecard's first days run from.
 */
describe.each(DRIVERS)(
  'a refund of the first service, paid a day after its recorded start (%s)',
  (driver) => {
    let app: TestApp;
    let cs: string;
    const refundsOf = (clientId: string) =>
      app.db.select().from(clientRefunds).where(eq(clientRefunds.clientId, clientId));

    beforeAll(async () => {
      ({ app, cs } = await openAppWithOtherCs(driver));
      // The test clock is 2026-03-02 10:00 in São Paulo.
      await app.db
        .update(clients)
        .set({ serviceStartsOn: '2026-02-20' })
        .where(eq(clients.id, 'demo-client-bakery'));
      await app.db.insert(clientMilestones).values({
        clientId: 'demo-client-bakery',
        kind: 'paid',
        occurredAt: zonedTimeToInstant('2026-02-21', '10:00', policy.agency.timeZone),
      });
    });
    afterAll(() => app.close());

    const record = (requestedOn: string) =>
      app.request(
        '/api/clients/demo-client-bakery/refunds',
        postJson({ requestedOn }, { cookie: cs }),
      );

    it('refuses a day before the payment, though on the recorded start: nothing written', async () => {
      const refused = await record('2026-02-20');
      expect(refused.status).toBe(400);
      expect((await readJson(refused)).error.code).toBe('before_service');
      expect(await refundsOf('demo-client-bakery')).toHaveLength(0);
    });

    it('stores the refund under the payment day', async () => {
      expect((await record('2026-02-21')).status).toBe(200);
      const [stored] = await refundsOf('demo-client-bakery');
      expect(stored).toMatchObject({ serviceStartsOn: '2026-02-21', requestedOn: '2026-02-21' });
      // The same service again: a clear 409.
      expect((await record('2026-02-25')).status).toBe(409);
    });
  },
);
