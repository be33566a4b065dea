import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfilePage } from '../../src/server/partners/profile.ts';
import { postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { countRoundTrips, createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

describe.each(DRIVERS)('the profile page’s data (%s)', (driver) => {
  let app: TestApp;
  let cookie: string;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    cookie = await signIn(app, 'design@ponte.example');
  });
  afterAll(() => app.close());
  const save = (fields: { taxId: string; pixKey: string }) =>
    app.request(
      '/api/profile',
      postJson({ name: 'Davi Duarte', locale: 'pt-BR', ...fields }, { cookie }),
    );

  it('says what payment still needs, field by field, in one round trip', async () => {
    expect((await save({ taxId: '', pixKey: '' })).status).toBe(200);
    const { result, roundTrips } = await countRoundTrips(app, () =>
      loadProfilePage(app.db, 'demo-design'),
    );
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(result?.missingForPayment).toEqual(['taxId', 'pixKey']);
    expect(result?.profile).toMatchObject({ email: 'design@ponte.example', name: 'Davi Duarte' });

    expect((await save({ taxId: '529.982.247-25', pixKey: '' })).status).toBe(200);
    expect((await loadProfilePage(app.db, 'demo-design'))?.missingForPayment).toEqual(['pixKey']);
  });

  it('asks nothing more once the tax id and the PIX key are there', async () => {
    expect((await save({ taxId: '529.982.247-25', pixKey: '+55 11 98765-4321' })).status).toBe(200);
    expect((await loadProfilePage(app.db, 'demo-design'))?.missingForPayment).toEqual([]);
  });

  it('a refused save leaves what was missing as it was', async () => {
    expect((await save({ taxId: '', pixKey: '' })).status).toBe(200);
    expect((await save({ taxId: '529.982.247-26', pixKey: '+55 11 98765-4321' })).status).toBe(400);
    expect((await loadProfilePage(app.db, 'demo-design'))?.missingForPayment).toEqual([
      'taxId',
      'pixKey',
    ]);
  });

  it('finds no page for someone who is not there', async () => {
    expect(await loadProfilePage(app.db, 'nobody')).toBeNull();
  });
});
