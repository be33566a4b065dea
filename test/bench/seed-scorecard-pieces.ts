import type { Database } from '../../db/client.ts';
import { approvalRounds, pieces, pieceVersions, projects } from '../../db/schema/index.ts';
import type { PartnerRole } from '../../src/policy/index.ts';
import { addDaysToIsoDate, policy, zonedTimeToInstant } from '../../src/policy/index.ts';
import { insertChunked } from './seed-chunks.ts';

const DAY = 24 * 3_600_000;
const at = (day: string, time: string) => zonedTimeToInstant(day, time, policy.agency.timeZone);
const after = (from: Date, ms: number) => new Date(from.getTime() + ms);

/** Three pieces per client due in October, each sent to the client once (a third late). */
export async function seedBenchScorecardPieces(
  db: Database,
  ids: string[],
  person: (role: PartnerRole, i: number) => string,
  // The month's day (1–31) as YYYY-MM-DD.
  dayOfMonth: (day: number) => string,
  now: Date,
) {
  await insertChunked(
    db,
    projects,
    ids.map((clientId, i) => ({
      id: `${clientId}-project`,
      clientId,
      name: 'Campanha de outubro',
      designerId: person('design', i),
      createdAt: now,
    })),
  );
  const all = ids.flatMap((clientId, i) =>
    [0, 1, 2].map((k) => {
      const dueOn = dayOfMonth(2 + ((i + 7 * k) % 27));
      const sentAt = at(addDaysToIsoDate(dueOn, k === 2 ? 1 : -1), '15:00');
      return { id: `${clientId}-piece-${k}`, clientId, i, dueOn, sentAt };
    }),
  );
  await insertChunked(
    db,
    pieces,
    all.map(({ id, clientId, dueOn }) => ({
      id,
      projectId: `${clientId}-project`,
      clientId,
      title: 'Post',
      kind: 'social_post' as const,
      dueOn,
      status: 'approved' as const,
      latestVersion: 1,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await insertChunked(
    db,
    pieceVersions,
    all.map(({ id, i, sentAt }) => ({
      id: `${id}-v1`,
      pieceId: id,
      number: 1,
      fileKey: `${id}-v1`,
      fileName: 'post.png',
      contentType: 'image/png',
      size: 1,
      sha256: `${id}-v1`,
      createdAt: sentAt,
      createdBy: person('design', i),
    })),
  );
  await insertChunked(
    db,
    approvalRounds,
    all.map(({ id, sentAt }) => ({
      id: `${id}-round`,
      pieceId: id,
      versionId: `${id}-v1`,
      rule: 'any' as const,
      status: 'approved' as const,
      createdAt: sentAt,
      closedAt: after(sentAt, DAY),
    })),
  );
}
