import { and, eq } from 'drizzle-orm';
import { clientTeamMembers, type TeamRole, userRoles, users } from '../../db/schema/index.ts';
import type { Role } from '../../src/policy/index.ts';
import { postJson, seedPeople, signIn } from './sign-in.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import type { Driver } from './test-databases.ts';

/** Another person of the agency (beside the demo ones), with their roles. */
export async function addPerson(
  app: Pick<TestApp, 'db' | 'deps'>,
  person: { id: string; email: string; name?: string; roles: readonly Role[] },
) {
  await app.db.batch([
    app.db.insert(users).values({
      id: person.id,
      email: person.email,
      name: person.name ?? person.id,
      createdAt: app.deps.clock(),
    }),
    ...person.roles.map((role) => app.db.insert(userRoles).values({ userId: person.id, role })),
  ]);
}

/** A second CS, in charge of no client: the one who must not reach another CS's work. */
export const OTHER_CS = {
  id: 'other-cs',
  email: 'outro.cs@ponte.example',
  name: 'Outro CS',
  roles: ['cs'],
} as const;

/** Puts a person on a client's team in a role, straight in the database (the demo seed's way). */
export async function joinTeam(
  app: Pick<TestApp, 'db' | 'deps'>,
  clientId: string,
  userId: string,
  role: TeamRole,
) {
  await app.db
    .insert(clientTeamMembers)
    .values({ clientId, userId, role, addedAt: app.deps.clock() })
    .onConflictDoNothing();
}

/** Takes a person off a client's team in a role, straight in the database. */
export async function leaveTeam(
  app: Pick<TestApp, 'db'>,
  clientId: string,
  userId: string,
  role: TeamRole,
) {
  await app.db
    .delete(clientTeamMembers)
    .where(
      and(
        eq(clientTeamMembers.clientId, clientId),
        eq(clientTeamMembers.userId, userId),
        eq(clientTeamMembers.role, role),
      ),
    );
}

/**
 * The demo agency on 10 March with another CS, another paid-traffic partner and another
 * designer, none on a team; everyone signed in. `get` and `post` act as one of them.
 */
export async function openTeamsApp(driver: Driver) {
  const app = await createTestApp(driver);
  app.setNow(new Date('2026-03-10T12:00:00Z'));
  await seedPeople(app);
  await addPerson(app, OTHER_CS);
  await addPerson(app, {
    id: 'other-paid',
    email: 'outro.pago@ponte.example',
    roles: ['paid_traffic'],
  });
  await addPerson(app, {
    id: 'other-design',
    email: 'outro.design@ponte.example',
    roles: ['design'],
  });
  const emails: Record<string, string> = {
    admin: 'admin@ponte.example',
    cs: 'cs@ponte.example',
    paid: 'trafego.pago@ponte.example',
    organic: 'trafego.organico@ponte.example',
    design: 'design@ponte.example',
    otherCs: OTHER_CS.email,
    otherPaid: 'outro.pago@ponte.example',
    otherDesign: 'outro.design@ponte.example',
  };
  const cookie = new Map<string, string>();
  for (const [who, email] of Object.entries(emails)) cookie.set(who, await signIn(app, email));
  return {
    app,
    cookie,
    get: (path: string, who: string) =>
      app.request(path, { headers: { Cookie: cookie.get(who) ?? '' } }),
    post: (path: string, body: unknown, who: string) =>
      app.request(path, postJson(body, { cookie: cookie.get(who) })),
  };
}

/** The demo agency and another CS (in charge of no client), CS and the other CS signed in. */
export async function openAppWithOtherCs(driver: Driver) {
  const app = await createTestApp(driver);
  await seedPeople(app);
  await addPerson(app, OTHER_CS);
  return {
    app,
    cs: await signIn(app, 'cs@ponte.example'),
    otherCs: await signIn(app, OTHER_CS.email),
  };
}

export type TeamsApp = Awaited<ReturnType<typeof openTeamsApp>>;
