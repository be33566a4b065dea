import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientMilestones, outbox } from '../../db/schema/index.ts';
import { runJobs } from '../../functions/jobs/index.ts';
import { seedPeople } from '../support/sign-in.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const subjects = async (app: TestApp, to: string) =>
  (await app.db.select().from(outbox)).filter((m) => m.toAddress === to).map((m) => m.subject);

describe.each(DRIVERS)('deadline reminders, escalations and the morning digest (%s)', (driver) => {
  let app: TestApp;
  const notices = async (iso: string) => {
    app.setNow(new Date(iso));
    return (await runJobs(app.deps, ['deadline-notices']))['deadline-notices'];
  };
  beforeAll(async () => {
    app = await createTestApp(driver);
    app.setNow(new Date('2026-03-10T12:00:00Z'));
    await seedPeople(app);
    // Paid at 14:00 in São Paulo: first contact due at 15:00 (18:00 UTC).
    await app.db.insert(clientMilestones).values({
      clientId: 'demo-client-bakery',
      kind: 'paid',
      occurredAt: new Date('2026-03-10T17:00:00Z'),
      recordedBy: 'demo-cs',
    });
  });
  afterAll(() => app.close());

  it('sends the morning digest once a day, from opening time', async () => {
    expect(await notices('2026-03-10T12:59:00Z')).toEqual({ queued: 0 }); // 09:59 local: no digest yet
    expect(await notices('2026-03-10T17:05:00Z')).toEqual({ queued: 1 });
    expect(await subjects(app, 'cs@ponte.example')).toEqual(['Seus prazos de hoje (1)']);
    expect(await notices('2026-03-10T17:06:00Z')).toEqual({ queued: 0 });
  });

  it('reminds the CS 30 minutes before the contact deadline, once', async () => {
    expect(await notices('2026-03-10T17:29:59Z')).toEqual({ queued: 0 });
    expect(await notices('2026-03-10T17:30:00Z')).toEqual({ queued: 1 });
    expect(await notices('2026-03-10T17:30:00Z')).toEqual({ queued: 0 }); // the same minute again
    expect(await subjects(app, 'cs@ponte.example')).toContain(
      'Prazo chegando: Primeiro contato de Padaria Pão Quente',
    );
  });

  it('escalates to the admin once the deadline passes, once, and stops when it is done', async () => {
    expect(await notices('2026-03-10T17:59:59Z')).toEqual({ queued: 0 });
    expect(await notices('2026-03-10T18:00:00Z')).toEqual({ queued: 1 });
    expect(await notices('2026-03-10T18:30:00Z')).toEqual({ queued: 0 });
    expect(await subjects(app, 'admin@ponte.example')).toEqual([
      'Prazo vencido: Primeiro contato de Padaria Pão Quente',
    ]);
    await app.db.insert(clientMilestones).values({
      clientId: 'demo-client-bakery',
      kind: 'contacted',
      occurredAt: new Date('2026-03-10T18:40:00Z'),
      recordedBy: 'demo-cs',
    });
    // The next morning's digest has nothing for the bakery any more: no digest at all.
    expect(await notices('2026-03-11T13:00:00Z')).toEqual({ queued: 0 });
  });
});
