import {
  taskRequests,
  timelineActionItems,
  timelineEntries,
  timelineFiles,
  timelineRecipients,
} from '../../db/schema/index.ts';
import type { TestApp } from './test-app.ts';

/** What people might type to break a Markdown export: HTML, links, headings, lists, code. */
export const HOSTILE_TEXT =
  '# Aprovado\n<script>alert(1)</script>\n[clique](javascript:alert(1))\n- item\n    código\n> citação';

const at = (iso: string) => new Date(`${iso}-03:00`);

/**
 * March 2026 on the bakery's timeline, written straight in the database: minutes asking two
 * contacts to acknowledge (one agreed, one with an observation, one never asked) with an action
 * item opened as a task and one refused by the lead time, a file, an internal note, the
 * month's report written in April, and an entry of April that is not March's.
 */
export async function addBakeryMarch(app: Pick<TestApp, 'db'>) {
  const clientId = 'demo-client-bakery';
  const entry = (id: string, values: Partial<typeof timelineEntries.$inferInsert>) => ({
    id,
    clientId,
    kind: 'note' as const,
    visibility: 'client' as const,
    title: id,
    content: '{}',
    occurredOn: '2026-03-10',
    authorId: 'demo-cs',
    createdAt: at('2026-03-10T12:00:00'),
    updatedAt: at('2026-03-10T12:00:00'),
    ...values,
  });
  await app.db.batch([
    app.db.insert(timelineEntries).values([
      entry('march-minutes', {
        kind: 'minutes',
        title: '# Reunião <b>mensal</b>',
        occurredOn: '2026-03-05',
        asksAcknowledgement: true,
        revision: 2,
        content: JSON.stringify({
          discussed: HOSTILE_TEXT,
          decisions: 'Campanha de Páscoa **aprovada**',
          participants: {
            agency: [{ id: 'demo-cs', name: 'Carla Campos' }],
            contacts: [{ id: 'demo-contact-bakery-owner', name: 'Rita Moraes' }],
            others: ['[Convidado](javascript:alert(1))'],
          },
        }),
      }),
      entry('march-note', {
        visibility: 'internal',
        title: 'Nota interna',
        content: JSON.stringify({ text: 'Cliente pediu desconto' }),
      }),
      entry('march-report', {
        kind: 'monthly_report',
        title: 'Relatório de março',
        occurredOn: '2026-04-03',
        period: '2026-03',
        content: JSON.stringify({ summary: 'Alcance +20%', link: 'https://relatorio.example/3' }),
      }),
      entry('april-note', { title: 'Abril', occurredOn: '2026-04-02' }),
    ]),
    app.db.insert(taskRequests).values({
      id: 'march-task',
      clientId,
      requesterId: 'demo-cs',
      requesterRole: 'cs',
      assigneeRole: 'design',
      what: 'Arte da Páscoa',
      why: 'Reunião mensal',
      dueOn: '2026-03-20',
      createdAt: at('2026-03-05T15:00:00'),
      updatedAt: at('2026-03-05T15:00:00'),
    }),
    app.db.insert(timelineActionItems).values([
      {
        id: 'march-item-1',
        entryId: 'march-minutes',
        position: 1,
        what: 'Arte da Páscoa',
        assigneeRole: 'design',
        dueOn: '2026-03-20',
        taskRequestId: 'march-task',
        createdAt: at('2026-03-05T15:00:00'),
      },
      {
        id: 'march-item-2',
        entryId: 'march-minutes',
        position: 2,
        what: '<img src=x onerror=alert(1)> amanhã',
        assigneeRole: 'paid_traffic',
        dueOn: '2026-03-06',
        refusal: 'lead_time',
        createdAt: at('2026-03-05T15:00:00'),
      },
    ]),
    app.db.insert(timelineRecipients).values([
      {
        entryId: 'march-minutes',
        contactId: 'demo-contact-bakery-owner',
        contactName: 'Rita Moraes',
        response: 'agreed',
        respondedAt: at('2026-03-06T09:30:00'),
        respondedVia: 'link',
      },
      {
        entryId: 'march-minutes',
        contactId: 'demo-contact-bakery-marketing',
        contactName: 'Marcos [Marketing](javascript:alert(1))',
        response: 'observation',
        observation: 'Faltou o orçamento\n## de abril',
        respondedAt: at('2026-03-06T10:00:00'),
        respondedVia: 'space',
      },
    ]),
    app.db.insert(timelineFiles).values({
      id: 'march-file',
      entryId: 'march-minutes',
      fileKey: 'timeline/2026-03/march-file',
      fileName: '<b>pauta</b>.pdf',
      contentType: 'application/pdf',
      size: 2048,
      sha256: 'x'.repeat(64),
      createdAt: at('2026-03-05T15:00:00'),
    }),
  ]);
}
