import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, invoices, userRoles, users } from '../../db/schema/index.ts';
import { invoiceForm, pdf, valid } from '../support/invoices.ts';
import { postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { createTestApp, readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

describe.each(DRIVERS)('segregation of duties and payment dates (%s)', (driver) => {
  let app: TestApp;
  let finance: string;
  let admin: string;
  let organic: string;
  const inWindow = new Date('2026-03-02T13:00:00.000Z');
  // 23:30 on 2 March in São Paulo, already 3 March in UTC: the approval day is the 2nd.
  const approvedLate = new Date('2026-03-03T02:30:00.000Z');
  // 23:59 on 4 March in São Paulo, already 5 March in UTC: today is the 4th.
  const lateOnThe4th = new Date('2026-03-05T02:59:00.000Z');
  beforeAll(async () => {
    app = await createTestApp(driver);
    app.setNow(inWindow);
    await seedPeople(app);
    // The finance person also works as a paid-traffic partner and bills the agency.
    const [person] = await app.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'financeiro@ponte.example'));
    await app.db.insert(userRoles).values({ userId: person?.id ?? '', role: 'paid_traffic' });
    [finance, admin, organic] = (await Promise.all(
      ['financeiro@ponte.example', 'admin@ponte.example', 'trafego.organico@ponte.example'].map(
        (email) => signIn(app, email),
      ),
    )) as [string, string, string];
    for (const [cookie, taxId, fileName, number] of [
      [finance, '529.982.247-25', 'fatura.pdf', 'NF 123'],
      // Plain text would be refused: an invoice is a PDF by its bytes, whatever its name says.
      [organic, '111.444.777-35', 'relatorio\u202Efdp.bat', 'NF 9;=2+3;x'],
    ] as const) {
      const profile = { name: 'Parceiro', locale: 'pt-BR', taxId, pixKey: '+5511987654321' };
      expect((await app.request('/api/profile', postJson(profile, { cookie }))).status).toBe(200);
      const sent = await app.request(
        '/api/invoices',
        invoiceForm({ ...valid, number }, pdf(taxId), cookie, fileName),
      );
      expect(sent.status).toBe(200);
    }
  });
  afterAll(() => app.close());
  const invoiceOf = async (email: string) => {
    const [row] = await app.db
      .select({ id: invoices.id })
      .from(invoices)
      .innerJoin(users, eq(users.id, invoices.partnerId))
      .where(eq(users.email, email));
    return row?.id ?? '';
  };
  const act = (id: string, path: string, body: unknown, cookie: string) =>
    app.request(`/api/finance/invoices/${id}/${path}`, postJson(body, { cookie }));

  it('refuses a finance person who is also a partner to approve, diverge on or pay their own invoice', async () => {
    const own = await invoiceOf('financeiro@ponte.example');
    for (const [path, body] of [
      ['approve', {}],
      ['divergence', { message: 'Eu mesmo aprovo.' }],
    ] as const) {
      const refused = await act(own, path, body, finance);
      expect(refused.status).toBe(403);
      const { error } = await readJson(refused);
      expect(error.code).toBe('own_invoice');
      expect(error.message).toMatch(/outra pessoa do financeiro/);
    }
    app.setNow(approvedLate);
    expect((await act(own, 'approve', {}, admin)).status).toBe(200);
    expect((await act(own, 'paid', { paidOn: '2026-03-02' }, finance)).status).toBe(403);
    // A plain form goes back to the invoice's page with the message.
    const form = await app.request(`/api/finance/invoices/${own}/paid`, {
      method: 'POST',
      headers: { ...SAME_ORIGIN, Cookie: finance, Accept: 'text/html' },
      body: new URLSearchParams({ paidOn: '2026-03-02' }),
    });
    expect(form.status).toBe(303);
    expect(form.headers.get('Location')).toBe(`/review/invoices/${own}`);
    const [after] = await app.db.select().from(invoices).where(eq(invoices.id, own));
    expect(after).toMatchObject({ status: 'approved', paidOn: null });
    const actions = (await app.db.select().from(events).where(eq(events.subjectId, own))).map(
      (e) => e.action,
    );
    expect(actions).toEqual(['invoice_submitted', 'invoice_approved']);
  });

  it('stores and serves a PDF named relatorio<U+202E>fdp.bat as relatoriofdp.pdf (RFC 8187)', async () => {
    const id = await invoiceOf('trafego.organico@ponte.example');
    const [row] = await app.db.select().from(invoices).where(eq(invoices.id, id));
    expect(row?.fileName).toBe('relatoriofdp.pdf');
    for (const [query, disposition] of [
      ['', 'inline'],
      ['?download=1', 'attachment'],
    ] as const) {
      const served = await app.request(`/api/invoices/${id}/pdf${query}`, {
        headers: { Cookie: organic },
      });
      expect(served.headers.get('Content-Disposition')).toBe(
        `${disposition}; filename="relatoriofdp.pdf"; filename*=UTF-8''relatoriofdp.pdf`,
      );
    }
  });

  it('accepts a payment date from the approval day to today, in the agency’s time zone', async () => {
    const own = await invoiceOf('financeiro@ponte.example');
    app.setNow(lateOnThe4th);
    const before = await act(own, 'paid', { paidOn: '2026-03-01' }, admin);
    expect(before.status).toBe(400);
    expect((await readJson(before)).error.fields.paidOn).toMatch(
      /anterior à aprovação \(02\/03\/2026\)/,
    );
    const tomorrow = await act(own, 'paid', { paidOn: '2026-03-05' }, admin);
    expect(tomorrow.status).toBe(400);
    expect((await readJson(tomorrow)).error.fields.paidOn).toMatch(/futuro/);
    for (const paidOn of ['1999-01-01', '9999-12-31'])
      expect((await act(own, 'paid', { paidOn }, admin)).status).toBe(400);
    expect((await act(own, 'paid', { paidOn: '2026-03-02' }, admin)).status).toBe(200);

    const other = await invoiceOf('trafego.organico@ponte.example');
    app.setNow(approvedLate);
    expect((await act(other, 'approve', {}, finance)).status).toBe(200);
    app.setNow(lateOnThe4th);
    expect((await act(other, 'paid', { paidOn: '2026-03-04' }, finance)).status).toBe(200);
    const paid = await app.db.select().from(invoices).where(eq(invoices.status, 'paid'));
    expect(paid.map((i) => i.paidOn).sort()).toEqual(['2026-03-02', '2026-03-04']);
  });

  it('exports an invoice number that holds ; and a formula as one quoted cell', async () => {
    const response = await app.request('/api/finance/payments.csv?month=2026-03', {
      headers: { Cookie: admin },
    });
    const rows = (await response.text()).split('\r\n');
    expect(rows).toContain(
      'Parceiro,11144477735,+5511987654321,"NF 9;=2+3;x",1234.56,BRL,2026-03-04',
    );
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="pagamentos-2026-03.csv"; filename*=UTF-8''pagamentos-2026-03.csv`,
    );
  });
});
