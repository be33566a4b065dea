import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { campaignDayMetrics, campaignImports, events } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { loadCampaignImportPage } from '../../src/server/campaign-costs/campaign-import-page.ts';
import { saveCampaignImport } from '../../src/server/campaign-costs/campaign-import-save.ts';
import { sweepOrphanFiles } from '../../src/server/files/sweep-orphan-files.ts';
import { exportBytes, PT_BY_PLACEMENT, placementCells } from '../support/ads-exports.ts';
import { openImportsApp } from '../support/campaign-imports.ts';
import type { TeamsApp } from '../support/teams.ts';
import { DRIVERS } from '../support/test-databases.ts';

const BAKERY = 'demo-client-bakery';
const PAID = { id: 'demo-paid', name: 'Paulo', ip: null };
const day = (starts: string, campaign: string, spend = '100.00') =>
  placementCells({
    starts,
    campaign,
    results: '4',
    indicator: 'actions:lead',
    impressions: '1000',
    spend,
    clicks: '20',
  });
const EXPORT = exportBytes(PT_BY_PLACEMENT, [
  day('2026-11-29', 'Verão'),
  day('2026-11-29', 'Inverno'),
  placementCells({
    starts: '2026-11-29',
    campaign: '',
    impressions: '2000',
    spend: '200',
    clicks: '40',
  }),
]);

