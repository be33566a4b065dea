import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientMilestones,
  invoices,
  onboardings,
  pieces,
  projects,
  taskRequests,
  users,
} from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import type { Viewer } from '../../src/server/auth/viewer.ts';
import { loadHomePage } from '../../src/server/home/home-page.ts';
import { seedPeople } from '../support/sign-in.ts';
import { countRoundTrips, createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

// Wednesday 11 March 2026, 10:00 in São Paulo: the window of March (February's invoices)
// closed on the 5th; the home speaks of April's.
const NOW = new Date('2026-03-11T13:00:00Z');
const HOUR = 3_600_000;

const finance: Viewer = { id: 'demo-finance', roles: ['finance'] };
const cs: Viewer = { id: 'demo-cs', roles: ['cs'] };
const design: Viewer = { id: 'demo-design', roles: ['design'] };
const paid: Viewer = { id: 'demo-paid', roles: ['paid_traffic'] };
const nobody: Viewer = { id: 'demo-organic', roles: [] };

/** A partner's invoice of a competence month, in a status. */
const invoice = (
  partnerId: string,
  month: string,
  status: 'submitted' | 'divergent' | 'approved' | 'paid',
  amountMinor: number,
) => ({
  id: `inv-${partnerId}-${month}`,
  partnerId,
  competenceMonth: month,
  submittedMonth: month,
  number: `NF ${month}`,
  issueDate: `${month}-28`,
  amountMinor,
  currency: 'BRL',
  fileKey: `invoices/${partnerId}/${month}.pdf`,
  fileName: 'fatura.pdf',
  fileSize: 100,
  fileSha256: `${partnerId}-${month}`,
  status,
  paymentDueOn: '2026-03-31',
  submittedAt: new Date(`${month}-28T12:00:00Z`),
  updatedAt: NOW,
});

const piece = (
  id: string,
  projectId: string,
  clientId: string,
  status: 'in_production' | 'awaiting_approval' | 'changes_requested' | 'approved',
) => ({
  id,
  projectId,
  clientId,
  title: `Peça ${id}`,
  kind: 'social_post' as const,
  status,
  createdAt: NOW,
  updatedAt: NOW,
});

async function seedWork(app: TestApp) {
  const { db } = app;
  await db.batch([
    db
      .update(users)
      .set({ taxId: '39053344705', pixKey: 'paid@ponte.example' })
      .where(eq(users.id, 'demo-paid')),
    db
      .insert(invoices)
      .values([
        invoice('demo-paid', '2026-02', 'submitted', 100_000),
        invoice('demo-design', '2026-02', 'submitted', 200_000),
        invoice('demo-cs', '2026-02', 'divergent', 300_000),
        invoice('demo-organic', '2026-02', 'approved', 150_000),
        invoice('demo-organic', '2026-01', 'paid', 150_000),
      ]),
    // The bakery was paid for two days ago and nobody has called: its contact is overdue.
    db.insert(clientMilestones).values({
      clientId: 'demo-client-bakery',
      kind: 'paid',
      occurredAt: new Date(NOW.getTime() - 48 * HOUR),
      recordedBy: 'demo-cs',
    }),
    db.insert(onboardings).values({
      id: 'onb-bakery',
      clientId: 'demo-client-bakery',
      questionnaireVersion: 1,
      createdAt: NOW,
    }),
    db.insert(projects).values([
      {
        id: 'proj-davi',
        clientId: 'demo-client-bakery',
        name: 'Verão',
        designerId: 'demo-design',
        createdAt: NOW,
      },
      {
        id: 'proj-other',
        clientId: 'demo-client-clinic',
        name: 'Outono',
        designerId: null,
        createdAt: NOW,
      },
    ]),
    db
      .insert(pieces)
      .values([
        piece('p-making', 'proj-davi', 'demo-client-bakery', 'in_production'),
        piece('p-fix', 'proj-davi', 'demo-client-bakery', 'changes_requested'),
        piece('p-waiting', 'proj-davi', 'demo-client-bakery', 'awaiting_approval'),
        piece('p-not-davis', 'proj-other', 'demo-client-clinic', 'in_production'),
      ]),
    db.insert(taskRequests).values([
      {
        id: 'task-to-cs',
        clientId: 'demo-client-bakery',
        requesterId: 'demo-paid',
        requesterRole: 'paid_traffic',
        assigneeRole: 'cs',
        assigneeId: 'demo-cs',
        what: 'Pedir acesso ao Meta',
        why: 'Campanha',
        dueOn: '2026-03-13',
        createdAt: NOW,
        updatedAt: NOW,
      },
      {
        id: 'task-done',
        clientId: 'demo-client-bakery',
        requesterId: 'demo-paid',
        requesterRole: 'paid_traffic',
        assigneeRole: 'design',
        assigneeId: 'demo-design',
        what: 'Banner',
        why: 'Campanha',
        dueOn: '2026-03-13',
        status: 'completed',
        createdAt: NOW,
        updatedAt: NOW,
      },
    ]),
  ]);
}

describe.each(DRIVERS)('the partner home’s data (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    await seedWork(app);
  });
  afterAll(() => app.close());

  const load = (viewer: Viewer) => loadHomePage(app.db, viewer, policy, NOW);

  it('gives finance the invoices to review, the divergences and what to pay, in one round trip', async () => {
    const { result: home, roundTrips } = await countRoundTrips(app, () => load(finance));
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(home.finance?.toReview.count).toBe(2);
    expect(home.finance?.toReview.items.map((i) => i.partnerName).sort()).toEqual(
      ['Davi Duarte', 'Paulo Prado'].sort(),
    );
    expect(home.finance?.divergent.count).toBe(1);
    expect(home.finance?.toPay).toMatchObject({ count: 1, amountMinor: 150_000 });
    expect(home.finance?.toPay.byPaymentDate).toEqual([
      { paymentDueOn: '2026-03-31', currency: 'BRL', count: 1, amountMinor: 150_000 },
    ]);
    expect(home.clients).toBeNull();
    expect(home.designPieces).toBeNull();
  });

  it('gives CS their overdue deadline, pieces, questionnaires and requests, in one round trip', async () => {
    const { result: home, roundTrips } = await countRoundTrips(app, () => load(cs));
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(home.clients?.deadlines.count).toBe(1);
    expect(home.clients?.deadlines.items[0]).toMatchObject({
      clientId: 'demo-client-bakery',
      kind: 'contact',
      urgency: 'overdue',
    });
    expect(home.clients?.questionnaires.items.map((q) => q.clientId)).toEqual([
      'demo-client-bakery',
    ]);
    expect(home.clientPieces?.awaitingClient.items.map((p) => p.id)).toEqual(['p-waiting']);
    expect(home.clientPieces?.changes.count).toBe(1);
    expect(home.tasksToMe?.items.map((t) => t.id)).toEqual(['task-to-cs']);
    expect(home.finance).toBeNull();
    // Their own invoice of February was sent back with a divergence: the home says so.
    expect(home.invoice.latest).toMatchObject({ competenceMonth: '2026-02', status: 'divergent' });
  });

  it('gives a designer only the pieces of the projects given to them', async () => {
    const home = await load(design);
    expect(home.designPieces?.inProduction.items.map((p) => p.id)).toEqual(['p-making']);
    expect(home.designPieces?.changes.items.map((p) => p.id)).toEqual(['p-fix']);
    expect(home.clientPieces).toBeNull();
    expect(home.tasksToMe).toBeNull();
  });

  it('gives traffic the requests they asked for that are not finished', async () => {
    const home = await load(paid);
    expect(home.myRequests?.count).toBe(1);
    expect(home.myRequests?.items[0]).toMatchObject({ id: 'task-to-cs', status: 'open' });
    expect(home.invoice.profileReady).toBe(true);
  });

  it('shows someone without a role only the invoice window and their profile’s prompt', async () => {
    const home = await load(nobody);
    expect(home).toMatchObject({
      finance: null,
      clients: null,
      clientPieces: null,
      designPieces: null,
      tasksToMe: null,
      myRequests: null,
    });
    expect(home.invoice).toMatchObject({ open: false, profileReady: false });
    expect(home.invoice.window.competenceMonth).toBe('2026-03');
    // February's invoice, approved, is the newest: January's (paid) is history.
    expect(home.invoice.latest).toMatchObject({ competenceMonth: '2026-02', status: 'approved' });
  });
});
