import { and, eq, sql } from 'drizzle-orm';
import {
  events,
  outbox,
  type TimelineEntryKind,
  timelineEntries,
  timelineFiles,
  timelineRecipients,
} from '../../db/schema/index.ts';
import { runJobs } from '../../functions/jobs/index.ts';
import { postJson, seedPeople } from './sign-in.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import type { Driver } from './test-databases.ts';

export const BAKERY = 'demo-client-bakery';
export const CLINIC = 'demo-client-clinic';
export const RITA = {
  id: 'demo-contact-bakery-owner',
  name: 'Rita Moraes',
  email: 'rita@paoquente.example',
};
export const JOAO = {
  id: 'demo-contact-bakery-marketing',
  name: 'João Lima',
  email: 'joao@paoquente.example',
};
export const MARINA = {
  id: 'demo-contact-clinic-director',
  name: 'Marina Costa',
  email: 'marina@sorrisoleve.example',
};
export const IGOR = {
  id: 'demo-contact-clinic-manager',
  name: 'Igor Petrov',
  email: 'igor@sorrisoleve.example',
};
export const CS_EMAIL = 'cs@ponte.example';
// Well formed (32 base32 letters) but issued to nobody.
export const FORGED = 'a'.repeat(32);

/** The demo agency and its clients, no entries yet. */
export async function openTimelineApp(driver: Driver) {
  const app = await createTestApp(driver);
  await seedPeople(app);
  return app;
}

type EntryFacts = {
  id: string;
  clientId?: string;
  kind?: TimelineEntryKind;
  visibility?: 'client' | 'internal';
  title?: string;
  content?: Record<string, unknown>;
  occurredOn?: string;
  asksAcknowledgement?: boolean;
  createdAt?: Date;
};

/**
 * An entry as the agency's side stores it (#19's entries write these rows), with the contacts
 * chosen on it as recipients not yet told (notifiedAt null), as that side leaves them.
 */
export async function addEntry(
  app: TestApp,
  facts: EntryFacts,
  recipients: readonly { id: string; name: string }[] = [],
) {
  const now = facts.createdAt ?? app.deps.clock();
  await app.db.batch([
    app.db.insert(timelineEntries).values({
      id: facts.id,
      clientId: facts.clientId ?? BAKERY,
      kind: facts.kind ?? 'minutes',
      visibility: facts.visibility ?? 'client',
      title: facts.title ?? `Ata ${facts.id}`,
      content: JSON.stringify(facts.content ?? {}),
      occurredOn: facts.occurredOn ?? '2026-02-27',
      asksAcknowledgement: facts.asksAcknowledgement ?? true,
      authorId: 'demo-cs',
      createdAt: now,
      updatedAt: now,
    }),
    ...recipients.map((contact) =>
      app.db
        .insert(timelineRecipients)
        .values({ entryId: facts.id, contactId: contact.id, contactName: contact.name }),
    ),
  ]);
}

/** A file on an entry, its bytes stored like every other file. */
export async function addEntryFile(app: TestApp, entryId: string, fileId: string, text: string) {
  const bytes = new TextEncoder().encode(`%PDF-1.4\n${text}\n%%EOF`);
  const stored = await app.files.put(`timeline/${fileId}`, bytes, 'application/pdf');
  await app.db.insert(timelineFiles).values({
    id: fileId,
    entryId,
    fileKey: stored.key,
    fileName: `${fileId}.pdf`,
    contentType: 'application/pdf',
    size: stored.size,
    sha256: stored.sha256,
    createdAt: app.deps.clock(),
  });
}

/** The job, as the cron runs it. */
export async function runTimelineNotices(app: TestApp) {
  return (await runJobs(app.deps, ['timeline-notices']))['timeline-notices'];
}

/**
 * The token of the newest acknowledgement link e-mailed to an address (of one entry when
 * given: a contact may be sent several entries at the same instant).
 */
export async function ackToken(app: TestApp, to: string, entryId?: string): Promise<string> {
  const mails = (await mailTo(app, to)).reverse();
  for (const mail of mails) {
    if (entryId && !mail.idempotencyKey.includes(`:${entryId}:`)) continue;
    const token = /\/timeline-ack\/([a-z2-7]{32})/.exec(mail.text)?.[1];
    if (token) return token;
  }
  throw new Error(`no acknowledgement link for ${to}`);
}

/** A contact's answer through their link: `agree`, or `observation` with its message. */
export function answerByLink(app: TestApp, token: string, body: { observation?: string } = {}) {
  const path = 'observation' in body ? 'observation' : 'agree';
  return app.request(`/api/timeline-ack/${token}/${path}`, postJson(body));
}

/** The recipient row of a contact on an entry. */
export async function recipientOf(app: TestApp, entryId: string, contactId: string) {
  const [row] = await app.db
    .select()
    .from(timelineRecipients)
    .where(
      and(eq(timelineRecipients.entryId, entryId), eq(timelineRecipients.contactId, contactId)),
    );
  return row;
}

/** What an answer may write: the recipients, the outbox and the events, to compare before and after. */
export async function writtenState(app: TestApp) {
  const [recipients, mail, audit] = await app.db.batch([
    app.db.select().from(timelineRecipients).orderBy(sql`rowid`),
    app.db.select({ n: sql<number>`count(*)` }).from(outbox),
    app.db.select({ n: sql<number>`count(*)` }).from(events),
  ]);
  return { recipients, mail: mail[0]?.n, events: audit[0]?.n };
}

/** The e-mails queued to an address, oldest first. */
export function mailTo(app: TestApp, to: string) {
  return app.db.select().from(outbox).where(eq(outbox.toAddress, to)).orderBy(sql`rowid`);
}
