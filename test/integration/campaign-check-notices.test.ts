import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, outbox } from '../../db/schema/index.ts';
import { jobs } from '../../functions/jobs/index.ts';
import { BAKERY, importFigures, setNorm } from '../support/campaign-checks.ts';
import { seedPeople } from '../support/sign-in.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const CLINIC = 'demo-client-clinic';
// São Paulo is UTC-3: 11:00 there is 14:00Z, noon 15:00Z.
const thursdayAt = (time: string) => new Date(`2026-04-16T${time}.000Z`);

describe.each(DRIVERS)('the daily cost check’s notices (%s)', (driver) => {
  let app: TestApp;
  const run = async (now: Date) => {
    app.setNow(now);
    const job = jobs['cost-check-notices'];
    if (!job) throw new Error('the job is listed');
    return job(app.deps);
  };
  const mails = async () =>
    (
      await app.db
        .select({ key: outbox.idempotencyKey, to: outbox.toAddress, subject: outbox.subject })
        .from(outbox)
        .where(like(outbox.idempotencyKey, 'cost-check-%'))
    ).sort((a, b) => a.key.localeCompare(b.key));
  const noticeEvents = () =>
    app.db.select().from(events).where(like(events.action, 'cost_check_%'));

  beforeAll(async () => {
    app = await createTestApp(driver);
    app.setNow(thursdayAt('12:00:00'));
    await seedPeople(app);
    // The bakery: Wednesday's CPC above its norm, not acknowledged.
    await setNorm(app, BAKERY, { metric: 'CPC', placement: 'feed', maxMinorUnits: 200 });
    await importFigures(app, BAKERY, { firstDay: '2026-04-15', lastDay: '2026-04-15' }, [
      { day: '2026-04-15', spend: 5000, clicks: 10 },
    ]);
    // The clinic spent on Monday, and Wednesday's figures were never imported.
    await importFigures(app, CLINIC, { firstDay: '2026-04-13', lastDay: '2026-04-13' }, [
      { day: '2026-04-13', spend: 3000, clicks: 100 },
    ]);
  });
  afterAll(() => app.close());

  it('says nothing before 11:00, on a weekend or on a holiday', async () => {
    expect(await run(thursdayAt('13:59:59'))).toEqual({ reminded: 0, escalated: 0 });
    expect(await run(new Date('2026-04-18T15:30:00.000Z'))).toEqual({ reminded: 0, escalated: 0 });
    // Tiradentes, Tuesday 21 April.
    expect(await run(new Date('2026-04-21T15:30:00.000Z'))).toEqual({ reminded: 0, escalated: 0 });
    expect(await mails()).toEqual([]);
  });

  it('reminds each client’s paid-traffic partner and CS at 11:00, once', async () => {
    expect(await run(thursdayAt('14:00:00'))).toEqual({ reminded: 2, escalated: 0 });
    expect(await run(thursdayAt('14:30:00'))).toEqual({ reminded: 0, escalated: 0 });
    const sent = await mails();
    expect(sent.map((m) => [m.key, m.to])).toEqual([
      ['cost-check-reminder:2026-04-16:demo-client-bakery:demo-cs', 'cs@ponte.example'],
      ['cost-check-reminder:2026-04-16:demo-client-bakery:demo-paid', 'trafego.pago@ponte.example'],
      ['cost-check-reminder:2026-04-16:demo-client-clinic:demo-cs', 'cs@ponte.example'],
      ['cost-check-reminder:2026-04-16:demo-client-clinic:demo-paid', 'trafego.pago@ponte.example'],
    ]);
    expect(sent[0]?.subject).toContain('Padaria Pão Quente');
    expect(await noticeEvents()).toHaveLength(2);
  });

  it('tells the admins at noon, once; a check met by then is left alone', async () => {
    // The bakery's breach acknowledged before noon: only the clinic is overdue.
    await app.db
      .insert((await import('../../db/schema/index.ts')).costBreachAcknowledgements)
      .values({
        clientId: BAKERY,
        day: '2026-04-15',
        campaignName: 'Pão de queijo',
        placement: 'feed',
        metric: 'CPC',
        action: 'budget',
        acknowledgedBy: 'demo-paid',
        acknowledgedAt: thursdayAt('14:50:00'),
      });
    expect(await run(thursdayAt('14:59:59'))).toEqual({ reminded: 0, escalated: 0 });
    expect(await run(thursdayAt('15:00:00'))).toEqual({ reminded: 0, escalated: 1 });
    expect(await run(thursdayAt('16:00:00'))).toEqual({ reminded: 0, escalated: 0 });
    const escalations = (await mails()).filter((m) => m.key.startsWith('cost-check-escalation'));
    expect(escalations.map((m) => [m.key, m.to])).toEqual([
      ['cost-check-escalation:2026-04-16:demo-client-clinic:demo-admin', 'admin@ponte.example'],
    ]);
    expect(await noticeEvents()).toHaveLength(3);
  });

  it('keeps asking a client whose imports stopped; asks nothing once its imports show a week without spend', async () => {
    // Wednesday 22 April, 11:30: the clinic's last import (the 13th) showed spend and none came
    // since — a forgotten import, not a paused account: it is still reminded, with the bakery.
    expect(await run(new Date('2026-04-22T14:30:00.000Z'))).toEqual({ reminded: 2, escalated: 0 });
    const later = (await mails()).filter((m) => m.key.includes('2026-04-22'));
    expect(later.map((m) => m.key)).toEqual([
      'cost-check-reminder:2026-04-22:demo-client-bakery:demo-cs',
      'cost-check-reminder:2026-04-22:demo-client-bakery:demo-paid',
      'cost-check-reminder:2026-04-22:demo-client-clinic:demo-cs',
      'cost-check-reminder:2026-04-22:demo-client-clinic:demo-paid',
    ]);
    // The clinic's next import shows the policy's 7 days without spend: paused, asked nothing.
    const days = ['16', '17', '18', '19', '20', '21', '22'].map((d) => `2026-04-${d}`);
    await importFigures(
      app,
      CLINIC,
      { firstDay: '2026-04-16', lastDay: '2026-04-22' },
      days.map((day) => ({ day, spend: 0, clicks: 0 })),
    );
    expect(await run(new Date('2026-04-23T14:30:00.000Z'))).toEqual({ reminded: 1, escalated: 0 });
  });
});
