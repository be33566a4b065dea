import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  internalReviews,
  pieces,
  pieceVersions,
  projects,
  userRoles,
} from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import type { Viewer } from '../../src/server/auth/viewer.ts';
import { loadHomePage } from '../../src/server/home/home-page.ts';
import { seedPeople } from '../support/sign-in.ts';
import { countRoundTrips, createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

// Wednesday 11 March 2026, 10:00 in São Paulo.
const NOW = new Date('2026-03-11T13:00:00Z');
const HOUR = 3_600_000;

const headOfDesign: Viewer = { id: 'demo-design', roles: ['design', 'head_of_design'] };
const headOfTraffic: Viewer = { id: 'demo-paid', roles: ['paid_traffic', 'head_of_traffic'] };
const admin: Viewer = { id: 'demo-admin', roles: ['admin'] };
const designer: Viewer = { id: 'demo-design', roles: ['design'] };

type Discipline = 'design' | 'traffic';

/**
 * A piece of `discipline` with `versions` versions, the review of version `reviewed` in a
 * status, due `dueInHours` from now (negative: overdue).
 */
function pieceUnderReview(
  id: string,
  discipline: Discipline,
  review: { versions: number; reviewed: number; status: 'open' | 'approved'; dueInHours: number },
) {
  const versions = Array.from({ length: review.versions }, (_, i) => ({
    id: `${id}-v${i + 1}`,
    pieceId: id,
    number: i + 1,
    fileKey: `pieces/${id}/${i + 1}.png`,
    fileName: 'arte.png',
    contentType: 'image/png',
    size: 100,
    sha256: `${id}-${i + 1}`,
    createdAt: NOW,
  }));
  return {
    piece: {
      id,
      projectId: 'proj-reviews',
      clientId: 'demo-client-bakery',
      title: `Peça ${id}`,
      kind: 'social_post' as const,
      discipline,
      latestVersion: review.versions,
      createdAt: NOW,
      updatedAt: NOW,
    },
    versions,
    review: {
      id: `${id}-review`,
      pieceId: id,
      versionId: `${id}-v${review.reviewed}`,
      discipline,
      status: review.status,
      dueAt: new Date(NOW.getTime() + review.dueInHours * HOUR),
      createdAt: NOW,
    },
  };
}

const fixture = [
  pieceUnderReview('d-late', 'design', {
    versions: 1,
    reviewed: 1,
    status: 'open',
    dueInHours: -2,
  }),
  pieceUnderReview('d-soon', 'design', { versions: 2, reviewed: 2, status: 'open', dueInHours: 3 }),
  // The review of version 1 is still open, but version 2 is the piece's: not waiting.
  pieceUnderReview('d-old', 'design', { versions: 2, reviewed: 1, status: 'open', dueInHours: -5 }),
  pieceUnderReview('d-done', 'design', {
    versions: 1,
    reviewed: 1,
    status: 'approved',
    dueInHours: -9,
  }),
  pieceUnderReview('t-ad', 'traffic', { versions: 1, reviewed: 1, status: 'open', dueInHours: 1 }),
];

describe.each(DRIVERS)('the home’s internal reviews waiting for me (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    const { db } = app;
    await db.insert(projects).values({
      id: 'proj-reviews',
      clientId: 'demo-client-bakery',
      name: 'Lançamento',
      createdAt: NOW,
    });
    await db.insert(pieces).values(fixture.map((f) => f.piece));
    await db.insert(pieceVersions).values(fixture.flatMap((f) => f.versions));
    await db.insert(internalReviews).values(fixture.map((f) => f.review));
    await db.insert(userRoles).values([
      { userId: 'demo-design', role: 'head_of_design' },
      { userId: 'demo-paid', role: 'head_of_traffic' },
    ]);
  });
  afterAll(() => app.close());

  const load = (viewer: Viewer) => loadHomePage(app.db, viewer, policy, NOW);
  const waiting = async (viewer: Viewer) =>
    (await load(viewer)).reviewsWaiting?.items.map((item) => item.pieceId);

  it('gives the head of design the open reviews of design pieces’ latest versions, overdue first, in the one round trip', async () => {
    const { result: home, roundTrips } = await countRoundTrips(app, () => load(headOfDesign));
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(home.reviewsWaiting?.count).toBe(2);
    expect(home.reviewsWaiting?.items).toEqual([
      {
        pieceId: 'd-late',
        title: 'Peça d-late',
        clientName: expect.any(String),
        versionNumber: 1,
        dueAt: new Date(NOW.getTime() - 2 * HOUR),
      },
      {
        pieceId: 'd-soon',
        title: 'Peça d-soon',
        clientName: expect.any(String),
        versionNumber: 2,
        dueAt: new Date(NOW.getTime() + 3 * HOUR),
      },
    ]);
  });

  it('gives the head of traffic only traffic’s, and an admin every discipline’s', async () => {
    expect(await waiting(headOfTraffic)).toEqual(['t-ad']);
    expect(await waiting(admin)).toEqual(['d-late', 't-ad', 'd-soon']);
  });

  it('shows no such card to someone who reviews nothing', async () => {
    expect((await load(designer)).reviewsWaiting).toBeNull();
    expect((await load({ id: 'demo-cs', roles: ['cs'] })).reviewsWaiting).toBeNull();
  });
});
