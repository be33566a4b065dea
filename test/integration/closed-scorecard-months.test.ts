import { and, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import {
  clientMilestones,
  clientTeamMembers,
  scorecardMonthPartners,
  scorecardMonths,
  userRoles,
  users,
} from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import {
  closeScorecardMonth,
  closeScorecardMonths,
} from '../../src/server/scorecard/close-scorecard-months.ts';
import { closeMonthWrites } from '../../src/server/scorecard/closed-months.ts';
import { monthClosesAt } from '../../src/server/scorecard/month-closing.ts';
import { loadPartnerScorecardPage } from '../../src/server/scorecard/partner-scorecard-page.ts';
import { loadTeamScorecardPage } from '../../src/server/scorecard/team-scorecard-page.ts';
import {
  countTeamScorecards,
  loadTeamScorecards,
  type TeamMonth,
} from '../../src/server/scorecard/team-scorecards.ts';
import { seedScorecardAgency } from '../support/scorecard-agency.ts';
import { agencyTime } from '../support/scorecard-records.ts';
import {
  DRIVERS,
  openLibsqlDatabase,
  openTestDatabase,
  type TestDatabase,
} from '../support/test-databases.ts';

// March 2026 closes on 6 April, 00:00 in São Paulo (policy.incentives.monthClosesAfterDays 5).
const MARCH = '2026-03';
const CLOSES = monthClosesAt(MARCH, policy);
const LATER = agencyTime('2026-04-20 12:00');
const march = { from: MARCH, to: MARCH };

const storedRows = async (db: Database, month = MARCH) => ({
  months: await db.select().from(scorecardMonths).where(eq(scorecardMonths.month, month)),
  partners: (
    await db
      .select({ id: scorecardMonthPartners.partnerId })
      .from(scorecardMonthPartners)
      .where(eq(scorecardMonthPartners.month, month))
  ).map((row) => row.id),
});

/**
 * What a month shows, without where it stands (closed or counted), as JSON holds it: a line's
 * total of −0 (0 × a deduction) reads back as 0, which every page shows the same.
 */
const figures = (team: TeamMonth) =>
  JSON.parse(JSON.stringify({ partners: team.partners, best: team.best }));
// March's partners: the active ones, and gone (inactive, with records in March).
const MARCH_PARTNERS = ['cs1', 'de1', 'de2', 'gone', 'idle', 'pt1', 'pt2'];

/**
 * After March closed: pt1 renamed and moved from paid traffic to design, pt2's team row on
 * client B removed and pt2 gone (deactivated), client A's launch re-recorded as in time.
 */
async function changeEverything(db: Database) {
  await db.update(users).set({ name: 'Paula' }).where(eq(users.id, 'pt1'));
  await db
    .delete(userRoles)
    .where(and(eq(userRoles.userId, 'pt1'), eq(userRoles.role, 'paid_traffic')));
  await db.insert(userRoles).values({ userId: 'pt1', role: 'design' });
  await db
    .delete(clientTeamMembers)
    .where(and(eq(clientTeamMembers.clientId, 'client-b'), eq(clientTeamMembers.userId, 'pt2')));
  await db.update(users).set({ active: false }).where(eq(users.id, 'pt2'));
  await db
    .update(clientMilestones)
    .set({ occurredAt: agencyTime('2026-03-06 09:00') })
    .where(and(eq(clientMilestones.clientId, 'client-a'), eq(clientMilestones.kind, 'launched')));
}

describe.each(DRIVERS)('closed scorecard months (%s)', (driver) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(driver);
    await seedScorecardAgency(database.db);
  });
  afterEach(() => database.close());

  it('closes a month at monthClosesAt, not a millisecond before', async () => {
    const { db } = database;
    expect(CLOSES.toISOString()).toBe('2026-04-06T03:00:00.000Z');
    const before = new Date(CLOSES.getTime() - 1);
    expect(await closeScorecardMonth(db, MARCH, policy, before)).toBe(false);
    // The job at that instant closes the months before it (oldest first, three a run).
    expect(await closeScorecardMonths(db, policy, before)).toEqual({ closed: 3, waiting: 1 });
    expect(await closeScorecardMonths(db, policy, before)).toEqual({ closed: 1, waiting: 0 });
    expect(await closeScorecardMonths(db, policy, before)).toEqual({ closed: 0, waiting: 0 });
    expect((await storedRows(db)).months).toEqual([]);
    expect((await storedRows(db, '2026-02')).months).toHaveLength(1);
    expect(await closeScorecardMonths(db, policy, CLOSES)).toEqual({ closed: 1, waiting: 0 });
    expect((await storedRows(db)).months).toEqual([
      {
        month: MARCH,
        closedAt: CLOSES,
        best: JSON.stringify({ partnerIds: ['pt2'], eachMinorUnits: 30_000 }),
      },
    ]);
    expect((await storedRows(db)).partners.sort()).toEqual(MARCH_PARTNERS);
  });

  it('keeps a closed month as it closed: a role, a team row, a record, a name changed and a partner gone since', async () => {
    const { db } = database;
    const [counted] = await loadTeamScorecards(db, march, policy, CLOSES);
    // Due to close, not stored yet: counted from the records, complete.
    expect(counted?.closing).toEqual({ kind: 'due', closesAt: CLOSES });
    expect(await closeScorecardMonth(db, MARCH, policy, CLOSES)).toBe(true);
    await changeEverything(db);
    const [closed] = (await loadTeamScorecards(db, march, policy, LATER)) as [TeamMonth];
    expect(closed.closing).toEqual({ kind: 'closed', closedAt: CLOSES });
    expect(figures(closed)).toEqual(figures(counted as TeamMonth));
    const pt1 = closed.partners.find((p) => p.partnerId === 'pt1');
    expect(pt1).toMatchObject({ name: 'pt1', roles: ['paid_traffic'], paid: true });
    expect(pt1?.scorecard.asOf).toEqual(agencyTime('2026-04-01 00:00'));
    expect(closed.partners.map((p) => p.partnerId)).toContain('pt2');
    // The same records counted today would say otherwise (the changes did take).
    const [recounted] = (await countTeamScorecards(db, march, policy, LATER, null)) as [TeamMonth];
    expect(recounted.best?.partnerIds).not.toEqual(['pt2']);
    expect(recounted.partners.find((p) => p.partnerId === 'pt1')).toMatchObject({ paid: false });
    // The admins' page shows March's best as it was; pt2 has no page of their own any more.
    const page = await loadTeamScorecardPage(db, MARCH, policy, LATER);
    expect(page?.bestNames).toEqual(['pt2']);
    expect(await loadPartnerScorecardPage(db, 'pt2', policy, LATER)).toBeNull();
  });

  it('still moves an open month, and a partner’s page is who they are now', async () => {
    const { db } = database;
    await closeScorecardMonth(db, MARCH, policy, CLOSES);
    const april = { from: '2026-04', to: '2026-04' };
    const [before] = (await loadTeamScorecards(db, april, policy, LATER)) as [TeamMonth];
    expect(before.closing).toEqual({ kind: 'soFar', closesAt: monthClosesAt('2026-04', policy) });
    await changeEverything(db);
    const [after] = (await loadTeamScorecards(db, april, policy, LATER)) as [TeamMonth];
    expect(before.partners.find((p) => p.partnerId === 'pt1')).toMatchObject({
      name: 'pt1',
      paid: true,
    });
    expect(after.partners.find((p) => p.partnerId === 'pt1')).toMatchObject({
      name: 'Paula',
      roles: ['design'],
      paid: false,
    });
    expect(after.partners.map((p) => p.partnerId)).not.toContain('pt2');
    const page = await loadPartnerScorecardPage(db, 'pt1', policy, LATER);
    expect(page).toMatchObject({ name: 'Paula', paid: false });
    const closedMarch = page?.months.find((m) => m.month === MARCH);
    expect(closedMarch?.closing.kind).toBe('closed');
    expect(closedMarch?.scorecard.lines.length).toBeGreaterThan(0);
  });

  it('counts a month due to close that the job has not stored yet, and its page renders', async () => {
    const page = await loadTeamScorecardPage(database.db, MARCH, policy, LATER);
    expect(page?.team).toMatchObject({
      complete: true,
      closing: { kind: 'due', closesAt: CLOSES },
    });
    expect(page?.team.partners.map((p) => p.partnerId)).toEqual(MARCH_PARTNERS);
    expect(page?.bestNames).toEqual(['pt2']);
  });

  it('shows someone who joined after a month closed on the months since, not on it', async () => {
    const { db } = database;
    await closeScorecardMonth(db, MARCH, policy, CLOSES);
    await db
      .insert(users)
      .values({ id: 'new', email: 'new@ponte.example', name: 'new', createdAt: LATER });
    await db.insert(userRoles).values({ userId: 'new', role: 'paid_traffic' });
    const page = await loadPartnerScorecardPage(db, 'new', policy, LATER);
    expect(page?.months.map((m) => m.month)).toEqual([
      '2026-04',
      '2026-02',
      '2026-01',
      '2025-12',
      '2025-11',
    ]);
  });

  it('closes a month once: run again, or twice at the same time', async () => {
    const { db } = database;
    expect(await closeScorecardMonth(db, MARCH, policy, CLOSES)).toBe(true);
    expect(await closeScorecardMonth(db, MARCH, policy, LATER)).toBe(false);
    expect((await storedRows(db)).months).toMatchObject([{ closedAt: CLOSES }]);
    const both = await Promise.all([
      closeScorecardMonth(db, '2026-02', policy, LATER),
      closeScorecardMonth(db, '2026-02', policy, LATER),
    ]);
    expect(both.sort()).toEqual([false, true]);
    const february = await storedRows(db, '2026-02');
    expect(february.months).toHaveLength(1);
    // February: the active partners (gone has no records in it).
    expect(february.partners.sort()).toEqual(['cs1', 'de1', 'de2', 'idle', 'pt1', 'pt2']);
  });

  it('never mixes two closings of a month that counted different partners', async () => {
    const { db } = database;
    const [counted] = (await countTeamScorecards(db, march, policy, CLOSES, null)) as [TeamMonth];
    const some = { ...counted, partners: counted.partners.slice(0, 2) };
    const others = { ...counted, partners: counted.partners.slice(2) };
    await Promise.all([
      db.batch(closeMonthWrites(db, some, CLOSES)),
      db.batch(closeMonthWrites(db, others, CLOSES)),
    ]);
    const stored = (await storedRows(db)).partners.sort();
    const sets = [some, others].map((team) => team.partners.map((p) => p.partnerId).sort());
    expect(sets).toContainEqual(stored);
    const count = await db.select({ n: sql<number>`count(*)` }).from(scorecardMonths);
    expect(count).toEqual([{ n: 1 }]);
  });
});

describe('a closed month’s round trips', () => {
  it('reads a closed month’s page in one round trip, a partner’s closed months too', async () => {
    const database = await openLibsqlDatabase();
    try {
      const { db } = database;
      await seedScorecardAgency(db);
      const { roundTrips } = database.client;
      let before = roundTrips.count;
      // Not stored yet: the stored rows, then the records (two).
      await loadTeamScorecardPage(db, MARCH, policy, LATER);
      expect(roundTrips.count - before).toBe(2);
      while ((await closeScorecardMonths(db, policy, LATER)).closed > 0);
      before = roundTrips.count;
      await loadTeamScorecardPage(db, MARCH, policy, LATER);
      expect(roundTrips.count - before).toBe(1);
      // April counted, the five months before it read as stored, in the same round trip.
      before = roundTrips.count;
      const page = await loadPartnerScorecardPage(db, 'pt1', policy, LATER);
      expect(roundTrips.count - before).toBe(1);
      expect(page?.months.map((m) => m.closing.kind)).toEqual([
        'soFar',
        'closed',
        'closed',
        'closed',
        'closed',
        'closed',
      ]);
    } finally {
      await database.close();
    }
  });
});
