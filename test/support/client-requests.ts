import { eq } from 'drizzle-orm';
import {
  clientRequests,
  type RequestKind,
  type RequestStatus,
  requestTemplates,
} from '../../db/schema/index.ts';
import { postJson } from './sign-in.ts';
import type { TestApp } from './test-app.ts';

/** The bakery's owner, Rita: the demo contact who sends requests in these tests. */
export const RITA = {
  id: 'demo-contact-bakery-owner',
  name: 'Rita',
  clientId: 'demo-client-bakery',
};

/**
 * A request as a contact's submit leaves it ('opened', triage due), inserted directly so the
 * triage can be tested on its own; its template is a minimal one of the client's.
 */
export async function insertOpenedRequest(
  app: Pick<TestApp, 'db' | 'deps'>,
  request: {
    id?: string;
    clientId?: string;
    contactId?: string | null;
    contactName?: string;
    kind?: RequestKind;
    projectId?: string | null;
    title?: string;
    status?: RequestStatus;
    submittedAt?: Date;
    triageDueAt?: Date | null;
    answers?: Record<string, unknown>;
  } = {},
) {
  const now = app.deps.clock();
  const clientId = request.clientId ?? RITA.clientId;
  const kind = request.kind ?? 'project';
  const templateId = `test-template-${clientId}-${kind}`;
  const id = request.id ?? crypto.randomUUID();
  const submittedAt = request.submittedAt ?? now;
  await app.db.batch([
    app.db
      .insert(requestTemplates)
      .values({ id: templateId, clientId, kind, version: 1, fields: '[]', createdAt: now })
      .onConflictDoNothing(),
    app.db.insert(clientRequests).values({
      id,
      clientId,
      contactId: request.contactId === undefined ? RITA.id : request.contactId,
      contactName: request.contactName ?? RITA.name,
      templateId,
      kind,
      projectId: request.projectId ?? null,
      status: request.status ?? 'opened',
      title: request.title ?? 'Campanha de inverno',
      answers: JSON.stringify(request.answers ?? { description: 'Posts para o inverno' }),
      createdAt: submittedAt,
      updatedAt: submittedAt,
      submittedAt,
      triageDueAt:
        request.triageDueAt === undefined
          ? new Date(submittedAt.getTime() + 86_400_000)
          : request.triageDueAt,
    }),
  ]);
  return id;
}

/** The stored request, as the tests check it. */
export async function readRequest(app: Pick<TestApp, 'db'>, id: string) {
  const [row] = await app.db.select().from(clientRequests).where(eq(clientRequests.id, id));
  if (!row) throw new Error(`no request ${id}`);
  return row;
}

/** CS's triage POST (JSON), as `who`'s cookie. */
export function triage(
  app: TestApp,
  cookie: string,
  id: string,
  action: 'authorize' | 'start-at-risk' | 'ask' | 'decline',
  body: Record<string, unknown> = {},
) {
  return app.request(`/api/requests/${id}/${action}`, postJson(body, { cookie }));
}
