import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientContacts, clientRequests, events } from '../../db/schema/index.ts';
import { seedDemoPieces } from '../../db/seed-pieces.ts';
import { seedDemoSpace } from '../../db/seed-space.ts';
import { createTranslator } from '../../src/i18n/index.ts';
import { policy } from '../../src/policy/index.ts';
import { describeEvent } from '../../src/server/audit/history-sentence.ts';
import {
  loadRequestPage,
  loadRequestsPage,
} from '../../src/server/client-requests/request-pages.ts';
import {
  loadSpaceRequestPage,
  loadSpaceRequestsPage,
} from '../../src/server/client-requests/request-pages-space.ts';
import type { ContactViewer } from '../../src/server/client-space/contact-viewer.ts';
import { loadSpaceBoard } from '../../src/server/client-space/space-board.ts';
import { loadClientPage } from '../../src/server/clients/client-page.ts';
import { seedPeople } from '../support/sign-in.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const RITA: ContactViewer = {
  sessionId: 'demo-session',
  contactId: 'demo-contact-bakery-owner',
  clientId: 'demo-client-bakery',
  clientName: 'Padaria Pão Quente',
  name: 'Rita Moraes',
  email: 'rita@paoquente.example',
  locale: 'pt-BR',
  mayApprovePieces: true,
};
const CS = { id: 'demo-cs', roles: ['cs' as const] };

/** The demo's client space: what `npm run seed` gives the space and the requests pages to show. */
describe.each(DRIVERS)('the demo’s client space (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    await seedDemoPieces(app.db, app.files, app.deps.clock());
    await seedDemoSpace(app.db, app.deps.clock());
    await seedDemoSpace(app.db, app.deps.clock());
  });
  afterAll(() => app.close());

  it('lets Rita use the space, once (seeding again writes nothing more)', async () => {
    const [rita] = await app.db
      .select()
      .from(clientContacts)
      .where(eq(clientContacts.id, RITA.contactId));
    expect(rita?.mayUseSpace).toBe(true);
    expect(await app.db.select().from(clientRequests)).toHaveLength(2);
    const shown = await app.db
      .select()
      .from(events)
      .where(eq(events.action, 'project_shown_to_client'));
    expect(shown).toHaveLength(1);
  });

  it('shows Rita the summer campaign on her board and her two requests', async () => {
    const board = await loadSpaceBoard(app.db, RITA);
    expect(JSON.stringify(board)).toContain('Campanha de verão');
    const mine = await loadSpaceRequestsPage(app.db, RITA);
    expect(JSON.stringify(mine)).toContain('Stories da semana do pão de queijo');
    expect(JSON.stringify(mine)).toContain('Site novo com encomendas');
    const site = await loadSpaceRequestPage(app.db, RITA, 'demo-request-site');
    expect(site?.request.status).toBe('question');
    expect(site?.messages.map((m) => m.authorName)).toEqual([
      'Carla Campos',
      'Rita Moraes',
      'Carla Campos',
    ]);
  });

  it('gives CS one request awaiting triage and one awaiting the client, with its history', async () => {
    const requests = await loadRequestsPage(app.db, CS);
    expect(requests.waiting.map((r) => r.id)).toEqual(['demo-request-stories']);
    expect(requests.others.map((r) => r.id)).toEqual(['demo-request-site']);
    const site = await loadRequestPage(app.db, CS, 'demo-request-site');
    expect(site?.messages).toHaveLength(3);
    expect(site?.history.length).toBeGreaterThanOrEqual(4);
    const stories = await loadRequestPage(app.db, CS, 'demo-request-stories');
    expect(stories?.request.status).toBe('opened');
  });

  it('tells in the bakery’s history that CS showed the campaign in the space', async () => {
    const page = await loadClientPage(app.db, CS, RITA.clientId, policy, app.deps.clock());
    const t = createTranslator('en');
    const told = (page?.managed?.history ?? []).map((e) => describeEvent(e, { t, locale: 'en' }));
    expect(told).toContain(
      'Carla Campos (CS) showed the project Campanha de verão in the client space',
    );
  });
});
