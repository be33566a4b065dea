import type { Database } from '../../db/client.ts';
import {
  clientContacts,
  clients,
  TIMELINE_ENTRY_KINDS,
  timelineActionItems,
  timelineEntries,
  timelineFiles,
  timelineRecipients,
} from '../../db/schema/index.ts';
import { addDaysToIsoDate, addMonths, isoDateInZone, policy } from '../../src/policy/index.ts';
import type { Viewer } from '../../src/server/auth/viewer.ts';
import type { ContactViewer } from '../../src/server/client-space/contact-viewer.ts';
import {
  reportMonthAt,
  reportReminderAt,
} from '../../src/server/timeline/report-deadline-rules.ts';
import { insertChunked } from './seed-chunks.ts';

/** The client whose timeline the bench measures (#19: 500 entries). */
export const TIMELINE_BENCH_CLIENT = 'bench-timeline-client';
const CONTACT_ID = 'bench-timeline-contact';
const ENTRIES = 500;
/** Its CS, who reads the agency's timeline and prints a month. */
export const TIMELINE_BENCH_CS: Viewer = { id: 'demo-cs', roles: ['cs'] };
/** Its contact, who reads the space's timeline. */
export const TIMELINE_BENCH_CONTACT: ContactViewer = {
  sessionId: 'bench-timeline-session',
  contactId: CONTACT_ID,
  clientId: TIMELINE_BENCH_CLIENT,
  clientName: 'Cliente da linha do tempo',
  name: 'Contato da linha do tempo',
  email: 'linha@cliente.example',
  locale: 'pt-BR',
  mayApprovePieces: true,
};

/** An hour into the reminder day of last month's report (the home lists who still owes it). */
export const reportReminderDay = (now: Date) =>
  new Date(
    reportReminderAt(reportMonthAt(now, policy.agency.timeZone), policy).getTime() + 3_600_000,
  );

/** The month the print page's figure is of: last month, about 20 entries. */
export const timelineBenchMonth = (now: Date) =>
  addMonths(isoDateInZone(now, policy.agency.timeZone).slice(0, 7), -1);

/**
 * A client with 500 entries over two years (about 20 a month, every kind; two in three visible
 * to the client; minutes asking the contact to acknowledge, with two action items and a file),
 * and a month's report for each month.
 */
export async function seedBenchTimeline(db: Database, now: Date) {
  await db.insert(clients).values({
    id: TIMELINE_BENCH_CLIENT,
    name: 'Cliente da linha do tempo',
    csUserId: 'demo-cs',
    serviceStartsOn: '2024-01-01',
    createdAt: now,
  });
  await db.insert(clientContacts).values({
    id: CONTACT_ID,
    clientId: TIMELINE_BENCH_CLIENT,
    name: 'Contato da linha do tempo',
    email: 'linha@cliente.example',
    mayUseSpace: true,
    createdAt: now,
  });
  const today = isoDateInZone(now, policy.agency.timeZone);
  const kinds = TIMELINE_ENTRY_KINDS;
  const entries = Array.from({ length: ENTRIES }, (_, i) => {
    const kind = kinds[i % kinds.length] ?? 'note';
    const occurredOn = addDaysToIsoDate(today, -Math.floor((i * 730) / ENTRIES) - 1);
    const at = new Date(now.getTime() - i * 3_600_000);
    return {
      id: `bench-timeline-${i}`,
      clientId: TIMELINE_BENCH_CLIENT,
      kind,
      visibility: i % 3 === 0 ? ('internal' as const) : ('client' as const),
      title: `Registro ${i}`,
      content: JSON.stringify(
        kind === 'minutes'
          ? {
              discussed: 'Resultados do mês e próximos passos.\n'.repeat(5),
              decisions: 'Seguir com a campanha.',
              participants: {
                agency: [{ id: 'demo-cs', name: 'Carla Campos' }],
                contacts: [{ id: CONTACT_ID, name: 'Contato da linha do tempo' }],
                others: [],
              },
            }
          : kind === 'monthly_report'
            ? { summary: 'Alcance e conversões do mês.', link: 'https://relatorio.example/' }
            : kind === 'media_payment'
              ? { dueOn: occurredOn, amount: 150_000, currency: 'BRL' }
              : { text: 'Uma nota sobre o cliente.', decided: 'Decidido.' },
      ),
      occurredOn,
      period: kind === 'monthly_report' ? addMonths(occurredOn.slice(0, 7), -1) : null,
      asksAcknowledgement: kind === 'minutes' && i % 3 !== 0,
      authorId: 'demo-cs',
      createdAt: at,
      updatedAt: at,
    };
  });
  await insertChunked(db, timelineEntries, entries);
  const minutes = entries.filter((entry) => entry.kind === 'minutes');
  await insertChunked(
    db,
    timelineRecipients,
    minutes
      .filter((entry) => entry.asksAcknowledgement)
      .map((entry, i) => ({
        entryId: entry.id,
        contactId: CONTACT_ID,
        contactName: 'Contato da linha do tempo',
        notifiedAt: entry.createdAt,
        respondedAt: i % 2 === 0 ? entry.createdAt : null,
        response: i % 2 === 0 ? ('agreed' as const) : null,
      })),
  );
  await insertChunked(
    db,
    timelineActionItems,
    minutes.flatMap((entry) =>
      [1, 2].map((position) => ({
        id: `${entry.id}-item-${position}`,
        entryId: entry.id,
        position,
        what: `Encaminhamento ${position}`,
        assigneeRole: 'design',
        dueOn: entry.occurredOn,
        refusal: 'lead_time',
        createdAt: entry.createdAt,
      })),
    ),
  );
  await insertChunked(
    db,
    timelineFiles,
    entries
      .filter((entry) => entry.kind !== 'note')
      .map((entry) => ({
        id: `${entry.id}-file`,
        entryId: entry.id,
        fileKey: `timeline/bench/${entry.id}`,
        fileName: `${entry.id}.pdf`,
        contentType: 'application/pdf',
        size: 120_000,
        sha256: '0'.repeat(64),
        createdAt: entry.createdAt,
      })),
  );
}
