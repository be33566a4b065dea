import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.ts';
import { loadTimelinePrintPage } from '../../src/server/timeline/timeline-print-page.ts';
import { seedPeople } from '../support/sign-in.ts';
import { addPerson, OTHER_CS } from '../support/teams.ts';
import { countRoundTrips, createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';
import { addBakeryMarch } from '../support/timeline-month.ts';

const CS = { id: 'demo-cs', roles: ['cs' as const] };
const BAKERY = 'demo-client-bakery';
// 00:30 on 1 April in UTC is still 31 March in São Paulo.
const NOW = new Date('2026-04-01T00:30:00Z');

/**
 * The print page's data: the month asked for, else the current one in agency time; a typed
 * month that is no month comes back to its field while the current month shows; another CS's
 * request is a 404 (null). One round trip.
 */
describe.each(DRIVERS)('the timeline print page (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    await addPerson(app, OTHER_CS);
    await addBakeryMarch(app);
  });
  afterAll(() => app.close());
  const load = (period: string | null, viewer = CS) =>
    loadTimelinePrintPage(app.db, viewer, { clientId: BAKERY, period }, policy, NOW);

  it('shows the current month (agency time) by default, with its download link, in one round trip', async () => {
    const { result: page, roundTrips } = await countRoundTrips(app, () => load(null));
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(page).toMatchObject({
      period: '2026-03',
      refusedPeriod: null,
      markdownUrl: '/api/clients/demo-client-bakery/timeline.md?period=2026-03',
    });
    expect(page?.entries.map((entry) => entry.id)).toEqual([
      'march-minutes',
      'march-note',
      'march-report',
    ]);
    const minutes = page?.entries[0];
    expect(minutes?.actionItems.map((item) => [item.what, item.taskRequestId !== null])).toEqual([
      ['Arte da Páscoa', true],
      ['<img src=x onerror=alert(1)> amanhã', false],
    ]);
    expect(minutes?.recipients.map((r) => r.response)).toEqual(['observation', 'agreed']);
  });

  it('shows the month asked for; a month that is no month goes back to its field', async () => {
    expect((await load('2026-04'))?.entries.map((entry) => entry.id)).toEqual(['april-note']);
    expect(await load('2026-4')).toMatchObject({ refusedPeriod: '2026-4', period: '2026-03' });
    expect(await load('  ')).toMatchObject({ refusedPeriod: null, period: '2026-03' });
  });

  it('is nothing (404) for a CS not in charge of the client', async () => {
    expect(await load('2026-03', { id: OTHER_CS.id, roles: ['cs'] })).toBeNull();
  });
});
