import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientContacts, outbox } from '../../db/schema/index.ts';
import { runJobs } from '../../functions/jobs/index.ts';
import { policy } from '../../src/policy/index.ts';
import { listClientDeadlines } from '../../src/server/deadlines/client-pipeline.ts';
import { postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { createTestApp, readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const HOUR = 3_600_000;
const subjects = async (app: TestApp, to: string) =>
  (await app.db.select().from(outbox)).filter((m) => m.toAddress === to).map((m) => m.subject);

describe.each(DRIVERS)('client change requests against the turnaround (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let changeId: string;
  const asked = new Date('2026-03-10T14:00:00Z');
  const due = new Date(asked.getTime() + policy.changeTurnaround.targetingOrTextHours * HOUR);
  const notices = async (at: Date) => {
    app.setNow(at);
    return (await runJobs(app.deps, ['deadline-notices']))['deadline-notices'];
  };
  beforeAll(async () => {
    app = await createTestApp(driver);
    app.setNow(asked);
    await seedPeople(app);
    cs = await signIn(app, 'cs@ponte.example');
  });
  afterAll(() => app.close());

  it('records a change with its due time from the policy, and shows it as the next deadline', async () => {
    const empty = await app.request(
      '/api/clients/demo-client-bakery/changes',
      postJson({ kind: 'targetingOrText', summary: '  ' }, { cookie: cs }),
    );
    expect(empty.status).toBe(400);
    const recorded = await app.request(
      '/api/clients/demo-client-bakery/changes',
      postJson(
        { kind: 'targetingOrText', summary: 'Excluir público acima de 65 anos' },
        { cookie: cs },
      ),
    );
    expect(recorded.status).toBe(200);
    changeId = (await readJson(recorded)).id;
    const board = await listClientDeadlines(app.db, { id: 'demo-cs', roles: ['cs'] }, policy);
    const bakery = board.find((row) => row.client.id === 'demo-client-bakery');
    expect(bakery?.next).toEqual({ kind: 'change', dueAt: due, done: false });
    expect(board[0]?.client.id).toBe('demo-client-bakery');
  });

  it('reminds the CS before it is due and escalates once it passes, each once', async () => {
    const lead = policy.changeTurnaround.reminderBeforeMinutes * 60_000;
    await notices(new Date(due.getTime() - lead - 1));
    expect(
      (await subjects(app, 'cs@ponte.example')).filter((s) => s.startsWith('Prazo chegando')),
    ).toEqual([]);
    await notices(new Date(due.getTime() - lead));
    await notices(new Date(due.getTime() - lead));
    expect(
      (await subjects(app, 'cs@ponte.example')).filter((s) => s.startsWith('Prazo chegando')),
    ).toEqual(['Prazo chegando: Alteração pedida pelo cliente de Padaria Pão Quente']);
    await notices(due);
    await notices(new Date(due.getTime() + HOUR));
    expect(await subjects(app, 'admin@ponte.example')).toEqual([
      'Prazo vencido: Alteração pedida pelo cliente de Padaria Pão Quente',
    ]);
  });

  it('is marked done once; the second click changes nothing and says so', async () => {
    const first = await app.request(
      `/api/clients/demo-client-bakery/changes/${changeId}/done`,
      postJson({}, { cookie: cs }),
    );
    expect(first.status).toBe(200);
    const second = await app.request(
      `/api/clients/demo-client-bakery/changes/${changeId}/done`,
      postJson({}, { cookie: cs }),
    );
    expect(second.status).toBe(409);
    const wrongClient = await app.request(
      `/api/clients/demo-client-clinic/changes/${changeId}/done`,
      postJson({}, { cookie: cs }),
    );
    expect(wrongClient.status).toBe(404);
    const board = await listClientDeadlines(app.db, { id: 'demo-cs', roles: ['cs'] }, policy);
    expect(board.find((row) => row.client.id === 'demo-client-bakery')?.next?.kind).not.toBe(
      'change',
    );
  });

  it('removes a contact, and with it every link they hold', async () => {
    await app.request(
      '/api/clients/demo-client-clinic/onboarding',
      postJson({ contactIds: ['demo-contact-clinic-manager'] }, { cookie: cs }),
    );
    const removed = await app.request(
      '/api/clients/demo-client-clinic/contacts/demo-contact-clinic-manager/delete',
      postJson({}, { cookie: cs }),
    );
    expect(removed.status).toBe(200);
    const left = await app.db
      .select()
      .from(clientContacts)
      .where(eq(clientContacts.id, 'demo-contact-clinic-manager'));
    expect(left).toHaveLength(0);
    const again = await app.request(
      '/api/clients/demo-client-clinic/contacts/demo-contact-clinic-manager/delete',
      postJson({}, { cookie: cs }),
    );
    expect(again.status).toBe(404);
  });
});
