import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, taskRequests } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { loadSurveyPage } from '../../src/server/satisfaction/survey-page.ts';
import { voidSurveyByScanner } from '../../src/server/satisfaction/void-survey.ts';
import { answer, answerTrace, insertSurvey, stampFor } from '../support/satisfaction.ts';
import { seedPeople } from '../support/sign-in.ts';
import {
  countRoundTrips,
  createTestApp,
  readJson,
  SAME_ORIGIN,
  type TestApp,
} from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const DAY = 86_400_000;

describe.each(DRIVERS)('answering the satisfaction question (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
  });
  afterAll(() => app.close());

  it('opening the page (GET, HEAD, a prefetch, the e-mailed rating) records nothing', async () => {
    const { id, token } = await insertSurvey(app);
    const before = await answerTrace(app, id);
    for (const score of [null, '1', '5', '9']) {
      const page = await loadSurveyPage(
        app.db,
        policy,
        { token, score, formSecret: undefined, ip: null },
        app.deps.clock(),
      );
      expect(page.state).toBe('open');
      if (page.state === 'open')
        expect(page.chosen).toBe(score === '9' ? null : score && Number(score));
    }
    // The API's address of the answer takes a POST only: a scanner's GET or HEAD, prefetched or not.
    for (const method of ['GET', 'HEAD'])
      for (const headers of [{}, { 'Sec-Purpose': 'prefetch' }, { Purpose: 'prefetch' }] as Record<
        string,
        string
      >[]) {
        const opened = await app.request(`/api/satisfaction/${token}?score=1`, { method, headers });
        expect(opened.status).toBe(404);
      }
    expect(await answerTrace(app, id)).toEqual(before);
    // The page's data in one round trip (libSQL counts them).
    const { roundTrips } = await countRoundTrips(app, () =>
      loadSurveyPage(
        app.db,
        policy,
        { token, score: '4', formSecret: undefined, ip: null },
        app.deps.clock(),
      ),
    );
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
  });

  it('the hidden link voids the survey: the page says so and an answer is refused', async () => {
    const { id, token } = await insertSurvey(app);
    expect(await voidSurveyByScanner(app.db, policy, token, null, app.deps.clock())).toEqual({
      locale: 'pt-BR',
    });
    const page = await loadSurveyPage(
      app.db,
      policy,
      { token, score: '5', formSecret: undefined, ip: null },
      app.deps.clock(),
    );
    expect(page.state).toBe('voided');
    const before = await answerTrace(app, id);
    expect(before.survey?.voidedAt).not.toBeNull();
    const refused = await answer(app, token, { score: '5', stamp: stampFor(app, id) });
    expect(refused.status).toBe(410);
    expect((await readJson(refused)).error.code).toBe('voided');
    expect(await answerTrace(app, id)).toEqual(before);
    // Following it again changes nothing more.
    await voidSurveyByScanner(
      app.db,
      policy,
      token,
      null,
      new Date(app.deps.clock().getTime() + 1000),
    );
    expect(await answerTrace(app, id)).toEqual(before);
  });

  it('counts one answer from the page, then refuses the token again with 409', async () => {
    const { id, token } = await insertSurvey(app);
    const first = await answer(app, token, {
      score: '4',
      comment: ' Ótimo ',
      stamp: stampFor(app, id),
    });
    expect(first.status).toBe(200);
    const after = await answerTrace(app, id);
    expect(after.survey).toMatchObject({ score: 4, comment: 'Ótimo', lowScoreTaskId: null });
    expect(after.events).toBe(1);
    const again = await answer(app, token, { score: '1', stamp: stampFor(app, id) });
    expect(again.status).toBe(409);
    expect((await readJson(again)).error.message).toMatch(/já foi respondida/);
    expect(await answerTrace(app, id)).toEqual(after);
  });

  it('refuses a POST sooner than the policy’s seconds on the page, and a forged time', async () => {
    const { id, token } = await insertSurvey(app);
    const before = await answerTrace(app, id);
    const ms = policy.satisfaction.minSecondsOnPage * 1000;
    for (const stamp of [
      stampFor(app, id, ms - 1),
      stampFor(app, id, 0),
      '',
      `${Date.now() - ms * 10}.forged-signature-xxxxxxxx`,
    ]) {
      const soon = await answer(app, token, { score: '5', stamp });
      expect(soon.status).toBe(400);
      const body = await readJson(soon);
      expect(body.error.code).toBe('too_soon');
      expect(body.error.message).toMatch(/Confirme sua nota/);
    }
    expect(await answerTrace(app, id)).toEqual(before);
    expect((await answer(app, token, { score: '5', stamp: stampFor(app, id, ms) })).status).toBe(
      200,
    );
  });

  it('refuses a rating outside 1–5 in the contact’s language, writing nothing', async () => {
    const { id, token } = await insertSurvey(app, {
      clientId: 'demo-client-clinic',
      contactId: 'demo-contact-clinic-manager',
    });
    const before = await answerTrace(app, id);
    for (const score of ['0', '6', '2.5', 'cinco', '']) {
      const refused = await answer(app, token, { score, stamp: stampFor(app, id) });
      expect(refused.status).toBe(400);
      const body = await readJson(refused);
      expect(body.error.code).toBe('invalid_score');
      expect(body.error.message).toBe('Выберите оценку от 1 до 5.');
    }
    const long = 'x'.repeat(policy.satisfaction.maxCommentChars + 1);
    const tooLong = await answer(app, token, {
      score: '3',
      comment: long,
      stamp: stampFor(app, id),
    });
    expect(tooLong.status).toBe(400);
    expect((await readJson(tooLong)).error.message).toMatch(/не больше 2\s000 символов/);
    expect(await answerTrace(app, id)).toEqual(before);
  });

  it('refuses an expired token and one that is not ours, writing nothing', async () => {
    const { id, token } = await insertSurvey(app, {
      createdAt: new Date(app.deps.clock().getTime() - policy.satisfaction.linkDays * DAY),
    });
    const before = await answerTrace(app, id);
    const expired = await answer(app, token, { score: '5', stamp: stampFor(app, id) });
    expect(expired.status).toBe(410);
    expect((await readJson(expired)).error.code).toBe('expired');
    const unknown = await answer(app, 'a'.repeat(32), { score: '5', stamp: stampFor(app, id) });
    expect(unknown.status).toBe(404);
    expect(await answerTrace(app, id)).toEqual(before);
  });

  it('counts tokens that are not ours against the address: after the policy’s limit, 429', async () => {
    const { max } = policy.rateLimits.clientLinkFailuresPerIp;
    const ip = '203.0.113.77';
    const forged = (i: number) => `${'b'.repeat(30)}${String.fromCharCode(97 + (i % 26))}a`;
    for (let i = 0; i < max; i++) {
      const refused = await answer(app, forged(i), { score: '5' }, { 'CF-Connecting-IP': ip });
      expect(refused.status).toBe(404);
    }
    const limited = await answer(app, forged(0), { score: '5' }, { 'CF-Connecting-IP': ip });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await readJson(limited)).error.message).toMatch(/minutos/);
    const page = await loadSurveyPage(
      app.db,
      policy,
      { token: forged(1), score: null, formSecret: undefined, ip },
      app.deps.clock(),
    );
    expect(page.state).toBe('rate_limited');
    // A real link from the same address still opens: only failures are counted.
    const { token } = await insertSurvey(app);
    const open = await loadSurveyPage(
      app.db,
      policy,
      { token, score: null, formSecret: undefined, ip },
      app.deps.clock(),
    );
    expect(open.state).toBe('open');
  });

  it('a plain form goes back to the page with the notice, or the refusal', async () => {
    const { id, token } = await insertSurvey(app);
    const post = (score: string) =>
      app.request(`/api/satisfaction/${token}`, {
        method: 'POST',
        headers: {
          ...SAME_ORIGIN,
          Accept: 'text/html',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ score, comment: '', stamp: stampFor(app, id) }),
      });
    const refused = await post('7');
    expect(refused.status).toBe(303);
    expect(refused.headers.get('Location')).toBe(`/satisfaction/${token}`);
    const answered = await post('5');
    expect(answered.status).toBe(303);
    expect(answered.headers.get('Location')).toBe(`/satisfaction/${token}`);
    expect(answered.headers.get('Referrer-Policy')).toBe('no-referrer');
  });

  it('a low score opens a task for the client’s CS and e-mails them, with the answer', async () => {
    const { id, token } = await insertSurvey(app);
    const answered = await answer(app, token, {
      score: '2',
      comment: 'O post atrasou',
      stamp: stampFor(app, id),
    });
    expect(answered.status).toBe(200);
    const { survey } = await answerTrace(app, id);
    expect(survey?.lowScoreTaskId).toBeTruthy();
    const [task] = await app.db
      .select()
      .from(taskRequests)
      .where(eq(taskRequests.id, survey?.lowScoreTaskId ?? ''));
    expect(task).toMatchObject({
      clientId: 'demo-client-bakery',
      assigneeRole: 'cs',
      assigneeId: 'demo-cs',
      status: 'open',
    });
    expect(task?.why).toMatch(/pesquisa de satisfação.*O post atrasou/);
    const [mail] = await app.db
      .select()
      .from(outbox)
      .where(eq(outbox.idempotencyKey, `satisfaction-low:${id}`));
    expect(mail?.toAddress).toBe('cs@ponte.example');
    expect(mail?.text).toContain(`/tasks/${task?.id}`);
  });

  it('of five answers at once, one counts; the others get 409, one task and one e-mail', async () => {
    const { id, token } = await insertSurvey(app);
    const before = await answerTrace(app, id);
    const answers = await Promise.all(
      ['1', '2', '1', '2', '1'].map((score) =>
        answer(app, token, { score, stamp: stampFor(app, id) }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    const after = await answerTrace(app, id);
    expect(after.events).toBe(1);
    expect(after.tasks).toBe(before.tasks + 1);
    expect(after.mails).toBe(before.mails + 1);
  });
});
