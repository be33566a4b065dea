import { DEFAULT_LOCALE } from '../src/i18n/locales.ts';
import type { Role } from '../src/policy/schema.ts';
import type { Database } from './client.ts';
import {
  clientContacts,
  clients,
  clientTeamMembers,
  type TeamRole,
  userRoles,
  users,
} from './schema/index.ts';

type DemoPerson = { id: string; name: string; email: string; roles: Role[] };

/** The demo agency's people: an admin, a finance user, one partner per role, and two heads. */
export const DEMO_PEOPLE: DemoPerson[] = [
  { id: 'demo-admin', name: 'Ana Andrade', email: 'admin@ponte.example', roles: ['admin'] },
  {
    id: 'demo-finance',
    name: 'Fábio Fonseca',
    email: 'financeiro@ponte.example',
    roles: ['finance'],
  },
  { id: 'demo-cs', name: 'Carla Campos', email: 'cs@ponte.example', roles: ['cs'] },
  {
    id: 'demo-paid',
    name: 'Paulo Prado',
    email: 'trafego.pago@ponte.example',
    roles: ['paid_traffic'],
  },
  {
    id: 'demo-organic',
    name: 'Olívia Otero',
    email: 'trafego.organico@ponte.example',
    roles: ['organic_traffic'],
  },
  { id: 'demo-design', name: 'Davi Duarte', email: 'design@ponte.example', roles: ['design'] },
  // The heads of design and traffic: they agree their discipline's pieces before the client.
  {
    id: 'demo-head-design',
    name: 'Helena Holanda',
    email: 'lider.design@ponte.example',
    roles: ['head_of_design'],
  },
  {
    id: 'demo-head-traffic',
    name: 'Tiago Teixeira',
    email: 'lider.trafego@ponte.example',
    roles: ['head_of_traffic'],
  },
];

/**
 * Two demo clients of the CS partner, each with a decision maker, a marketing contact and a
 * team: the bakery has every role, the clinic no organic traffic (so its partner sees only
 * the bakery).
 */
export const DEMO_CLIENTS = [
  {
    id: 'demo-client-bakery',
    name: 'Padaria Pão Quente',
    segment: 'Alimentação',
    team: [
      { userId: 'demo-paid', role: 'paid_traffic' },
      { userId: 'demo-organic', role: 'organic_traffic' },
      { userId: 'demo-design', role: 'design' },
    ] satisfies { userId: string; role: TeamRole }[],
    contacts: [
      {
        id: 'demo-contact-bakery-owner',
        name: 'Rita Moraes',
        email: 'rita@paoquente.example',
        whatsapp: '+5511987650001',
        companyRole: 'Sócia',
        locale: 'pt-BR',
      },
      {
        id: 'demo-contact-bakery-marketing',
        name: 'João Lima',
        email: 'joao@paoquente.example',
        whatsapp: '+5511987650002',
        companyRole: 'Marketing',
        locale: 'pt-BR',
      },
    ],
  },
  {
    id: 'demo-client-clinic',
    name: 'Clínica Sorriso Leve',
    segment: 'Saúde',
    team: [
      { userId: 'demo-paid', role: 'paid_traffic' },
      { userId: 'demo-design', role: 'design' },
    ] satisfies { userId: string; role: TeamRole }[],
    contacts: [
      {
        id: 'demo-contact-clinic-director',
        name: 'Marina Costa',
        email: 'marina@sorrisoleve.example',
        whatsapp: '+5521998760001',
        companyRole: 'Diretora',
        locale: 'pt-BR',
      },
      {
        id: 'demo-contact-clinic-manager',
        name: 'Igor Petrov',
        email: 'igor@sorrisoleve.example',
        whatsapp: '+5521998760002',
        companyRole: 'Gerente',
        locale: 'ru',
      },
    ],
  },
];

/**
 * Creates the demo agency in one atomic batch. Idempotent: rows that exist are left as they
 * are, so running it again (every `npm run dev`) changes nothing.
 */
export async function seedDemoAgency(db: Database, now: Date): Promise<void> {
  const people = DEMO_PEOPLE.flatMap((person) => [
    db
      .insert(users)
      .values({
        id: person.id,
        name: person.name,
        email: person.email,
        locale: DEFAULT_LOCALE,
        createdAt: now,
      })
      .onConflictDoNothing(),
    ...person.roles.map((role) =>
      db.insert(userRoles).values({ userId: person.id, role }).onConflictDoNothing(),
    ),
  ]);
  const accounts = DEMO_CLIENTS.flatMap((client) => [
    db
      .insert(clients)
      .values({
        id: client.id,
        name: client.name,
        segment: client.segment,
        csUserId: 'demo-cs',
        createdAt: now,
      })
      .onConflictDoNothing(),
    ...client.contacts.map((contact) =>
      db
        .insert(clientContacts)
        .values({
          ...contact,
          clientId: client.id,
          mayAnswerQuestionnaires: true,
          mayApprovePieces: true,
          createdAt: now,
        })
        .onConflictDoNothing(),
    ),
    ...client.team.map((member) =>
      db
        .insert(clientTeamMembers)
        .values({ ...member, clientId: client.id, addedAt: now, addedBy: 'demo-cs' })
        .onConflictDoNothing(),
    ),
  ]);
  const [first, ...rest] = [...people, ...accounts];
  if (first) await db.batch([first, ...rest]);
}
