import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approvalDecisions,
  approvalLinks,
  approvalRounds,
  clientContacts,
  pieces,
  pieceVersions,
  projects,
} from '../../db/schema/index.ts';
import { roundOutcome, settleRoundWrites } from '../../src/server/approvals/round-settlement.ts';
import { seedPeople } from '../support/sign-in.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

// The round's rule lives twice: as a pure function (the specification) and as SQL inside
// the batch that records a decision. They must agree on every combination.

const CONTACTS = ['demo-contact-bakery-owner', 'demo-contact-bakery-marketing', 'extra-contact'];

describe('the SQL that settles a round agrees with roundOutcome (libsql)', () => {
  let app: TestApp;
  let round = 0;
  beforeAll(async () => {
    app = await createTestApp('libsql');
    await seedPeople(app);
    const now = app.deps.clock();
    await app.db.insert(clientContacts).values({
      id: 'extra-contact',
      clientId: 'demo-client-bakery',
      name: 'Terceira Pessoa',
      email: 'terceira@paoquente.example',
      mayApprovePieces: true,
      createdAt: now,
    });
    await app.db.insert(projects).values({
      id: 'outcome-project',
      clientId: 'demo-client-bakery',
      name: 'Regras',
      createdAt: now,
    });
  });
  afterAll(() => app.close());

  it('settles exactly as the specification says, for any rule, recipients and decisions', async () => {
    const decision = fc.constantFrom('approved', 'changes_requested', null);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('all' as const, 'any' as const),
        fc.subarray(CONTACTS, { minLength: 1 }),
        fc.tuple(decision, decision, decision),
        async (rule, recipients, choices) => {
          round += 1;
          const id = `outcome-${round}`;
          const now = app.deps.clock();
          const decisions = recipients.flatMap((contactId, i) => {
            const choice = choices[i];
            return choice ? [{ contactId, decision: choice }] : [];
          });
          await app.db.batch([
            app.db.insert(pieces).values({
              id,
              projectId: 'outcome-project',
              clientId: 'demo-client-bakery',
              title: id,
              kind: 'banner',
              latestVersion: 1,
              createdAt: now,
              updatedAt: now,
            }),
            app.db.insert(pieceVersions).values({
              id,
              pieceId: id,
              number: 1,
              fileKey: 'k',
              fileName: 'f.png',
              contentType: 'image/png',
              size: 1,
              sha256: 'x',
              createdAt: now,
            }),
            app.db
              .insert(approvalRounds)
              .values({ id, pieceId: id, versionId: id, rule, createdAt: now }),
            ...recipients.map((contactId) =>
              app.db.insert(approvalLinks).values({
                id: `${id}-${contactId}`,
                roundId: id,
                contactId,
                reason: 'sent',
                createdAt: now,
                expiresAt: new Date(now.getTime() + 86_400_000),
              }),
            ),
            ...decisions.map((d) =>
              app.db.insert(approvalDecisions).values({
                id: `${id}-${d.contactId}`,
                roundId: id,
                contactId: d.contactId,
                contactName: d.contactId,
                decision: d.decision,
                decidedAt: now,
              }),
            ),
          ]);
          const piece = {
            id,
            title: id,
            clientName: 'Padaria',
            csName: 'Carla',
            csEmail: 'cs@ponte.example',
            csLocale: 'pt-BR',
          };
          const [first, ...rest] = settleRoundWrites(
            app.db,
            { piece, round: { id }, version: { id, number: 1 } },
            'http://localhost',
            now,
          );
          if (first) await app.db.batch([first, ...rest]);
          const [settled] = await app.db
            .select({ status: approvalRounds.status })
            .from(approvalRounds)
            .where(eq(approvalRounds.id, id));
          expect(settled?.status).toBe(roundOutcome(rule, recipients, decisions));
        },
      ),
      { numRuns: 60 },
    );
  });
});
