import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoInvoices } from '../../db/seed-invoices.ts';
import { policy } from '../../src/policy/index.ts';
import {
  loadReviewInvoicesPage,
  monthChoices,
} from '../../src/server/invoices/review-invoices-page.ts';
import { seedPeople } from '../support/sign-in.ts';
import { countRoundTrips, createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

describe.each(DRIVERS)('the invoice review list’s data (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    await seedDemoInvoices(app.db, app.files, app.deps.clock());
  });
  afterAll(() => app.close());
  const load = (query: Record<string, string> = {}) =>
    countRoundTrips(app, () =>
      loadReviewInvoicesPage(app.db, new URLSearchParams(query), policy, app.deps.clock()),
    );

  it('gives every invoice, the totals and the people to filter by in one round trip', async () => {
    const { result: page, roundTrips } = await load();
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(page.filters).toEqual({});
    expect(page.page).toBe(1);
    expect(page.rows.map((r) => r.number).sort()).toEqual(['NF 1001', 'NF 87', 'RPA 12']);
    expect(page.hasNextPage).toBe(false);
    expect(page.totals).toEqual([
      { status: 'approved', count: 1, amountMinor: 320_000 },
      { status: 'divergent', count: 1, amountMinor: 280_050 },
      { status: 'submitted', count: 1, amountMinor: 450_000 },
    ]);
    expect(page.people.map((p) => p.id)).toContain('demo-paid');
  });

  it('filters by month, status and partner; the totals keep to month and partner', async () => {
    const { result: page, roundTrips } = await load({ month: '2026-02', status: 'approved' });
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(page.filters).toEqual({ competenceMonth: '2026-02', status: 'approved' });
    expect(page.rows.map((r) => r.number)).toEqual(['NF 87']);
    expect(page.totals.map((t) => t.status).sort()).toEqual(['approved', 'divergent', 'submitted']);
    const partner = (await load({ partner: 'demo-paid' })).result;
    expect(partner.rows.map((r) => r.partnerName)).toHaveLength(1);
    expect(partner.totals).toEqual([{ status: 'submitted', count: 1, amountMinor: 450_000 }]);
    expect((await load({ month: '2025-01' })).result.rows).toEqual([]);
  });

  it('offers the last thirteen months to choose from, and a chosen month outside them', () => {
    const now = new Date('2026-03-01T02:00:00.000Z'); // still February in São Paulo
    const months = monthChoices(now, 'America/Sao_Paulo');
    expect(months).toHaveLength(13);
    expect(months.slice(0, 2)).toEqual(['2026-02', '2026-01']);
    expect(months.at(-1)).toBe('2025-02');
    expect(monthChoices(now, 'America/Sao_Paulo', '2024-06').at(-1)).toBe('2024-06');
    expect(monthChoices(now, 'America/Sao_Paulo', '2025-12')).toHaveLength(13);
  });

  it('leaves out a malformed query and gives a later page empty', async () => {
    expect((await load({ month: '2026-13' })).result.filters).toEqual({});
    const odd = (await load({ month: 'june', status: 'lost', page: 'x' })).result;
    expect(odd.filters).toEqual({});
    expect(odd.page).toBe(1);
    expect(odd.rows).toHaveLength(3);
    const later = (await load({ page: '2' })).result;
    expect(later.page).toBe(2);
    expect(later.rows).toEqual([]);
    expect(later.hasNextPage).toBe(false);
  });
});
