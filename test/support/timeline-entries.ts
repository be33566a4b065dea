import { sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { expect } from 'vitest';
import {
  taskRequests,
  timelineActionItems,
  timelineEntries,
  timelineEntryRevisions,
  timelineFiles,
  timelineRecipients,
} from '../../db/schema/index.ts';
import { postJson, seedPeople, signIn } from './sign-in.ts';
import { addPerson, OTHER_CS } from './teams.ts';
import { createTestApp, readJson, SAME_ORIGIN, type TestApp } from './test-app.ts';
import type { Driver } from './test-databases.ts';

export const BAKERY = 'demo-client-bakery';
export const CLINIC = 'demo-client-clinic';
export const RITA = 'demo-contact-bakery-owner';
export const JOAO = 'demo-contact-bakery-marketing';
export const MARINA = 'demo-contact-clinic-director';
/** A PDF's bytes: accepted by the file checks. */
export const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
/** A PNG's signature: an image, accepted beside a note, refused as a report. */
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
/** An .exe header: refused whatever its name says. */
export const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);

export type Who = 'cs' | 'paid' | 'organic' | 'design' | 'admin' | 'otherCs';
const EMAILS: Record<Who, string> = {
  cs: 'cs@ponte.example',
  paid: 'trafego.pago@ponte.example',
  organic: 'trafego.organico@ponte.example',
  design: 'design@ponte.example',
  admin: 'admin@ponte.example',
  otherCs: OTHER_CS.email,
};

/**
 * The demo agency (the bakery and the clinic, both of Carla, CS) with everyone signed in,
 * on Tuesday 10 March 2026, 09:00 in São Paulo.
 */
export async function openTimelineApp(driver: Driver) {
  const app = await createTestApp(driver);
  app.setNow(new Date('2026-03-10T12:00:00Z'));
  await seedPeople(app);
  await addPerson(app, OTHER_CS);
  const cookies = {} as Record<Who, string>;
  for (const who of Object.keys(EMAILS) as Who[]) cookies[who] = await signIn(app, EMAILS[who]);
  return { app, cookies };
}

/** A JSON post of an entry, new (`entryId` null) or an edit. */
export function postEntry(
  app: TestApp,
  cookie: string,
  body: Record<string, unknown>,
  where: { clientId?: string; entryId?: string } = {},
) {
  const path = `/api/timeline/${where.clientId ?? BAKERY}/entries${where.entryId ? `/${where.entryId}` : ''}`;
  return app.request(path, postJson(body, { cookie }));
}

/** A multipart post of an entry with its files, as the browser's form sends it. */
export function postEntryForm(
  app: TestApp,
  cookie: string,
  fields: Record<string, string | string[]>,
  files: { name: string; bytes: Uint8Array }[],
  where: { clientId?: string; entryId?: string; html?: boolean } = {},
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const one of [value].flat()) form.append(name, one);
  for (const file of files)
    form.append('files', new File([file.bytes as Uint8Array<ArrayBuffer>], file.name));
  const path = `/api/timeline/${where.clientId ?? BAKERY}/entries${where.entryId ? `/${where.entryId}` : ''}`;
  return app.request(path, {
    method: 'POST',
    // A browser's plain form asks for a page back; fetch callers for JSON.
    headers: { ...SAME_ORIGIN, Cookie: cookie, ...(where.html ? { Accept: 'text/html' } : {}) },
    body: form,
  });
}

/** How many rows each table of the timeline holds (and the task requests): "nothing written". */
export async function timelineCounts(app: TestApp) {
  const count = (table: SQLiteTable) => app.db.select({ n: sql<number>`count(*)` }).from(table);
  const rows = await app.db.batch([
    count(timelineEntries),
    count(timelineEntryRevisions),
    count(timelineFiles),
    count(timelineRecipients),
    count(timelineActionItems),
    count(taskRequests),
  ]);
  return rows.map((row) => Number(row[0]?.n ?? 0));
}

/** How many objects the bucket holds under the timeline's folder. */
export async function storedTimelineFiles(app: TestApp) {
  return (await app.files.list({ prefix: 'timeline/' })).objects.length;
}

/** A note everyone may write: the smallest valid entry. */
export const NOTE = {
  kind: 'note',
  title: 'Ligação rápida',
  visibility: 'internal',
  text: 'Combinado.',
};

/** A client-visible decision asking Rita to acknowledge it. */
export const DECISION_FOR_RITA = {
  kind: 'decision',
  title: 'Verba de abril',
  visibility: 'client',
  occurredOn: '2026-03-09',
  decided: 'Dobrar a verba de Meta em abril.',
  contactIds: [RITA],
  asksAcknowledgement: true,
};

/** Writes an entry as `cookie`, which must be accepted; its id. */
export async function createEntry(app: TestApp, cookie: string, body: Record<string, unknown>) {
  const response = await postEntry(app, cookie, body);
  expect(response.status).toBe(200);
  return (await readJson(response)).id as string;
}
