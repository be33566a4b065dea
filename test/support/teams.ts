import { and, eq } from 'drizzle-orm';
import { clientTeamMembers, type TeamRole, userRoles, users } from '../../db/schema/index.ts';
import type { Role } from '../../src/policy/index.ts';
import type { TestApp } from './test-app.ts';

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
