import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoices } from '../../db/schema/index.ts';
import { seedDemoPieces } from '../../db/seed-pieces.ts';
import { createTranslator, type Locale } from '../../src/i18n/index.ts';
import { policy } from '../../src/policy/index.ts';
import { loadPiecePage } from '../../src/server/approvals/piece-page.ts';
import type { HistoryEntry } from '../../src/server/audit/event-history.ts';
import { describeEvent } from '../../src/server/audit/history-sentence.ts';
import { loadInvoicePage } from '../../src/server/invoices/invoice-page.ts';
import { loadPartnerInvoicesPage } from '../../src/server/invoices/partner-invoices-page.ts';
import { getPerson } from '../../src/server/partners/people.ts';
import { invoiceForm, pdf, valid } from '../support/invoices.ts';
import { latestMailMatch, postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { countRoundTrips, createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const inWindow = new Date('2026-03-02T13:00:00.000Z');
const FINANCE = { id: 'demo-finance', roles: ['finance' as const] };
// An action's code as stored ("invoice_divergent"): never on a page.
const EVENT_CODE = /\b[a-z]+_[a-z_]+\b/;

/** A history as the pages draw it (EventHistory), in a reader's language. */
const sentences = (history: HistoryEntry[], locale: Locale = 'pt-BR') =>
  history.map((entry) => describeEvent(entry, { t: createTranslator(locale), locale }));

describe.each(DRIVERS)('histories in sentences, with who acted (%s)', (driver) => {
  let app: TestApp;
  let partner: string;
  let finance: string;
  let admin: string;
  beforeAll(async () => {
    app = await createTestApp(driver);
    app.setNow(inWindow);
    await seedPeople(app);
    [partner, finance, admin] = (await Promise.all(
      ['trafego.pago@ponte.example', 'financeiro@ponte.example', 'admin@ponte.example'].map(
        (email) => signIn(app, email),
      ),
    )) as [string, string, string];
  });
  afterAll(() => app.close());

  it('tells an invoice’s history on its page: who sent it, who found what, who approved', async () => {
    const profile = { name: 'Paulo Prado', locale: 'pt-BR', taxId: '529.982.247-25' };
    const saved = await app.request(
      '/api/profile',
      postJson({ ...profile, pixKey: '+5511987654321' }, { cookie: partner }),
    );
    expect(saved.status).toBe(200);
    expect((await app.request('/api/invoices', invoiceForm(valid, pdf('a'), partner))).status).toBe(
      200,
    );
    const [invoice] = await app.db.select().from(invoices).where(eq(invoices.number, 'NF 123'));
    const id = invoice?.id ?? '';
    const act = (path: string, body: unknown) =>
      app.request(`/api/finance/invoices/${id}/${path}`, postJson(body, { cookie: finance }));
    expect((await act('divergence', { message: 'O valor não bate.' })).status).toBe(200);
    const again = invoiceForm({ ...valid, amount: '1.200,00' }, pdf('b'), partner);
    expect((await app.request('/api/invoices', again)).status).toBe(200);
    expect((await act('approve', {})).status).toBe(200);

    const { result: page, roundTrips } = await countRoundTrips(app, () =>
      loadInvoicePage(app.db, policy, FINANCE, id, inWindow),
    );
    // The invoice with its history, then the scorecard's month of its paid partner.
    expect(roundTrips).toBe(driver === 'libsql' ? 2 : null);
    const told = sentences(page?.history ?? []);
    expect(told).toEqual([
      'Fábio Fonseca (financeiro) aprovou a fatura',
      'Paulo Prado corrigiu e reenviou a fatura NF 123',
      'Fábio Fonseca (financeiro) apontou uma divergência: O valor não bate.',
      'Paulo Prado enviou a fatura NF 123',
    ]);
    expect(sentences(page?.history ?? [], 'en')[0]).toBe(
      'Fábio Fonseca (finance) approved the invoice',
    );
    for (const sentence of told) expect(sentence).not.toMatch(EVENT_CODE);

    // The partner follows the same story on their own page, in the same one round trip.
    const { result: own, roundTrips: ownTrips } = await countRoundTrips(app, () =>
      loadPartnerInvoicesPage(app.db, policy, 'demo-paid', inWindow),
    );
    expect(ownTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(sentences(own.newestHistory)).toEqual(told);
  });

  it('tells a person’s history on their page: who changed their roles, and what they did', async () => {
    const changed = await app.request(
      '/api/people/demo-design/roles',
      postJson({ roles: ['design', 'cs'] }, { cookie: admin }),
    );
    expect(changed.status).toBe(200);
    const told = sentences((await getPerson(app.db, 'demo-design'))?.history ?? []);
    expect(told[0]).toBe('Ana Andrade (administração) alterou os papéis');
    const finances = sentences((await getPerson(app.db, 'demo-finance'))?.history ?? []);
    expect(finances).toContain('Fábio Fonseca (financeiro) aprovou a fatura');
    for (const sentence of [...told, ...finances]) expect(sentence).not.toMatch(EVENT_CODE);
  });

  it('tells a piece’s history on its page: the CS who sent it and the contact who decided', async () => {
    await seedDemoPieces(app.db, app.files, app.deps.clock());
    const cs = await signIn(app, 'cs@ponte.example');
    const piece = 'demo-piece-launch';
    const sent = await app.request(
      `/api/pieces/${piece}/send`,
      postJson({ contactIds: ['demo-contact-bakery-owner'], rule: 'all' }, { cookie: cs }),
    );
    expect(sent.status).toBe(200);
    const rita = await latestMailMatch(app, 'rita@paoquente.example', /\/approval\/([a-z2-7]{32})/);
    const decided = await app.request(
      `/api/approval/${rita}/decision`,
      postJson({ decision: 'changes_requested', message: 'Mais claro' }),
    );
    expect(decided.status).toBe(200);
    const page = await loadPiecePage(app.db, { id: 'demo-cs', roles: ['cs'] }, piece);
    const told = sentences(page?.history ?? []);
    expect(told).toContain('Rita Moraes pediu alterações na versão 1');
    expect(told).toContain('Carla Campos (CS) enviou a versão 1 a Rita Moraes');
    for (const sentence of told) expect(sentence).not.toMatch(EVENT_CODE);
  });
});
