import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, users } from '../../db/schema/index.ts';
import { LOCALE_COOKIE } from '../../src/server/i18n/request-locale.ts';
import { seedPeople, signIn } from '../support/sign-in.ts';
import { createTestApp, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

// The language switch in every page's header: a plain form posting to the API.
const choose = (locale: string, returnTo: string, cookie?: string): RequestInit => ({
  method: 'POST',
  headers: {
    ...SAME_ORIGIN,
    Accept: 'text/html',
    'Content-Type': 'application/x-www-form-urlencoded',
    ...(cookie ? { Cookie: cookie } : {}),
  },
  body: new URLSearchParams({ locale, returnTo }).toString(),
});

describe.each(DRIVERS)('the header’s language switch (%s)', (driver) => {
  let app: TestApp;
  let cookie: string;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    cookie = await signIn(app, 'cs@ponte.example');
  });
  afterAll(() => app.close());

  const localeOf = async (id: string) =>
    (await app.db.select({ locale: users.locale }).from(users).where(eq(users.id, id)))[0]?.locale;

  it('remembers a visitor’s choice in a cookie and returns to the page, query included', async () => {
    const response = await app.request('/api/preferences/locale', choose('ru', '/sign-in?x=1'));
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/sign-in?x=1');
    expect(response.headers.get('Set-Cookie')).toContain(`${LOCALE_COOKIE}=ru`);
  });

  it('saves a signed-in person’s choice in their profile (their pages follow it), recorded once', async () => {
    const response = await app.request('/api/preferences/locale', choose('en', '/tasks', cookie));
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/tasks');
    expect(await localeOf('demo-cs')).toBe('en');
    await app.request('/api/preferences/locale', choose('en', '/tasks', cookie));
    const recorded = await app.db
      .select()
      .from(events)
      .where(and(eq(events.subjectId, 'demo-cs'), eq(events.action, 'profile_updated')));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.data).toEqual({ fields: ['locale'] });
  });

  it('changes nothing for a language it does not have, and never returns to another site', async () => {
    const unknown = await app.request('/api/preferences/locale', choose('xx', '/tasks', cookie));
    expect(unknown.headers.get('Set-Cookie') ?? '').not.toContain(`${LOCALE_COOKIE}=`);
    expect(await localeOf('demo-cs')).toBe('en');
    const away = await app.request(
      '/api/preferences/locale',
      choose('pt-BR', '//evil.example', cookie),
    );
    expect(away.headers.get('Location')).toBe('/');
    expect(await localeOf('demo-cs')).toBe('pt-BR');
  });
});
