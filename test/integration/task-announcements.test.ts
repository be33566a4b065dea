import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients, outbox, users } from '../../db/schema/index.ts';
import { runJobs } from '../../functions/jobs/index.ts';
import { type MailCaptureServer, startMailCaptureServer } from '../support/mail-capture-server.ts';
import { postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { createTestApp, readJson, TEST_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

// Slack's host, allowed by the policy; the test's chat sender routes it to the capture server.
const SLACK = 'https://hooks.slack.com/services';

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
      .set({ chatWebhookUrl: `${SLACK}/hooks/bakery` })
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
    expect(message?.toAddress).toBe(`${SLACK}/hooks/bakery`);

    // The provider and the webhook both fail once (the task's e-mail to CS is queued too).
    capture.answerNext({ status: 500 }, { status: 500 });
    await runJobs(app.deps, ['dispatch-outbox']);
    app.setNow(new Date('2026-03-10T13:00:00Z'));
    await runJobs(app.deps, ['dispatch-outbox']);
    await runJobs(app.deps, ['dispatch-outbox']);
    const posts = capture.delivered.filter((request) => request.path === '/services/hooks/bakery');
    expect(posts).toHaveLength(1);
    expect(String(posts[0]?.body.text)).toMatch(
      /^Novo pedido de tarefa de Davi Duarte para Customer Success \(atendimento\): Novo banner \(prazo: 13\/03\/2026\)\./,
    );
    // The link is the request's own page, at the public origin (never the request's Host).
    const { id } = await readJson(opened);
    expect(String(posts[0]?.body.text)).toMatch(new RegExp(` ${TEST_ORIGIN}/tasks/${id}$`));
    const [sent] = await app.db.select().from(outbox).where(eq(outbox.channel, 'chat'));
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
  });
  it('refuses webhook addresses inside the network, with credentials, a port, or off the policy’s hosts', async () => {
    const cs = await signIn(app, 'cs@ponte.example');
    for (const chatWebhookUrl of [
      'https://127.0.0.1/hook',
      'https://2130706433/hook',
      'https://10.1.2.3/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://localhost./hook',
      'https://user:pass@hooks.slack.com/services/x',
      'https://hooks.slack.com:8443/services/x',
      'https://evil.com/services/x',
    ]) {
      const response = await app.request(
        '/api/clients/demo-client-bakery',
        postJson(
          { name: 'Padaria Pão Quente', csUserId: 'demo-cs', chatWebhookUrl },
          { cookie: cs },
        ),
      );
      expect(response.status, chatWebhookUrl).toBe(400);
      expect((await readJson(response)).error.fields.chatWebhookUrl).toMatch(/hooks\.slack\.com/);
    }
    const [client] = await app.db
      .select()
      .from(clients)
      .where(eq(clients.id, 'demo-client-bakery'));
    expect(client?.chatWebhookUrl).toBe(`${SLACK}/hooks/bakery`);
  });

  it('escapes what a partner typed: no pings, no disguised links, only Ponte’s own link', async () => {
    const cs = await signIn(app, 'cs@ponte.example');
    await app.db.update(users).set({ name: 'Carla <!here>' }).where(eq(users.id, 'demo-cs'));
    const opened = await app.request(
      '/api/tasks',
      postJson(
        {
          clientId: 'demo-client-bakery',
          assigneeRole: 'cs',
          what: '<!channel> veja <https://evil.example|Aprovação urgente> & responda',
          why: 'Promoção',
          dueOn: '2026-03-13',
        },
        { cookie: cs },
      ),
    );
    expect(opened.status).toBe(200);
    await runJobs(app.deps, ['dispatch-outbox']);
    const [post] = capture.delivered
      .filter((request) => request.path === '/services/hooks/bakery')
      .slice(-1);
    const text = String(post?.body.text);
    expect(text).toContain(
      '&lt;!channel&gt; veja &lt;https://evil.example|Aprovação urgente&gt; &amp; responda',
    );
    expect(text).toContain('Carla &lt;!here&gt;');
    // Slack reads only `<…>` as a link or a mention: there is none left.
    expect(text).not.toMatch(/[<>]/);
    expect(text).toMatch(new RegExp(` ${TEST_ORIGIN}/tasks/${(await readJson(opened)).id}$`));
    await app.db.update(users).set({ name: 'Carla Campos' }).where(eq(users.id, 'demo-cs'));
  });

  it('never posts to an internal address written before the rule: the message is dead at once', async () => {
    await app.db
      .update(clients)
      .set({ chatWebhookUrl: 'https://127.0.0.1/hooks/internal' })
      .where(eq(clients.id, 'demo-client-bakery'));
    await openTask('Peça para a vitrine');
    await runJobs(app.deps, ['dispatch-outbox']);
    expect(capture.requests.filter((r) => r.path === '/hooks/internal')).toHaveLength(0);
    const [message] = await chatTo('https://127.0.0.1/hooks/internal');
    expect(message).toMatchObject({ status: 'dead', attempts: 1 });
    expect(message?.lastError).toMatch(/ip_address/);
  });

  it('does not follow a webhook’s redirect: a permanent failure, never retried', async () => {
    await app.db
      .update(clients)
      .set({ chatWebhookUrl: `${SLACK}/hooks/moved` })
      .where(eq(clients.id, 'demo-client-bakery'));
    await openTask('Stories da semana');
    // Only the webhook may meet the redirect: the task's e-mail is set aside.
    await app.db
      .update(outbox)
      .set({ status: 'sent' })
      .where(and(eq(outbox.channel, 'email'), eq(outbox.status, 'pending')));
    capture.answerNext({ status: 302, headers: { location: 'http://169.254.169.254/latest' } });
    await runJobs(app.deps, ['dispatch-outbox']);
    app.setNow(new Date(app.deps.clock().getTime() + 24 * 3_600_000));
    await runJobs(app.deps, ['dispatch-outbox']);
    expect(capture.requests.filter((r) => r.path === '/services/hooks/moved')).toHaveLength(1);
    const [message] = await chatTo(`${SLACK}/hooks/moved`);
    expect(message).toMatchObject({ status: 'dead', attempts: 1 });
    expect(message?.lastError).toMatch(/^302: .*redirect/);
  });

  /** Opens a task for CS at the bakery, as its CS (always on the client's team). */
  async function openTask(what: string) {
    const cs = await signIn(app, 'cs@ponte.example');
    const response = await app.request(
      '/api/tasks',
      postJson(
        {
          clientId: 'demo-client-bakery',
          assigneeRole: 'cs',
          what,
          why: 'Rotina',
          dueOn: '2026-03-20',
        },
        { cookie: cs },
      ),
    );
    expect(response.status).toBe(200);
  }

  /** The chat messages queued for one webhook address. */
  function chatTo(webhookUrl: string) {
    return app.db.select().from(outbox).where(eq(outbox.toAddress, webhookUrl));
  }
});