describe.each(DRIVERS)('importing the ads manager export (%s)', (driver) => {
  let teams: TeamsApp;
  let imports: Awaited<ReturnType<typeof openImportsApp>>;
  beforeAll(async () => {
    imports = await openImportsApp(driver);
    teams = imports.teams;
  });
  beforeEach(() => imports.reset());
  afterAll(() => teams.app.close());

  it('upload → preview → save: nothing is written before the confirm, then one batch', async () => {
    const uploaded = await imports.upload('paid', BAKERY, EXPORT, 'export novembro.csv');
    expect(uploaded.status).toBe(200);
    const { file } = (await uploaded.json()) as { file: string };
    expect(await imports.written()).toEqual({ imports: 0, figures: 0, events: 0 });
    const page = await loadCampaignImportPage(
      teams.app.deps,
      { id: 'demo-paid', roles: ['paid_traffic'] },
      BAKERY,
      { file, name: 'export novembro.csv' },
      policy,
      teams.app.deps.clock(),
    );
    expect(page?.preview).toMatchObject({
      currency: 'BRL',
      firstDay: '2026-11-29',
      campaigns: ['Inverno', 'Verão'],
      placements: ['feed'],
      skipped: [{ line: 4, reason: 'totals' }],
      lines: [
        {
          campaignName: 'Inverno',
          placement: 'feed',
          spendMinorUnits: 10000,
          resultsAreLeads: true,
          objective: 'leads',
        },
        { campaignName: 'Verão', placement: 'feed', spendMinorUnits: 10000, objective: 'leads' },
      ],
    });
    const saved = await imports.confirm('paid', BAKERY, file, 'export novembro.csv');
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ firstDay: '2026-11-29', rows: 2 });
    expect(await imports.written()).toEqual({ imports: 1, figures: 2, events: 1 });
    // Each figure keeps its campaign's objective (from the lead indicator): compared on CPL.
    const objectives = await teams.app.db
      .select({ objective: campaignDayMetrics.objective })
      .from(campaignDayMetrics);
    expect(objectives).toEqual([{ objective: 'leads' }, { objective: 'leads' }]);
    const [row] = await teams.app.db.select().from(campaignImports);
    expect(row).toMatchObject({
      fileName: 'export novembro.csv',
      importedBy: 'demo-paid',
      rowCount: 2,
    });
    // The staged upload is gone: the same preview cannot be saved twice.
    expect(await imports.stagedCount()).toBe(0);
    const again = await imports.confirm('paid', BAKERY, file);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'preview_gone' } });
  });

  it('importing the same days again replaces them; other days stay', async () => {
    await imports.importFile(
      'cs',
      BAKERY,
      exportBytes(PT_BY_PLACEMENT, [day('2026-11-28', 'Outono')]),
    );
    await imports.importFile('cs', BAKERY, EXPORT);
    const onlyVerao = exportBytes(PT_BY_PLACEMENT, [day('2026-11-29', 'Verão', '55.5')]);
    // The preview says what the save replaces: the day's two figures, Inverno's among them.
    const { file } = (await (await imports.upload('admin', BAKERY, onlyVerao)).json()) as {
      file: string;
    };
    const admin = { id: 'demo-admin', roles: ['admin' as const] };
    const shown = { file, name: null };
    const now = teams.app.deps.clock();
    const page = await loadCampaignImportPage(teams.app.deps, admin, BAKERY, shown, policy, now);
    expect(page?.preview).toMatchObject({
      replaces: { figures: 2, days: 1, otherCampaigns: 1 },
    });
    expect((await imports.confirm('admin', BAKERY, file)).status).toBe(200);
    const figures = await teams.app.db
      .select({
        day: campaignDayMetrics.day,
        name: campaignDayMetrics.campaignName,
        spend: campaignDayMetrics.spendMinorUnits,
      })
      .from(campaignDayMetrics)
      .orderBy(campaignDayMetrics.day);
    expect(figures).toEqual([
      { day: '2026-11-28', name: 'Outono', spend: 10000 },
      { day: '2026-11-29', name: 'Verão', spend: 5550 },
    ]);
  });

  it('two confirms of one preview at once: one saves, the other gets a 409, no duplicates', async () => {
    const { file } = (await (await imports.upload('cs', BAKERY, EXPORT)).json()) as {
      file: string;
    };
    const answers = await Promise.all([
      imports.confirm('cs', BAKERY, file),
      imports.confirm('cs', BAKERY, file),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await imports.written()).toEqual({ imports: 1, figures: 2, events: 1 });
  });

  it('two people saving the same days at once: both saved in turn, the figures once', async () => {
    const [a, b] = await Promise.all([
      imports.upload('cs', BAKERY, EXPORT),
      imports.upload('paid', BAKERY, EXPORT),
    ]);
    const [fa, fb] = [(await a.json()) as { file: string }, (await b.json()) as { file: string }];
    const answers = await Promise.all([
      imports.confirm('cs', BAKERY, fa.file),
      imports.confirm('paid', BAKERY, fb.file),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect((await imports.written()).figures).toBe(2);
  });

  it('bad files: a clear localized 4xx on the file field, nothing staged or written', async () => {
    const cases: [Uint8Array, number, RegExp][] = [
      [new Uint8Array(), 400, /Nenhum arquivo escolhido/],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 415, /planilha \(XLSX ou XLS\)/],
      [new Uint8Array(3000).map((_, i) => (i * 31) % 256), 415, /não é um CSV de texto/],
      [new TextEncoder().encode('a,b,c\n1,2,3\n'), 400, /Faltam colunas.*Nome da campanha/],
      [exportBytes(PT_BY_PLACEMENT, [day('2026-11-29', 'X', 'caro')]), 400, /Linha 2: Valor usado/],
      [new Uint8Array(policy.campaignImports.maxUploadBytes + 1).fill(0x61), 413, /passa de 5 MB/],
      // Far past the limit: refused by the route's body limit before the body is read whole.
      [new Uint8Array(policy.campaignImports.maxUploadBytes + 1024 * 1024), 413, /passa de 5 MB/],
      [new TextEncoder().encode('Nome da campanha\u0000,x\n'), 415, /não é um CSV de texto/],
      [
        exportBytes(PT_BY_PLACEMENT, [day('2026-11-29', 'V'.repeat(501))]),
        400,
        /Linha 2: o nome da campanha passa de 500 caracteres/,
      ],
      [
        exportBytes(PT_BY_PLACEMENT, [day('2026-11-29', 'X', '10,005')]),
        400,
        /Linha 2: Valor usado \(BRL\): “10,005” tem mais casas decimais/,
      ],
    ];
    for (const [bytes, status, message] of cases) {
      const answer = await imports.upload('cs', BAKERY, bytes);
      expect(answer.status).toBe(status);
      const body = (await answer.json()) as { error: { fields?: { file?: string } } };
      expect(body.error.fields?.file).toMatch(message);
    }
    expect(await imports.stagedCount()).toBe(0);
    expect(await imports.written()).toEqual({ imports: 0, figures: 0, events: 0 });
  });

  it('a forged, malformed, expired or someone else’s preview: refused, nothing written', async () => {
    const { file } = (await (await imports.upload('paid', BAKERY, EXPORT)).json()) as {
      file: string;
    };
    expect((await imports.confirm('paid', BAKERY, 'f'.repeat(64))).status).toBe(409);
    expect((await imports.confirm('paid', BAKERY, '../x')).status).toBe(400);
    // CS of the same client cannot save the paid-traffic partner's upload.
    expect((await imports.confirm('cs', BAKERY, file)).status).toBe(409);
    // Nor for another client: the hash is the paid partner's upload for the bakery only.
    expect((await imports.confirm('paid', 'demo-client-clinic', file)).status).toBe(409);
    // Past the policy's wait (the bucket's upload time is the real clock's).
    const later = new Date(Date.now() + (policy.campaignImports.stagedForHours + 1) * 3600_000);
    const paid = { user: { id: 'demo-paid', roles: ['paid_traffic' as const] }, actor: PAID };
    const expired = await saveCampaignImport(
      teams.app.deps,
      paid,
      BAKERY,
      { sha256: file, fileName: '' },
      policy,
      later,
    );
    expect(expired).toEqual({ ok: false, error: 'preview_gone' });
    expect(await imports.written()).toEqual({ imports: 0, figures: 0, events: 0 });
  });

  it('another client’s partner, or a client not theirs: 404; a designer: 403', async () => {
    expect((await imports.upload('otherPaid', BAKERY, EXPORT)).status).toBe(404);
    expect((await imports.upload('otherCs', BAKERY, EXPORT)).status).toBe(404);
    expect((await imports.upload('cs', 'no-such-client', EXPORT)).status).toBe(404);
    expect((await imports.upload('design', BAKERY, EXPORT)).status).toBe(403);
    const { file } = (await (await imports.upload('admin', BAKERY, EXPORT)).json()) as {
      file: string;
    };
    expect((await imports.confirm('otherPaid', BAKERY, file)).status).toBe(404);
    expect(await imports.written()).toEqual({ imports: 0, figures: 0, events: 0 });
    const page = await loadCampaignImportPage(
      teams.app.deps,
      { id: 'other-paid', roles: ['paid_traffic'] },
      BAKERY,
      { file: null, name: null },
      policy,
      teams.app.deps.clock(),
    );
    expect(page).toBeNull();
  });

  it('without JavaScript: the upload goes to its preview, a refusal back to the form', async () => {
    const sent = await imports.upload('cs', BAKERY, EXPORT, 'nov.csv', { html: true });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('Location')).toMatch(
      /^\/clients\/demo-client-bakery\/campaigns\/import\?file=[0-9a-f]{64}&name=nov.csv#preview$/,
    );
    const refused = await imports.upload('cs', BAKERY, new Uint8Array(), 'x.csv', { html: true });
    expect(refused.status).toBe(303);
    expect(refused.headers.get('Location')).toBe('/clients/demo-client-bakery/campaigns/import');
  });

  it('the orphan sweep removes a staged upload never saved, once older than its grace', async () => {
    await imports.upload('cs', BAKERY, EXPORT);
    const deps = { db: teams.app.db, files: teams.app.files };
    await sweepOrphanFiles(deps, new Date());
    expect(await imports.stagedCount()).toBe(1);
    await sweepOrphanFiles(deps, new Date(Date.now() + 25 * 3600_000));
    expect(await imports.stagedCount()).toBe(0);
    expect(
      await teams.app.db.select().from(events).where(eq(events.action, 'campaign_import_saved')),
    ).toEqual([]);
  });
});
