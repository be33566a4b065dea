import { eq } from 'drizzle-orm';
import {
  clientContacts,
  clientRequests,
  clients,
  events,
  outbox,
  projects,
  requestFiles,
} from '../../db/schema/index.ts';
import type { ContactViewer } from '../../src/server/client-space/contact-viewer.ts';
import { seedPeople } from './sign-in.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import type { Driver } from './test-databases.ts';

/** A PDF's bytes: accepted by the file checks. */
export const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
/** An .exe header: refused whatever its name says. */
export const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);

const contactViewer = (
  id: string,
  clientId: string,
  clientName: string,
  name: string,
): ContactViewer => ({
  sessionId: `session-${id}`,
  contactId: id,
  clientId,
  clientName,
  name,
  email: `${id}@client.example`,
  locale: 'pt-BR',
  mayApprovePieces: true,
});

/**
 * The demo agency with two clients of its CS: the bakery (a visible project and a hidden
 * one, two contacts) and the clinic (a visible project, one contact); each contact as the
 * client space's viewer. Tuesday 10 March, 10:00 in São Paulo.
 */
export async function openRequestsApp(driver: Driver) {
  const app = await createTestApp(driver);
  app.setNow(new Date('2026-03-10T13:00:00Z'));
  await seedPeople(app);
  const now = app.deps.clock();
  await app.db.insert(clients).values([
    { id: 'bakery', name: 'Padaria Sol', csUserId: 'demo-cs', createdAt: now },
    { id: 'clinic', name: 'Clínica Lua', csUserId: 'demo-cs', createdAt: now },
  ]);
  const contact = (id: string, clientId: string, name: string) => ({
    id,
    clientId,
    name,
    email: `${id}@client.example`,
    mayUseSpace: true,
    createdAt: now,
  });
  await app.db
    .insert(clientContacts)
    .values([
      contact('rita', 'bakery', 'Rita'),
      contact('joao', 'bakery', 'João'),
      contact('lia', 'clinic', 'Lia'),
    ]);
  const project = (id: string, clientId: string, visibleToClient: boolean) => ({
    id,
    clientId,
    name: id,
    visibleToClient,
    createdAt: now,
  });
  await app.db
    .insert(projects)
    .values([
      project('bakery-visible', 'bakery', true),
      project('bakery-hidden', 'bakery', false),
      project('clinic-visible', 'clinic', true),
    ]);
  return {
    app,
    rita: contactViewer('rita', 'bakery', 'Padaria Sol', 'Rita'),
    joao: contactViewer('joao', 'bakery', 'Padaria Sol', 'João'),
    lia: contactViewer('lia', 'clinic', 'Clínica Lua', 'Lia'),
  };
}

/** A posted form's values as the server reads them: text answers and chosen files. */
export function formValues(
  answers: Record<string, string>,
  files: Record<string, { bytes: Uint8Array; name: string }> = {},
): Record<string, unknown> {
  const raw: Record<string, unknown> = { ...answers };
  for (const [key, file] of Object.entries(files))
    raw[key] = new File([file.bytes as Uint8Array<ArrayBuffer>], file.name);
  return raw;
}

/** Everything a request's send or save could write: requests, files, stored bytes, mail, events. */
export async function requestTrace(app: TestApp) {
  return {
    requests: await app.db.select().from(clientRequests),
    files: await app.db.select().from(requestFiles),
    bytes: (await app.bucket.list({ prefix: 'requests/' })).objects.map((o) => o.key),
    mails: (await app.db.select().from(outbox)).length,
    events: (await app.db.select().from(events)).length,
  };
}

/** The agency shows (or hides) the bakery's visible project in the client space. */
export function showBakeryProject(app: TestApp, visibleToClient: boolean) {
  return app.db.update(projects).set({ visibleToClient }).where(eq(projects.id, 'bakery-visible'));
}
