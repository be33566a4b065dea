import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, taskRequests } from '../../db/schema/index.ts';
import { PARTNER_ROLES, type PartnerRole, policy } from '../../src/policy/index.ts';
import { postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { createTestApp, readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const EMAIL: Record<PartnerRole, string> = {
  cs: 'cs@ponte.example',
  paid_traffic: 'trafego.pago@ponte.example',
  organic_traffic: 'trafego.organico@ponte.example',
  design: 'design@ponte.example',
};

describe.each(DRIVERS)('task requests between roles (%s)', (driver) => {
  let app: TestApp;
  const cookies = new Map<PartnerRole, string>();
  // 2026-03-10 09:00 in São Paulo.
  const now = new Date('2026-03-10T12:00:00Z');
  beforeAll(async () => {
    app = await createTestApp(driver);
    app.setNow(now);
    await seedPeople(app);
    for (const role of PARTNER_ROLES) cookies.set(role, await signIn(app, EMAIL[role]));
  });
  afterAll(() => app.close());
  const open = (from: PartnerRole, body: Record<string, unknown>) =>
    app.request(
      '/api/tasks',
      postJson(
        {
          clientId: 'demo-client-bakery',
          what: 'Banner de Páscoa',
          why: 'Campanha de abril',
          dueOn: '2026-03-12',
          ...body,
        },
        { cookie: cookies.get(from) },
      ),
    );

  describe('the routing matrix, every pair', () => {
    for (const from of PARTNER_ROLES) {
      for (const to of PARTNER_ROLES) {
        const allowed = policy.taskRouting.mayRequestFrom[from]?.includes(to) ?? false;
        it(`${from} → ${to}: ${allowed ? 'allowed' : 'refused'}`, async () => {
          const response = await open(from, { assigneeRole: to });
          if (allowed) {
            expect(response.status).toBe(200);
          } else {
            expect(response.status).toBe(403);
            const { error } = await readJson(response);
            expect(error.code).toBe('routing');
            // A sentence naming whom the role may ask; the handbook link sits beside the form.
            expect(error.fields.assigneeRole).toMatch(
              /^Pela política da agência, .+ apenas para: .+\.$/,
            );
            expect(error.fields.assigneeRole).not.toContain('/');
          }
        });
      }
    }
  });

  it('refuses staff, who hold no role of the routing matrix, in words of their own', async () => {
    const admin = await signIn(app, 'admin@ponte.example');
    const response = await app.request(
      '/api/tasks',
      postJson(
        {
          clientId: 'demo-client-bakery',
          assigneeRole: 'cs',
          what: 'Banner',
          why: 'Campanha',
          dueOn: '2026-03-20',
        },
        { cookie: admin },
      ),
    );
    expect(response.status).toBe(403);
    const { error } = await readJson(response);
    expect(error.code).toBe('routing');
    expect(error.fields.assigneeRole).toBe(
      'Pela política da agência, o seu papel não abre pedidos de tarefa.',
    );
  });

  it('holds the minimum lead time at its boundary, in the agency time zone', async () => {
    expect((await open('cs', { assigneeRole: 'design', dueOn: '2026-03-11' })).status).toBe(400);
    expect((await open('cs', { assigneeRole: 'design', dueOn: '2026-03-12' })).status).toBe(200);
    // 23:30 in São Paulo is already the 11th in UTC, but still the 10th for the agency.
    app.setNow(new Date('2026-03-11T02:30:00Z'));
    expect((await open('cs', { assigneeRole: 'design', dueOn: '2026-03-12' })).status).toBe(200);
    app.setNow(new Date('2026-03-11T03:00:00Z'));
    const late = await open('cs', { assigneeRole: 'design', dueOn: '2026-03-12' });
    expect(late.status).toBe(400);
    expect((await readJson(late)).error.fields.dueOn).toMatch(/2 dias/);
    app.setNow(now);
  });

  it('sends CS requests to the client’s CS, who accepts and completes them; the requester hears each step', async () => {
    const response = await open('design', { assigneeRole: 'cs', what: 'Aprovar o layout' });
    const { id } = await readJson(response);
    const [task] = await app.db.select().from(taskRequests).where(eq(taskRequests.id, id));
    expect(task).toMatchObject({ assigneeId: 'demo-cs', requesterRole: 'design', status: 'open' });
    const act = (action: string, cookie: string | undefined, body = {}) =>
      app.request(`/api/tasks/${id}/${action}`, postJson(body, { cookie }));
    expect((await act('accept', cookies.get('paid_traffic'))).status).toBe(404); // not theirs
    expect((await act('complete', cookies.get('cs'))).status).toBe(409); // not accepted yet
    expect((await act('accept', cookies.get('cs'))).status).toBe(200);
    expect((await act('complete', cookies.get('cs'))).status).toBe(200);
    const subjects = (
      await app.db.select().from(outbox).where(eq(outbox.toAddress, EMAIL.design))
    ).map((m) => m.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([
        'Pedido aceito: Aprovar o layout',
        'Pedido concluído: Aprovar o layout',
      ]),
    );
    const toCs = (await app.db.select().from(outbox).where(eq(outbox.toAddress, EMAIL.cs))).map(
      (m) => m.subject,
    );
    expect(toCs).toContain('Novo pedido: Aprovar o layout (Padaria Pão Quente)');
  });

  it('lets the assignee return a request with a comment the requester receives', async () => {
    const { id } = await readJson(
      await open('cs', { assigneeRole: 'paid_traffic', what: 'Nova campanha' }),
    );
    const returned = await app.request(
      `/api/tasks/${id}/return`,
      postJson({ comment: 'Falta o orçamento.' }, { cookie: cookies.get('paid_traffic') }),
    );
    expect(returned.status).toBe(200);
    const [mail] = (
      await app.db.select().from(outbox).where(eq(outbox.toAddress, EMAIL.cs))
    ).filter((m) => m.subject === 'Pedido devolvido: Nova campanha');
    expect(mail?.text).toContain('Falta o orçamento.');
  });
});
