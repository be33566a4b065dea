import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientCostNorms, events } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { loadCostNormsPage } from '../../src/server/campaign-costs/cost-norms.ts';
import { amountAsTyped } from '../../src/server/campaign-costs/cost-norms-input.ts';
import {
  decodeFeedback,
  FEEDBACK_COOKIE,
  feedbackKey,
} from '../../src/server/forms/form-feedback.ts';
import { openTeamsApp, type TeamsApp } from '../support/teams.ts';
import { readJson, SAME_ORIGIN } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const BAKERY = 'demo-client-bakery';
const CLINIC = 'demo-client-clinic';
const url = (clientId = BAKERY) => `/api/cost-norms/${clientId}`;

describe.each(DRIVERS)('a client’s own cost norms (%s)', (driver) => {
  let teams: TeamsApp;
  const normsOf = (clientId = BAKERY) =>
    teams.app.db
      .select()
      .from(clientCostNorms)
      .where(eq(clientCostNorms.clientId, clientId))
      .orderBy(clientCostNorms.metric, clientCostNorms.placement);
  const savedEvents = () =>
    teams.app.db
      .select()
      .from(events)
      .where(and(eq(events.action, 'cost_norms_saved'), eq(events.subjectType, 'client')));
  const basedOn = async (clientId = BAKERY) =>
    (
      await loadCostNormsPage(
        teams.app.db,
        { id: 'demo-admin', roles: ['admin'] },
        clientId,
        policy,
      )
    )?.basedOn ?? 0;

  beforeAll(async () => {
    teams = await openTeamsApp(driver);
  });
  beforeEach(async () => {
    await teams.app.db.delete(clientCostNorms);
    await teams.app.db.delete(events).where(eq(events.action, 'cost_norms_saved'));
  });
  afterAll(() => teams.app.close());

  it('its CS, its paid-traffic partner and admins save; each save is the whole set, with a history event', async () => {
    const first = await teams.post(
      url(),
      { currency: 'brl', 'max-CPC-feed': '1,50', 'max-CPL-any': '40' },
      'paid',
    );
    expect(first.status).toBe(200);
    expect(await readJson(first)).toEqual({ saved: 2 });
    expect(
      (await normsOf()).map((n) => [
        n.metric,
        n.placement,
        n.currency,
        n.maxMinorUnits,
        n.updatedBy,
      ]),
    ).toEqual([
      ['CPC', 'feed', 'BRL', 150, 'demo-paid'],
      ['CPL', 'any', 'BRL', 4000, 'demo-paid'],
    ]);
    // The English way, by the CS; the CPL left blank goes back to the agency's.
    const second = await teams.post(
      url(),
      { currency: 'BRL', basedOn: await basedOn(), 'max-CPC-feed': '1.25' },
      'cs',
    );
    expect(second.status).toBe(200);
    expect((await normsOf()).map((n) => [n.metric, n.maxMinorUnits, n.updatedBy])).toEqual([
      ['CPC', 125, 'demo-cs'],
    ]);
    teams.app.setNow(new Date('2026-03-10T12:05:00Z'));
    const third = await teams.post(
      url(),
      { currency: 'BRL', basedOn: await basedOn(), 'max-CPM-stories': '1.234,56' },
      'admin',
    );
    expect(third.status).toBe(200);
    expect((await normsOf()).map((n) => n.maxMinorUnits)).toEqual([123_456]);
    expect((await savedEvents()).map((e) => [e.actorId, e.subjectId])).toEqual([
      ['demo-paid', BAKERY],
      ['demo-cs', BAKERY],
      ['demo-admin', BAKERY],
    ]);
    teams.app.setNow(new Date('2026-03-10T12:00:00Z'));
  });

  it('anyone else gets a 404 (or the access rule’s 403), and the page is not theirs either', async () => {
    for (const who of ['otherCs', 'otherPaid']) {
      const answer = await teams.post(url(), { currency: 'BRL', 'max-CPC-feed': '1' }, who);
      expect(answer.status, who).toBe(404);
    }
    // Organic traffic and design on the bakery's team: not roles that keep campaign costs.
    for (const who of ['organic', 'design']) {
      expect(
        (await teams.post(url(), { currency: 'BRL', 'max-CPC-feed': '1' }, who)).status,
        who,
      ).toBe(403);
    }
    expect((await teams.post(url('no-such-client'), { currency: 'BRL' }, 'admin')).status).toBe(
      404,
    );
    expect(await normsOf()).toEqual([]);
    expect(await savedEvents()).toEqual([]);
    const page = (id: string, roles: ('cs' | 'paid_traffic' | 'organic_traffic' | 'admin')[]) =>
      loadCostNormsPage(teams.app.db, { id, roles }, BAKERY, policy);
    expect(await page('demo-cs', ['cs'])).not.toBeNull();
    expect(await page('demo-paid', ['paid_traffic'])).not.toBeNull();
    expect(await page('demo-admin', ['admin'])).not.toBeNull();
    expect(await page('other-cs', ['cs'])).toBeNull();
    expect(await page('other-paid', ['paid_traffic'])).toBeNull();
    expect(await page('demo-organic', ['organic_traffic'])).toBeNull();
  });

  it('one client’s norms are its own: a save of the bakery leaves the clinic’s', async () => {
    await teams.post(url(CLINIC), { currency: 'USD', 'max-CPL-any': '12' }, 'cs');
    await teams.post(url(), { currency: 'BRL', 'max-CPL-any': '30' }, 'cs');
    expect((await normsOf(CLINIC)).map((n) => [n.currency, n.maxMinorUnits])).toEqual([
      ['USD', 1200],
    ]);
    expect((await normsOf()).map((n) => [n.currency, n.maxMinorUnits])).toEqual([['BRL', 3000]]);
  });

  it('refuses bad input on its field, writing nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ currency: 'BRL', 'max-CPC-feed': '-1' }, 'max-CPC-feed'],
      [{ currency: 'BRL', 'max-CPC-feed': '0' }, 'max-CPC-feed'],
      [{ currency: 'BRL', 'max-CPC-feed': '0,00' }, 'max-CPC-feed'],
      [{ currency: 'BRL', 'max-CPM-feed': 'abc' }, 'max-CPM-feed'],
      [{ currency: 'BRL', 'max-CPM-feed': '1,234' }, 'max-CPM-feed'],
      [{ currency: 'BRL', 'max-CPL-any': '99999999999' }, 'max-CPL-any'],
      [{ currency: 'BRL', 'max-CPL-any': '1000000,01' }, 'max-CPL-any'],
      [{ currency: 'BRL', 'max-CTR-feed': '1' }, 'max-CTR-feed'],
      [{ currency: 'BRL', 'max-CPC-reels': '1' }, 'max-CPC-reels'],
      [{ currency: 'R$', 'max-CPC-feed': '1' }, 'currency'],
      [{ currency: 'XYZ', 'max-CPC-feed': '1' }, 'currency'],
      // Thousandths (dinars) cannot be typed; a yen has no cents.
      [{ currency: 'KWD', 'max-CPC-feed': '1' }, 'currency'],
      [{ currency: 'JPY', 'max-CPC-feed': '1,50' }, 'max-CPC-feed'],
      [{ 'max-CPC-feed': '1' }, 'currency'],
    ];
    for (const [body, field] of cases) {
      const answer = await teams.post(url(), body, 'cs');
      expect(answer.status, JSON.stringify(body)).toBe(400);
      const problem = await readJson(answer);
      expect(Object.keys(problem.error.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    // A refused save also leaves the norms that were there.
    await teams.post(url(), { currency: 'BRL', 'max-CPC-feed': '2' }, 'cs');
    const before = await normsOf();
    expect(
      (
        await teams.post(
          url(),
          { currency: 'USD', basedOn: await basedOn(), 'max-CPC-feed': 'x' },
          'cs',
        )
      ).status,
    ).toBe(400);
    expect(await normsOf()).toEqual(before);
    expect(await savedEvents()).toHaveLength(1);
  });

  it('a client whose ad account has no cents (yen) has norms in whole yen', async () => {
    const body = { currency: 'JPY', 'max-CPC-feed': '150', 'max-CPL-any': '1200' };
    expect((await teams.post(url(), body, 'cs')).status).toBe(200);
    expect((await normsOf()).map((n) => [n.metric, n.currency, n.maxMinorUnits])).toEqual([
      ['CPC', 'JPY', 150],
      ['CPL', 'JPY', 1200],
    ]);
    expect(amountAsTyped(1200, 'pt-BR', 'JPY')).toBe('1200');
    expect(amountAsTyped(150, 'en', 'BRL')).toBe('1.50');
  });

  it('a currency change rewrites every norm in one batch', async () => {
    await teams.post(
      url(),
      { currency: 'BRL', 'max-CPC-feed': '1,50', 'max-CPM-any': '20', 'max-CPL-any': '40' },
      'cs',
    );
    const changed = await teams.post(
      url(),
      {
        currency: 'USD',
        basedOn: await basedOn(),
        'max-CPC-feed': '0.30',
        'max-CPM-any': '4',
        'max-CPL-any': '8',
      },
      'cs',
    );
    expect(changed.status).toBe(200);
    expect((await normsOf()).map((n) => [n.metric, n.currency, n.maxMinorUnits])).toEqual([
      ['CPC', 'USD', 30],
      ['CPL', 'USD', 800],
      ['CPM', 'USD', 400],
    ]);
  });

  it('two saves from the same page at once: one wins, the other is a 409 and writes nothing', async () => {
    await teams.post(url(), { currency: 'BRL', 'max-CPC-feed': '1' }, 'cs');
    const from = await basedOn();
    teams.app.setNow(new Date('2026-03-10T12:01:00Z'));
    const answers = await Promise.all([
      teams.post(url(), { currency: 'BRL', basedOn: from, 'max-CPC-feed': '2' }, 'cs'),
      teams.post(
        url(),
        { currency: 'USD', basedOn: from, 'max-CPC-feed': '3', 'max-CPL-any': '9' },
        'paid',
      ),
    ]);
    teams.app.setNow(new Date('2026-03-10T12:00:00Z'));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const lost = answers.find((a) => a.status === 409);
    expect((await readJson(lost as Response)).error.code).toBe('conflict');
    const rows = await normsOf();
    // The winner's set, whole: never a mix of the two.
    expect([JSON.stringify(rows.map((n) => [n.currency, n.maxMinorUnits]))]).toContainEqual(
      expect.stringMatching(/^\[\["BRL",200\]\]$|^\[\["USD",300\],\["USD",900\]\]$/),
    );
    expect(await savedEvents()).toHaveLength(2);
    // A save from a page older than the norms is refused too.
    expect(
      (await teams.post(url(), { currency: 'BRL', basedOn: from, 'max-CPC-feed': '5' }, 'cs'))
        .status,
    ).toBe(409);
  });

  it('a plain form returns to the editor with the notice, or with the field’s error', async () => {
    const form = (body: Record<string, string>) =>
      teams.app.request(url(), {
        method: 'POST',
        headers: {
          ...SAME_ORIGIN,
          Cookie: teams.cookie.get('cs') ?? '',
          Accept: 'text/html',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ returnTo: `/clients/${BAKERY}/cost-norms`, ...body }),
      });
    const feedbackOf = (answer: Response) => {
      const cookie = /__Host-ponte_feedback=([^;]+)/.exec(
        answer.headers.get('set-cookie') ?? '',
      )?.[1];
      expect(FEEDBACK_COOKIE).toBe('__Host-ponte_feedback');
      return decodeFeedback(cookie, feedbackKey(undefined));
    };
    const saved = await form({
      currency: 'BRL',
      basedOn: '0',
      'max-CPC-feed': '1,50',
      'max-CPC-stories': '',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/clients/${BAKERY}/cost-norms`);
    expect(feedbackOf(saved)?.notice).toBe('Normas de custo salvas.');
    const refused = await form({
      currency: 'BRL',
      basedOn: String(await basedOn()),
      'max-CPC-feed': '1,5,0',
    });
    expect(refused.status).toBe(303);
    expect(refused.headers.get('location')).toBe(`/clients/${BAKERY}/cost-norms`);
    const feedback = feedbackOf(refused);
    expect(Object.keys(feedback?.fields ?? {})).toEqual(['max-CPC-feed']);
    expect(feedback?.values?.['max-CPC-feed']).toBe('1,5,0');
    expect((await normsOf()).map((n) => n.maxMinorUnits)).toEqual([150]);
  });
});
