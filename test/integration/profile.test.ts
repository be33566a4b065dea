import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, users } from '../../db/schema/index.ts';
import { postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { createTestApp, readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

describe.each(DRIVERS)('profile (%s)', (driver) => {
  let app: TestApp;
  let cookie: string;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    cookie = await signIn(app, 'design@ponte.example');
  });
  afterAll(() => app.close());
  const save = (body: Record<string, unknown>) =>
    app.request('/api/profile', postJson(body, { cookie, ip: '203.0.113.50' }));
  const profile = { name: 'Davi Duarte', locale: 'pt-BR', taxId: '', pixKey: '' };

  it('stores a CPF, CNPJ or alphanumeric CNPJ without punctuation, and a canonical PIX key', async () => {
    for (const [taxId, stored] of [
      ['529.982.247-25', '52998224725'],
      ['11.222.333/0001-81', '11222333000181'],
      ['12.abc.345/01de-35', '12ABC34501DE35'],
    ]) {
      expect((await save({ ...profile, taxId, pixKey: '+55 11 98765-4321' })).status).toBe(200);
      const [row] = await app.db.select().from(users).where(eq(users.id, 'demo-design'));
      expect(row).toMatchObject({ taxId: stored, pixKey: '+5511987654321' });
    }
  });

  it('refuses a wrong check digit or PIX key with messages per field, and changes nothing', async () => {
    const [before] = await app.db.select().from(users).where(eq(users.id, 'demo-design'));
    const response = await save({
      ...profile,
      name: 'Outro Nome',
      taxId: '529.982.247-26',
      pixKey: '11987654321',
    });
    expect(response.status).toBe(400);
    const { error } = await readJson(response);
    expect(error.fields.taxId).toMatch(/dígitos verificadores/);
    expect(error.fields.pixKey).toMatch(/PIX/);
    const [after] = await app.db.select().from(users).where(eq(users.id, 'demo-design'));
    expect(after).toEqual(before);
  });

  it('records which fields changed, never their values', async () => {
    await save({
      ...profile,
      name: 'Davi D. Duarte',
      locale: 'en',
      taxId: '39053344705',
      pixKey: '',
    });
    const trail = await app.db.select().from(events).where(eq(events.action, 'profile_updated'));
    const last = trail.at(-1);
    expect(last).toMatchObject({ actorId: 'demo-design', ip: '203.0.113.50' });
    expect(last?.data).toEqual({ fields: ['name', 'locale', 'taxId', 'pixKey'] });
    expect(JSON.stringify(trail)).not.toContain('39053344705');
  });

  it('shows the profile language to the signed-in person right away', async () => {
    const me = await app.request('/api/auth/session', { headers: { Cookie: cookie } });
    expect((await readJson(me)).user.locale).toBe('en');
  });
});
