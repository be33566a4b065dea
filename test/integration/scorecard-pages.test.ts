import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCORECARD_PARTNER, seedDemoScorecard } from '../../db/seed-scorecard.ts';
import { addMonths, policy } from '../../src/policy/index.ts';
import { FORBIDDEN_PAGE, guardPage, NOT_FOUND_PAGE } from '../../src/server/pages/guard-page.ts';
import { loadPartnerScorecardPage } from '../../src/server/scorecard/partner-scorecard-page.ts';
import {
  loadTeamScorecardPage,
  scorecardMonthsAt,
} from '../../src/server/scorecard/team-scorecard-page.ts';
import { pageAnswering, pageRequest } from '../support/page-guard.ts';
import { seedPeople, signIn } from '../support/sign-in.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const EMAILS = {
  paid: 'trafego.pago@ponte.example',
  design: 'design@ponte.example',
  cs: 'cs@ponte.example',
  finance: 'financeiro@ponte.example',
  admin: 'admin@ponte.example',
  headOfDesign: 'lider.design@ponte.example',
} as const;
type Who = keyof typeof EMAILS;

describe.each(DRIVERS)('the scorecard pages: who reaches which (%s)', (driver) => {
  let app: TestApp;
  const tokens = {} as Record<Who, string>;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    for (const [who, email] of Object.entries(EMAILS)) {
      tokens[who as Who] = (await signIn(app, email)).split('=')[1] ?? '';
    }
  });
  afterAll(() => app.close());

  const open = async (path: string, who: Who, status = 200) => {
    const page = pageAnswering(status);
    const response = await guardPage(pageRequest(path, tokens[who]), page.next, app.deps);
    return { status: response.status, rewrites: page.rewrites };
  };

  it('opens /scorecard to every partner role, and no one else (admins and finance get the 403)', async () => {
    for (const who of ['paid', 'design', 'cs'] as const) {
      expect(await open('/scorecard', who), who).toEqual({ status: 200, rewrites: [] });
    }
    for (const who of ['finance', 'admin', 'headOfDesign'] as const) {
      expect(await open('/scorecard', who), who).toEqual({
        status: 403,
        rewrites: [FORBIDDEN_PAGE],
      });
    }
  });

  it('opens /admin/scorecard and a partner’s page under it to admins only', async () => {
    for (const path of ['/admin/scorecard', '/admin/scorecard/demo-paid']) {
      expect(await open(path, 'admin'), path).toEqual({ status: 200, rewrites: [] });
      for (const who of ['paid', 'cs', 'finance', 'headOfDesign'] as const) {
        expect(await open(path, who), `${who} ${path}`).toEqual({
          status: 403,
          rewrites: [FORBIDDEN_PAGE],
        });
      }
    }
  });

  it('draws the app’s not-found page when a scorecard page answers 404 (a bad month, an unknown id)', async () => {
    for (const path of ['/admin/scorecard?month=1999-01', '/admin/scorecard/nobody']) {
      expect(await open(path, 'admin', 404), path).toEqual({
        status: 404,
        rewrites: [NOT_FOUND_PAGE],
      });
    }
    expect(await open('/scorecard/other', 'paid', 404)).toEqual({
      status: 404,
      rewrites: [NOT_FOUND_PAGE],
    });
  });

  it('gives a partner their own months only, newest first, with money for paid traffic alone', async () => {
    const now = app.deps.clock();
    const months = scorecardMonthsAt(now, policy);
    const paid = await loadPartnerScorecardPage(app.db, 'demo-paid', policy, now);
    expect(paid).toMatchObject({ partnerId: 'demo-paid', name: 'Paulo Prado', paid: true });
    expect(paid?.months.map((m) => m.month)).toEqual(months);
    expect(paid?.months[0]?.scorecard.complete).toBe(false);
    expect(paid?.months[0]?.scorecard.lines[0]?.kind).toBe('base');
    const design = await loadPartnerScorecardPage(app.db, 'demo-design', policy, now);
    expect(design).toMatchObject({ partnerId: 'demo-design', name: 'Davi Duarte', paid: false });
    expect(design?.months.every((m) => m.scorecard.lines.length === 0)).toBe(true);
  });

  it('has no scorecard page for someone without a scorecard role, or an unknown id', async () => {
    const now = app.deps.clock();
    for (const id of ['demo-admin', 'demo-finance', 'demo-head-design', 'nobody', '']) {
      expect(await loadPartnerScorecardPage(app.db, id, policy, now), id).toBeNull();
    }
  });

  it('gives admins every partner’s month, this month by default, and no page for a month not offered', async () => {
    const now = app.deps.clock();
    const [thisMonth, lastMonth] = scorecardMonthsAt(now, policy) as [string, string];
    const page = await loadTeamScorecardPage(app.db, null, policy, now);
    expect(page?.month).toBe(thisMonth);
    expect(page?.team.complete).toBe(false);
    expect(page?.team.partners.map((p) => p.partnerId).sort()).toEqual([
      'demo-cs',
      'demo-design',
      'demo-organic',
      'demo-paid',
    ]);
    expect((await loadTeamScorecardPage(app.db, lastMonth, policy, now))?.team.complete).toBe(true);
    const tooOld = addMonths(thisMonth, -policy.incentives.scorecardMonths);
    for (const month of [addMonths(thisMonth, 1), tooOld, '2026-13', 'abc', '2026-3', ' ']) {
      expect(await loadTeamScorecardPage(app.db, month, policy, now), month).toBeNull();
    }
  });
});

describe.each(DRIVERS)('the demo’s scorecards (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    await seedDemoScorecard(app.db, app.deps.clock());
    // Idempotent, like every demo seed (`npm run dev` runs it each time).
    await seedDemoScorecard(app.db, app.deps.clock());
  });
  afterAll(() => app.close());

  it('makes Renata the best of this month so far and of last month, with a late launch in it', async () => {
    const now = app.deps.clock();
    const [thisMonth, lastMonth] = scorecardMonthsAt(now, policy) as [string, string];
    const current = await loadTeamScorecardPage(app.db, thisMonth, policy, now);
    expect(current?.team.best?.partnerIds).toEqual([DEMO_SCORECARD_PARTNER.id]);
    const previous = await loadTeamScorecardPage(app.db, lastMonth, policy, now);
    expect(previous?.team.best?.partnerIds).toEqual([DEMO_SCORECARD_PARTNER.id]);
    const renata = previous?.team.partners.find((p) => p.partnerId === DEMO_SCORECARD_PARTNER.id);
    const line = (kind: string) => renata?.scorecard.lines.find((l) => l.kind === kind)?.count;
    expect([line('renewedAfterFirstMonth'), line('missedLaunch'), line('bestOfMonth')]).toEqual([
      1, 1, 1,
    ]);
    const page = await loadPartnerScorecardPage(app.db, DEMO_SCORECARD_PARTNER.id, policy, now);
    expect(page?.months.slice(0, 2).map((m) => m.best)).toEqual([true, true]);
    // Every pipeline deadline of the demo clients is met or past: nothing waits on Carla.
    const carla = current?.team.partners.find((p) => p.partnerId === 'demo-cs');
    expect(carla?.scorecard.counts.renewals).toBe(1);
    expect(carla?.scorecard.counts.firstContacts.ahead).toBe(0);
  });
});
