import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientContacts } from '../../db/schema/index.ts';
import { formatPhone, whatsAppLink } from '../../src/i18n/phone.ts';
import { postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { createTestApp, readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const BAKERY = 'demo-client-bakery';

// The contact form shows a stored number formatted (+55 11 91234-5678); saving the form as
// shown must keep the same E.164 number, and a bad one must change nothing.
describe.each(DRIVERS)('a contact’s WhatsApp number (%s)', (driver) => {
  let app: TestApp;
  let cookie: string;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    cookie = await signIn(app, 'cs@ponte.example');
  });
  afterAll(() => app.close());
  const contact = { name: 'Lia Lima', email: 'lia@padaria.example', locale: 'pt-BR' };
  const post = (path: string, body: unknown) =>
    app.request(`/api/clients/${BAKERY}/contacts${path}`, postJson(body, { cookie }));
  const stored = async (id: string) =>
    (await app.db.select().from(clientContacts).where(eq(clientContacts.id, id)))[0];

  it('stores the number as E.164, and shows it back formatted with its chat link', async () => {
    const created = await post('', { ...contact, whatsapp: '+55 11 91234-5678' });
    expect(created.status).toBe(200);
    const { id } = await readJson(created);
    const row = await stored(id);
    expect(row?.whatsapp).toBe('+5511912345678');
    expect(formatPhone(row?.whatsapp ?? '')).toBe('+55 11 91234-5678');
    expect(whatsAppLink(row?.whatsapp ?? '')).toBe('https://wa.me/5511912345678');

    // The edit form, saved as shown, keeps the number.
    const shown = formatPhone(row?.whatsapp ?? '');
    expect((await post(`/${id}`, { ...contact, whatsapp: shown })).status).toBe(200);
    expect((await stored(id))?.whatsapp).toBe('+5511912345678');
  });

  it('refuses a number without the country code, naming the field, and keeps the old one', async () => {
    const { id } = await readJson(await post('', { ...contact, whatsapp: '+5511933334444' }));
    const refused = await post(`/${id}`, { ...contact, name: 'Outro', whatsapp: '11 93333-4444' });
    expect(refused.status).toBe(400);
    expect((await readJson(refused)).error.fields.whatsapp).toMatch(/\+55/);
    expect(await stored(id)).toMatchObject({ name: 'Lia Lima', whatsapp: '+5511933334444' });
  });

  it('clears the number when the field is emptied', async () => {
    const { id } = await readJson(await post('', { ...contact, whatsapp: '+5511955556666' }));
    expect((await post(`/${id}`, { ...contact, whatsapp: '' })).status).toBe(200);
    expect((await stored(id))?.whatsapp).toBeNull();
  });
});
