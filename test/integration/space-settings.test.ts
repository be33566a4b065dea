import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientContacts, events } from '../../db/schema/index.ts';
import { translate } from '../../src/i18n/index.ts';
import { policy } from '../../src/policy/index.ts';
import {
  loadSpaceSettingsPage,
  saveNotifyMode,
} from '../../src/server/client-space/space-settings.ts';
import { openApprovalsApp } from '../support/approvals.ts';
import { postJson } from '../support/sign-in.ts';
import { contactViewerOf, spaceCookieOf } from '../support/space-contact-session.ts';
import { readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const RITA = 'demo-contact-bakery-owner';
const ROUTE = '/api/space/preferences/notify-mode';

/** A contact chooses how they are told, on /space/settings: their own row only, never anyone else's. */
describe.each(DRIVERS)('space settings: how a contact is told (%s)', (driver) => {
  let app: TestApp;
  let rita: string;
  const modeOf = async (contactId: string) =>
    (
      await app.db
        .select({ mode: clientContacts.notifyMode })
        .from(clientContacts)
        .where(eq(clientContacts.id, contactId))
    )[0]?.mode;
  const modeEvents = () =>
    app.db.select().from(events).where(eq(events.action, 'contact_notify_mode_set'));

  beforeAll(async () => {
    app = (await openApprovalsApp(driver)).app;
    rita = await spaceCookieOf(app, RITA);
  });
  afterAll(() => app.close());

  it('shows the contact’s choice and the digest’s time from the policy', async () => {
    const page = await loadSpaceSettingsPage(app.db, await contactViewerOf(app, RITA), policy);
    expect(page).toEqual({ notifyMode: 'immediate', digestAt: policy.clientSpace.digest.at });
  });

  it('saves the choice from a plain form and returns to the page with a notice', async () => {
    const response = await app.request(ROUTE, {
      method: 'POST',
      headers: { ...SAME_ORIGIN, Accept: 'text/html', Cookie: rita },
      body: new URLSearchParams({ notifyMode: 'daily', returnTo: '/space/settings' }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/space/settings');
    expect(await modeOf(RITA)).toBe('daily');
    const [event] = await modeEvents();
    expect(event?.subjectId).toBe(RITA);
    expect(event?.data).toMatchObject({ notifyMode: 'daily' });
  });

  it('saves it as JSON too, and back to one e-mail each', async () => {
    const response = await app.request(
      ROUTE,
      postJson({ notifyMode: 'immediate' }, { cookie: rita }),
    );
    expect(response.status).toBe(200);
    expect(await readJson(response)).toEqual({ notifyMode: 'immediate' });
    expect(await modeOf(RITA)).toBe('immediate');
  });

  it('refuses a mode that does not exist with a localized 400, nothing written', async () => {
    const before = (await modeEvents()).length;
    const response = await app.request(ROUTE, postJson({ notifyMode: 'hourly' }, { cookie: rita }));
    expect(response.status).toBe(400);
    const { error } = await readJson(response);
    expect(error.fields.notifyMode).toBe(translate('pt-BR', 'fields.invalidChoice'));
    expect(await modeOf(RITA)).toBe('immediate');
    expect(await modeEvents()).toHaveLength(before);
  });

  it('refuses a visitor without a space session (401), nothing written', async () => {
    const before = (await modeEvents()).length;
    const response = await app.request(ROUTE, postJson({ notifyMode: 'daily' }));
    expect(response.status).toBe(401);
    expect(await modeOf(RITA)).toBe('immediate');
    expect(await modeEvents()).toHaveLength(before);
  });

  it('changes only the viewer’s own row of their own client: another client’s id is 404', async () => {
    const before = (await modeEvents()).length;
    const forged = { ...(await contactViewerOf(app, RITA)), clientId: 'demo-client-clinic' };
    const result = await saveNotifyMode(
      app.db,
      { viewer: forged, notifyMode: 'daily', ip: null },
      app.deps.clock(),
    );
    expect(result).toEqual({ ok: false, error: 'not_found' });
    expect(await modeOf(RITA)).toBe('immediate');
    expect(await modeEvents()).toHaveLength(before);
  });

  it('changes nothing once the contact may no longer use the space', async () => {
    await app.db
      .update(clientContacts)
      .set({ mayUseSpace: false })
      .where(eq(clientContacts.id, RITA));
    const response = await app.request(ROUTE, postJson({ notifyMode: 'daily' }, { cookie: rita }));
    expect(response.status).toBe(401);
    expect(await modeOf(RITA)).toBe('immediate');
  });
});
