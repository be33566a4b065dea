import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pieces } from '../../db/schema/index.ts';
import { agencyTime, scorecardRecords } from '../support/scorecard-records.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/test-databases.ts';

// pieces.first_sent_at, kept by migration 0028's triggers: when the piece was first sent on,
// to the agency's review or to the client (the scorecard's "met when first sent on").
const MIGRATION = readFileSync(
  new URL('../../db/migrations/0028_pieces_first_sent.sql', import.meta.url),
  'utf8',
);
const backfill = MIGRATION.split('--> statement-breakpoint')
  .map((statement) => statement.trim())
  .find((statement) => statement.startsWith('UPDATE `pieces`'));

type Writes = [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]];

describe.each(DRIVERS)('when a piece was first sent on (%s)', (driver) => {
  let database: TestDatabase;
  let records: ReturnType<typeof scorecardRecords>;
  const write = (writes: BatchItem<'sqlite'>[]) => database.db.batch(writes as Writes);
  const firstSentOf = async (id: string) => {
    const [row] = await database.db
      .select({ at: pieces.firstSentAt })
      .from(pieces)
      .where(eq(pieces.id, id));
    return row?.at ?? null;
  };

  beforeEach(async () => {
    database = await openTestDatabase(driver);
    records = scorecardRecords(database.db);
    await write([
      ...records.person('cs', ['cs']),
      ...records.person('designer', ['design']),
      ...records.client('client', 'cs'),
      ...records.piece('piece', 'client', 'designer', '2026-03-10'),
    ]);
  });
  afterEach(() => database.close());

  it('is empty until a version is sent on, then the first sending whichever it was', async () => {
    await write(records.version('piece', 1, 'designer', null));
    expect(await firstSentOf('piece')).toBeNull();
    await write(records.version('piece', 2, 'designer', { to: 'review', at: '2026-03-09 10:00' }));
    expect(await firstSentOf('piece')).toEqual(agencyTime('2026-03-09 10:00'));
    // Sent to the client later, then again: the first sending stands.
    await write([
      ...records.version('piece', 3, 'designer', { to: 'client', at: '2026-03-11 10:00' }),
      ...records.version('piece', 4, 'designer', { to: 'review', at: '2026-03-12 10:00' }),
    ]);
    expect(await firstSentOf('piece')).toEqual(agencyTime('2026-03-09 10:00'));
  });

  it('takes an earlier sending recorded after a later one', async () => {
    await write(records.version('piece', 1, 'designer', { to: 'client', at: '2026-03-11 10:00' }));
    await write(records.version('piece', 2, 'designer', { to: 'review', at: '2026-03-08 10:00' }));
    expect(await firstSentOf('piece')).toEqual(agencyTime('2026-03-08 10:00'));
  });

  it('is filled in by the migration for the pieces sent on before it', async () => {
    await write([
      ...records.version('piece', 1, 'designer', { to: 'client', at: '2026-03-11 10:00' }),
      ...records.version('piece', 2, 'designer', { to: 'review', at: '2026-03-10 09:00' }),
      ...records.piece('unsent', 'client', 'designer', '2026-03-12'),
    ]);
    // As the rows stood before the migration: no column kept.
    await database.db.update(pieces).set({ firstSentAt: null });
    expect(backfill).toBeDefined();
    await database.db.run(sql.raw(backfill as string));
    expect(await firstSentOf('piece')).toEqual(agencyTime('2026-03-10 09:00'));
    expect(await firstSentOf('unsent')).toBeNull();
  });
});
