import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients, outbox } from '../../db/schema/index.ts';
import { runJobs } from '../../functions/jobs/index.ts';
import { type MailCaptureServer, startMailCaptureServer } from '../support/mail-capture-server.ts';
import { postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { createTestApp, readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

describe.each(DRIVERS)('task requests announced in the client’s group (%s)', (driver) => {
  let capture: MailCaptureServer;
  let app: TestApp;
  let design: string;
  beforeAll(async () => {
    capture = await startMailCaptureServer();
    app = await createTestApp(driver, { mail: capture });
    app.setNow(new Date('2026-03-10T12:00:00Z'));
    await seedPeople(app);
    design = await signIn(app, 'design@ponte.example');
  });
  afterAll(async () => {
    await app.close();
    await capture.close();
  });

  it('refuses a webhook that is not https', async () => {
    const cs = await signIn(app, 'cs@ponte.example');
    const response = await app.request(
      '/api/clients/demo-client-bakery',
      postJson(
        {
          name: 'Padaria Pão Quente',
          csUserId: 'demo-cs',
          chatWebhookUrl: 'http://hooks.example/x',
        },
        { cookie: cs },
      ),
    );
    expect((await readJson(response)).error.fields.chatWebhookUrl).toMatch(/https/);
  });

  it('posts the request to the webhook through the outbox, retrying a failure, once', async () => {
    await runJobs(app.deps, ['dispatch-outbox']); // the sign-in e-mails go first
    await app.db
      .update(clients)
      .set({ chatWebhookUrl: `${capture.url}/hooks/bakery` })
      .where(eq(clients.id, 'demo-client-bakery'));
    const opened = await app.request(
      '/api/tasks',
      postJson(
        {
          clientId: 'demo-client-bakery',
          assigneeRole: 'cs',
          what: 'Novo banner',
          why: 'Promoção',
          dueOn: '2026-03-13',
        },
        { cookie: design },
      ),
    );
    expect(opened.status).toBe(200);
    const [message] = await app.db.select().from(outbox).where(eq(outbox.channel, 'chat'));
    expect(message?.toAddress).toBe(`${capture.url}/hooks/bakery`);

    // The provider and the webhook both fail once (the task's e-mail to CS is queued too).
    capture.answerNext({ status: 500 }, { status: 500 });
    await runJobs(app.deps, ['dispatch-outbox']);
    app.setNow(new Date('2026-03-10T13:00:00Z'));
    await runJobs(app.deps, ['dispatch-outbox']);
    await runJobs(app.deps, ['dispatch-outbox']);
    const posts = capture.delivered.filter((request) => request.path === '/hooks/bakery');
    expect(posts).toHaveLength(1);
    expect(String(posts[0]?.body.text)).toMatch(
      /^Novo pedido de tarefa de Davi Duarte para Customer Success \(atendimento\): Novo banner \(prazo: 2026-03-13\)\./,
    );
    const [sent] = await app.db.select().from(outbox).where(eq(outbox.channel, 'chat'));
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
