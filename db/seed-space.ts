import { eq } from 'drizzle-orm';
import { policy } from '../src/policy/index.ts';
import { recordEvent } from '../src/server/audit/record-event.ts';
import {
  templateIdToAnswer,
  templateInForce,
} from '../src/server/client-requests/template-store.ts';
import { triageDueAt } from '../src/server/client-requests/triage-rules.ts';
import type { Database } from './client.ts';
import type { RequestKind } from './schema/index.ts';
import { clientContacts, clientRequests, projects, requestMessages } from './schema/index.ts';

const BAKERY = 'demo-client-bakery';
const RITA = { id: 'demo-contact-bakery-owner', name: 'Rita Moraes' };
const CS = { id: 'demo-cs', name: 'Carla Campos' };
// Seeded by seedDemoPieces: the project the demo shows the bakery in its space.
const SHOWN_PROJECT = 'demo-project-summer';
const HOUR = 60 * 60 * 1000;

/** The bakery's form in force for a kind (the policy's default, written down once). */
async function templateFor(db: Database, kind: RequestKind, now: Date) {
  const client = { clientId: BAKERY, locale: 'pt-BR' as const };
  return templateIdToAnswer(db, await templateInForce(db, client, kind, policy), client, kind, now);
}

/** A request's event as the triage and the conversation record it, at the demo's time. */
const requestEvent = (
  db: Database,
  requestId: string,
  at: Date,
  action: string,
  actorId: string | null,
  data: Record<string, unknown>,
) =>
  recordEvent(
    db,
    { actorId, action, subjectType: 'client_request', subjectId: requestId, ip: null, data },
    at,
  );

/**
 * The demo's client space: Rita (the bakery's owner) may use it, the summer campaign is shown
 * to the bakery (with CS's event in the client's history), and Rita has sent two requests —
 * a new piece waiting for CS's triage, and a new site CS asked questions about (a short
 * conversation, now waiting for Rita) — so /requests, /requests/[id], /space and
 * /space/requests show something. Runs after seedDemoPieces; idempotent.
 */
export async function seedDemoSpace(db: Database, now: Date) {
  const [project] = await db
    .select({ visible: projects.visibleToClient })
    .from(projects)
    .where(eq(projects.id, SHOWN_PROJECT));
  const [existing] = await db
    .select({ id: clientRequests.id })
    .from(clientRequests)
    .where(eq(clientRequests.id, 'demo-request-site'));
  if (existing) return;
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
  const pieceTemplate = await templateFor(db, 'piece', now);
  const projectTemplate = await templateFor(db, 'project', now);
  const storiesSent = at(2);
  const siteSent = at(26);
  const spaceOpened = recordEvent(
    db,
    {
      actorId: CS.id,
      action: 'contact_space_opened',
      subjectType: 'client',
      subjectId: BAKERY,
      ip: null,
      data: { contactId: RITA.id },
    },
    at(30),
  );
  const projectShown = recordEvent(
    db,
    {
      actorId: CS.id,
      action: 'project_shown_to_client',
      subjectType: 'project',
      subjectId: SHOWN_PROJECT,
      ip: null,
      data: { projectName: 'Campanha de verão', clientId: BAKERY },
    },
    at(30),
  );
  await db.batch([
    db.update(clientContacts).set({ mayUseSpace: true }).where(eq(clientContacts.id, RITA.id)),
    db.update(projects).set({ visibleToClient: true }).where(eq(projects.id, SHOWN_PROJECT)),
    spaceOpened,
    // The project's event only when this seed is what shows it.
    ...(project && !project.visible ? [projectShown] : []),
    db.insert(clientRequests).values([
      {
        id: 'demo-request-stories',
        clientId: BAKERY,
        contactId: RITA.id,
        contactName: RITA.name,
        templateId: pieceTemplate,
        kind: 'piece',
        projectId: SHOWN_PROJECT,
        status: 'opened',
        title: 'Stories da semana do pão de queijo',
        answers: JSON.stringify({
          title: 'Stories da semana do pão de queijo',
          description:
            'Três stories para a semana que vem: a fornada da manhã, o preço da dúzia e o horário de domingo.',
        }),
        createdAt: at(3),
        updatedAt: storiesSent,
        submittedAt: storiesSent,
        triageDueAt: triageDueAt(storiesSent, policy),
      },
      {
        id: 'demo-request-site',
        clientId: BAKERY,
        contactId: RITA.id,
        contactName: RITA.name,
        templateId: projectTemplate,
        kind: 'project',
        status: 'question',
        title: 'Site novo com encomendas',
        answers: JSON.stringify({
          title: 'Site novo com encomendas',
          description:
            'Um site simples com o cardápio e um formulário de encomendas para bolos e salgados.',
        }),
        createdAt: at(27),
        updatedAt: at(4),
        submittedAt: siteSent,
        triageDueAt: triageDueAt(siteSent, policy),
      },
    ]),
    db.insert(requestMessages).values([
      {
        id: 'demo-message-site-1',
        requestId: 'demo-request-site',
        authorUserId: CS.id,
        authorName: CS.name,
        body: 'Vocês já têm um domínio registrado, ou devemos cuidar disso também?',
        createdAt: at(22),
      },
      {
        id: 'demo-message-site-2',
        requestId: 'demo-request-site',
        authorContactId: RITA.id,
        authorName: RITA.name,
        body: 'Temos o paoquente.com.br, registrado pelo meu sobrinho.',
        createdAt: at(6),
      },
      {
        id: 'demo-message-site-3',
        requestId: 'demo-request-site',
        authorUserId: CS.id,
        authorName: CS.name,
        body: 'Ótimo. As encomendas devem ser pagas no site, ou só reservadas para pagar na loja?',
        createdAt: at(4),
      },
    ]),
    requestEvent(db, 'demo-request-stories', storiesSent, 'client_request.opened', null, {
      contactId: RITA.id,
      kind: 'piece',
    }),
    requestEvent(db, 'demo-request-site', siteSent, 'client_request.opened', null, {
      contactId: RITA.id,
      kind: 'project',
    }),
    requestEvent(db, 'demo-request-site', at(22), 'client_request_ask', CS.id, {
      title: 'Site novo com encomendas',
      to: 'question',
    }),
    requestEvent(db, 'demo-request-site', at(6), 'client_request_contact_message', null, {
      contact: RITA.name,
      title: 'Site novo com encomendas',
    }),
    requestEvent(db, 'demo-request-site', at(4), 'client_request_ask', CS.id, {
      title: 'Site novo com encomendas',
      to: 'question',
    }),
  ]);
}
