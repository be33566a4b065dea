import { addDaysToIsoDate, isoDateInZone, policy } from '../src/policy/index.ts';
import type { Database } from './client.ts';
import { timelineEntries, timelineRecipients } from './schema/index.ts';

const BAKERY = 'demo-client-bakery';
const RITA = { id: 'demo-contact-bakery-owner', name: 'Rita Moraes' };
const JOAO = { id: 'demo-contact-bakery-marketing', name: 'João Lima' };
const CS = { id: 'demo-cs', name: 'Carla Campos' };
const DAY = 86_400_000;

/**
 * The bakery's timeline as its contacts meet it (#19): last week's planning meeting, whose
 * minutes ask Rita and João to acknowledge them, and a note for Rita. Their e-mails are
 * left to the timeline-notices job (notified_at null), as the agency's side leaves them.
 * Idempotent: rows that exist are left as they are.
 */
export async function seedDemoTimelineAcks(db: Database, now: Date): Promise<void> {
  const today = isoDateInZone(now, policy.agency.timeZone);
  const meetingDay = addDaysToIsoDate(today, -3);
  const written = new Date(now.getTime() - 2 * DAY);
  const entry = (id: string) => ({
    id,
    clientId: BAKERY,
    visibility: 'client' as const,
    authorId: CS.id,
    createdAt: written,
    updatedAt: written,
  });
  await db.batch([
    db
      .insert(timelineEntries)
      .values({
        ...entry('demo-timeline-planning'),
        kind: 'minutes',
        title: 'Reunião de planejamento da campanha de verão',
        occurredOn: meetingDay,
        asksAcknowledgement: true,
        content: JSON.stringify({
          occurredOn: meetingDay,
          discussed:
            'As peças da campanha de verão, a verba de mídia e o calendário de posts de março.',
          decisions:
            'Verba de mídia de R$ 3.000 em março.\nPosts às terças e quintas, às 8h.\nA Rita aprova as peças até a véspera de cada post.',
          participants: {
            agency: [{ id: CS.id, name: CS.name }],
            contacts: [RITA, JOAO],
            others: '',
          },
        }),
      })
      .onConflictDoNothing(),
    db
      .insert(timelineEntries)
      .values({
        ...entry('demo-timeline-note'),
        kind: 'note',
        title: 'Fotos do produto na sexta-feira',
        occurredOn: today,
        asksAcknowledgement: false,
        content: JSON.stringify({
          text: 'O fotógrafo chega às 9h para as fotos dos pães de fermentação natural.',
        }),
      })
      .onConflictDoNothing(),
    ...[
      { entryId: 'demo-timeline-planning', contact: RITA },
      { entryId: 'demo-timeline-planning', contact: JOAO },
      { entryId: 'demo-timeline-note', contact: RITA },
    ].map(({ entryId, contact }) =>
      db
        .insert(timelineRecipients)
        .values({ entryId, contactId: contact.id, contactName: contact.name })
        .onConflictDoNothing(),
    ),
  ]);
}
