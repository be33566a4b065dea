import { and, count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  clientContacts,
  clients,
  clientTeamMembers,
  invoices,
  pieceVersions,
  userRoles,
  users,
} from '../../db/schema/index.ts';
import { DEMO_PEOPLE, seedDemoAgency } from '../../db/seed.ts';
import { seedDemoInvoices } from '../../db/seed-invoices.ts';
import { seedDemoPieces } from '../../db/seed-pieces.ts';
import { detectFileType } from '../../src/server/files/file-type.ts';
import {
  DRIVERS,
  openTestDatabase,
  openTestFileStore,
  type TestDatabase,
} from '../support/test-databases.ts';

describe.each(DRIVERS)('demo seed (%s)', (driver) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(driver);
  });
  afterEach(() => database.close());

  const totals = async () => {
    const { db } = database;
    const [people, roles, accounts, contacts, team] = await Promise.all(
      [users, userRoles, clients, clientContacts, clientTeamMembers].map(
        async (table) => (await db.select({ n: count() }).from(table))[0]?.n,
      ),
    );
    return { people, roles, accounts, contacts, team };
  };

  it('creates an admin, a finance user, one partner per role and two clients with contacts', async () => {
    await seedDemoAgency(database.db, new Date('2026-03-02T12:00:00Z'));
    expect(await totals()).toEqual({ people: 8, roles: 8, accounts: 2, contacts: 4, team: 5 });
    const roles = (await database.db.select().from(userRoles)).map((row) => row.role).sort();
    expect(roles).toEqual([
      'admin',
      'cs',
      'design',
      'finance',
      'head_of_design',
      'head_of_traffic',
      'organic_traffic',
      'paid_traffic',
    ]);
    expect(DEMO_PEOPLE.map((person) => person.email)).toContain('admin@ponte.example');
  });

  it('gives each client a team, each member in a role they hold', async () => {
    await seedDemoAgency(database.db, new Date('2026-03-02T12:00:00Z'));
    const members = await database.db
      .select({ clientId: clientTeamMembers.clientId, role: clientTeamMembers.role })
      .from(clientTeamMembers)
      .innerJoin(
        userRoles,
        and(
          eq(userRoles.userId, clientTeamMembers.userId),
          eq(userRoles.role, clientTeamMembers.role),
        ),
      );
    const rolesOf = (clientId: string) =>
      members
        .filter((m) => m.clientId === clientId)
        .map((m) => m.role)
        .sort();
    expect(rolesOf('demo-client-bakery')).toEqual(['design', 'organic_traffic', 'paid_traffic']);
    expect(rolesOf('demo-client-clinic')).toEqual(['design', 'paid_traffic']);
  });

  it('is idempotent: seeding again changes nothing', async () => {
    await seedDemoAgency(database.db, new Date('2026-03-02T12:00:00Z'));
    const before = await database.db.select().from(users);
    await seedDemoAgency(database.db, new Date('2026-04-02T12:00:00Z'));
    expect(await totals()).toEqual({ people: 8, roles: 8, accounts: 2, contacts: 4, team: 5 });
    expect(await database.db.select().from(users)).toEqual(before);
  });

  it('adds three demo invoices of this month with their PDFs, once', async () => {
    const storage = await openTestFileStore();
    try {
      const now = new Date('2026-11-23T12:00:00Z');
      await seedDemoAgency(database.db, now);
      await seedDemoInvoices(database.db, storage.files, now);
      await seedDemoInvoices(database.db, storage.files, now);
      const rows = await database.db.select().from(invoices);
      expect(rows.map((r) => r.status).sort()).toEqual(['approved', 'divergent', 'submitted']);
      expect(
        rows.every((r) => r.competenceMonth === '2026-10' && r.paymentDueOn === '2026-11-30'),
      ).toBe(true);
      for (const row of rows) {
        const object = await storage.bucket.get(row.fileKey);
        expect(new TextDecoder().decode(await object?.arrayBuffer()).startsWith('%PDF-')).toBe(
          true,
        );
      }
      const [paid] = await database.db.select().from(users).where(eq(users.id, 'demo-paid'));
      expect(paid).toMatchObject({ taxId: '11144477735' });
    } finally {
      await storage.close();
    }
  });

  it('adds a demo project with a piece ready to send, its image in the bucket, once', async () => {
    const storage = await openTestFileStore();
    try {
      const now = new Date('2026-11-23T12:00:00Z');
      await seedDemoAgency(database.db, now);
      await seedDemoPieces(database.db, storage.files, now);
      await seedDemoPieces(database.db, storage.files, now);
      const versions = await database.db.select().from(pieceVersions);
      expect(versions).toHaveLength(1);
      const object = await storage.bucket.get(versions[0]?.fileKey ?? '');
      const bytes = new Uint8Array((await object?.arrayBuffer()) ?? new ArrayBuffer(0));
      expect(detectFileType(bytes)?.kind).toBe('png');
    } finally {
      await storage.close();
    }
  });
});
