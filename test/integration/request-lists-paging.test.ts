import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { requestListPageOf } from '../../src/server/client-requests/request-list-paging.ts';
import {
  loadRequestsPage,
  readRequestsAwaitingTriage,
} from '../../src/server/client-requests/request-pages.ts';
import { loadSpaceRequestsPage } from '../../src/server/client-requests/request-pages-space.ts';
import { insertOpenedRequest } from '../support/client-requests.ts';
import { contactViewerOf } from '../support/space-contact-session.ts';
import { OTHER_CS, openAppWithOtherCs } from '../support/teams.ts';
import { countRoundTrips, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const RITA = 'demo-contact-bakery-owner';
const JOAO = 'demo-contact-bakery-marketing';
const CLINIC = 'demo-contact-clinic-director';
const CS = { id: 'demo-cs', roles: ['cs' as const] };
const OTHER = { id: OTHER_CS.id, roles: ['cs' as const] };
const ADMIN = { id: 'demo-admin', roles: ['admin' as const] };
// Three a page, so a handful of requests fills several.
const RULES = { clientSpace: { requests: { listPageSize: 3 } } };
const MINUTE = 60_000;

/** The request lists (#18), paged: the contact's /space/requests and CS's /requests. */
describe.each(DRIVERS)('request lists, paged (%s)', (driver) => {
  let app: TestApp;
  // The bakery's sent requests, newest first (as the contact's list orders them).
  const bakery: string[] = [];
  let draft: string;
  let clinic: string;

  beforeAll(async () => {
    ({ app } = await openAppWithOtherCs(driver));
    // The clinic is the other CS's: each CS's list holds only their clients' requests.
    await app.db
      .update(clients)
      .set({ csUserId: OTHER.id })
      .where(eq(clients.id, 'demo-client-clinic'));
    const start = app.deps.clock().getTime();
    // Seven: three waiting for triage (due in the order 2, 0, 1), four already triaged.
    const statuses = [
      'opened',
      'opened',
      'opened',
      'authorized',
      'declined',
      'question',
      'at_risk',
    ] as const;
    const dueIn = [3, 1, 2];
    for (const [i, status] of statuses.entries()) {
      const submittedAt = new Date(start + i * MINUTE);
      const triageDueAt = i < 3 ? new Date(start + (dueIn[i] ?? 0) * 86_400_000) : null;
      bakery.unshift(
        await insertOpenedRequest(app, { title: `Pedido ${i}`, status, submittedAt, triageDueAt }),
      );
    }
    draft = await insertOpenedRequest(app, {
      status: 'draft',
      contactId: JOAO,
      contactName: 'João Lima',
      submittedAt: new Date(start + 10 * MINUTE),
    });
    clinic = await insertOpenedRequest(app, {
      clientId: 'demo-client-clinic',
      contactId: CLINIC,
      contactName: 'Marina Costa',
    });
  });
  afterAll(() => app.close());

  const spacePage = async (contact: string, page: number) =>
    loadSpaceRequestsPage(app.db, await contactViewerOf(app, contact), page, RULES);
  const idsOf = (page: { rows: { id: string }[] }) => page.rows.map((row) => row.id);

  it('pages the contact’s list newest first: pages 1 and 2, the last, each with the count', async () => {
    const first = await spacePage(RITA, 1);
    expect(idsOf(first)).toEqual(bakery.slice(0, 3));
    expect(first.paging).toEqual({ page: 1, pages: 3, total: 7 });
    const second = await spacePage(RITA, 2);
    expect(idsOf(second)).toEqual(bakery.slice(3, 6));
    expect(second.paging).toEqual({ page: 2, pages: 3, total: 7 });
    const last = await spacePage(RITA, 3);
    expect(idsOf(last)).toEqual(bakery.slice(6));
    expect(last.paging).toEqual({ page: 3, pages: 3, total: 7 });
  });

  it('shows a page past the end empty, with the count, not an error', async () => {
    for (const page of [4, 999_999]) {
      const past = await spacePage(RITA, page);
      expect(past.rows).toEqual([]);
      expect(past.paging).toEqual({ page, pages: 3, total: 7 });
    }
  });

  it('reads a page of the contact’s list in one round trip', async () => {
    const rita = await contactViewerOf(app, RITA);
    const { result, roundTrips } = await countRoundTrips(app, () =>
      loadSpaceRequestsPage(app.db, rita, 2, RULES),
    );
    expect(result.rows).toHaveLength(3);
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
  });

  it('never shows another client’s requests, nor another contact’s draft, on any page', async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => spacePage(RITA, page)));
    const seen = pages.flatMap(idsOf);
    expect(seen.sort()).toEqual([...bakery].sort());
    expect(seen).not.toContain(clinic);
    expect(seen).not.toContain(draft);
    // João sees his own draft besides the client's requests (it was saved last: first).
    const joao = await spacePage(JOAO, 1);
    expect(joao.rows[0]?.id).toBe(draft);
    expect(joao.paging.total).toBe(8);
    const marina = await spacePage(CLINIC, 1);
    expect(idsOf(marina)).toEqual([clinic]);
    expect(marina.paging).toEqual({ page: 1, pages: 1, total: 1 });
  });

  it('pages CS’s list: waiting for triage first by deadline, then the rest newest first', async () => {
    const pages = await Promise.all(
      [1, 2, 3].map((page) => loadRequestsPage(app.db, CS, page, RULES)),
    );
    const order = pages.flatMap((page) => [...page.waiting, ...page.others].map((row) => row.id));
    // bakery is newest first: index 6 is "Pedido 0" … index 0 "Pedido 6".
    const pedido = (i: number) => bakery[6 - i];
    expect(order).toEqual([
      pedido(1),
      pedido(2),
      pedido(0),
      pedido(6),
      pedido(5),
      pedido(4),
      pedido(3),
    ]);
    expect(pages.map((page) => page.paging)).toEqual([
      { page: 1, pages: 3, total: 7 },
      { page: 2, pages: 3, total: 7 },
      { page: 3, pages: 3, total: 7 },
    ]);
    const past = await loadRequestsPage(app.db, CS, 4, RULES);
    expect([...past.waiting, ...past.others]).toEqual([]);
    expect(past.paging).toEqual({ page: 4, pages: 3, total: 7 });
  });

  it('gives each CS only their clients’ requests (never a draft), an admin every client’s', async () => {
    const other = await loadRequestsPage(app.db, OTHER, 1, RULES);
    expect(other.waiting.map((row) => row.id)).toEqual([clinic]);
    expect(other.paging.total).toBe(1);
    const admin = await loadRequestsPage(app.db, ADMIN, 1, {
      clientSpace: { requests: { listPageSize: 20 } },
    });
    const all = [...admin.waiting, ...admin.others].map((row) => row.id);
    expect(all.sort()).toEqual([...bakery, clinic].sort());
    expect(admin.paging).toEqual({ page: 1, pages: 1, total: 8 });
  });

  it('reads a page of CS’s list in one round trip, with the policy’s page size by default', async () => {
    const { result, roundTrips } = await countRoundTrips(app, () =>
      loadRequestsPage(app.db, CS, 1),
    );
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(result.paging).toEqual({ page: 1, pages: 1, total: 7 });
    expect(policy.clientSpace.requests.listPageSize).toBeGreaterThan(7);
  });

  it('names on the home card as many requests awaiting triage as the policy says, with the count', async () => {
    // Three more waiting: six in all, one more than the card names.
    for (const i of [7, 8, 9]) await insertOpenedRequest(app, { title: `Pedido ${i}` });
    // A read for the home's batch (printed once: see prebuiltRead), run in a batch of its own.
    const [card] = await app.db.batch([readRequestsAwaitingTriage(app.db, CS)]);
    expect(card).toHaveLength(policy.clientSpace.requests.homeCardItems);
    expect(card.map((row) => row.matched)).toEqual(
      Array(policy.clientSpace.requests.homeCardItems).fill(6),
    );
  });

  it('reads a bad page in the address as the first page, never an error', () => {
    const pageOf = (query: string) =>
      requestListPageOf(new URL(`https://ponte.example/requests${query}`));
    for (const bad of [
      '?page=abc',
      '?page=0',
      '?page=-1',
      '?page=1.5',
      '?page=',
      '?page=99999999999',
      '',
    ])
      expect(pageOf(bad), bad).toBe(1);
    expect(pageOf('?page=2')).toBe(2);
    expect(pageOf('?page=999999')).toBe(999_999);
  });
});
