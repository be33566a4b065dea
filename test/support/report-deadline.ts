import { clients, timelineEntries } from '../../db/schema/index.ts';
import type { TestApp } from './test-app.ts';

/** A client of the demo CS with its service dates (YYYY-MM-DD). */
export async function addServiceClient(
  app: Pick<TestApp, 'db' | 'deps'>,
  client: { id: string; starts: string | null; ends?: string; csUserId?: string },
) {
  await app.db.insert(clients).values({
    id: client.id,
    name: `Cliente ${client.id}`,
    csUserId: client.csUserId ?? 'demo-cs',
    serviceStartsOn: client.starts,
    serviceEndsOn: client.ends ?? null,
    createdAt: app.deps.clock(),
  });
}

/** A monthly report of a period on a client's timeline, internal or visible to the client. */
export async function addMonthlyReport(
  app: Pick<TestApp, 'db' | 'deps'>,
  report: { clientId: string; period: string; visibility: 'internal' | 'client' },
) {
  const now = app.deps.clock();
  await app.db.insert(timelineEntries).values({
    id: crypto.randomUUID(),
    clientId: report.clientId,
    kind: 'monthly_report',
    visibility: report.visibility,
    title: `Relatório ${report.period}`,
    content: JSON.stringify({ summary: 'Resumo do mês' }),
    occurredOn: `${report.period}-28`,
    period: report.period,
    authorId: 'demo-cs',
    createdAt: now,
    updatedAt: now,
  });
}
