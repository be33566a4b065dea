import { demoPng } from '../../db/demo-png.ts';
import type { CountedClient } from '../../db/round-trips.ts';
import { users } from '../../db/schema/index.ts';
import { seedDemoAgency } from '../../db/seed.ts';
import { seedDemoPieces } from '../../db/seed-pieces.ts';
import { createApi } from '../../functions/app.ts';
import { latestMailMatch, postJson, signIn } from '../support/sign-in.ts';
import {
  openLibsqlDatabase,
  openTestFileStore,
  type TestDatabase,
} from '../support/test-databases.ts';
import type { BenchContext } from './routes.ts';
import type { BenchScale } from './scale.ts';
import { insertChunked } from './seed-chunks.ts';
import { seedBenchClients } from './seed-clients.ts';
import { seedBenchCosts } from './seed-costs.ts';
import { seedBenchEvents } from './seed-events.ts';
import { seedBenchExpectedAmount } from './seed-expected-amount.ts';
import { seedReviewInvoices } from './seed-invoices.ts';
import { seedBenchPieces } from './seed-pieces.ts';
import { seedBenchRequests } from './seed-requests.ts';
import { seedBenchScorecard } from './seed-scorecard.ts';
import { seedBenchSpace } from './seed-space.ts';
import { seedBenchTimeline } from './seed-timeline.ts';

// A fixed instant inside an invoice window (2–5 December 2026, agency time), so submissions are accepted.
export const BENCH_NOW = new Date('2026-12-02T13:00:00.000Z');

/** The database the bench runs on: libSQL, its round trips counted. */
export type BenchDatabase = TestDatabase & { client: CountedClient };

/** A seeded agency at one scale, its API, and what the routes need (cookies, link tokens). */
export type BenchSetup = Awaited<ReturnType<typeof prepareBench<BenchDatabase>>>;

/**
 * Opens a fresh database and file store, seeds the demo agency and the bench's data at
 * `scale`, and signs in one partner per request (`people` of them).
 */
export async function prepareBench<Opened extends BenchDatabase>(
  scale: BenchScale,
  people: number,
  open: () => Promise<Opened> = openLibsqlDatabase as () => Promise<Opened>,
) {
  const database = await open();
  // The Worker never syncs a disk: D1 and Turso commit on their own servers. In-process SQLite
  // still executes every query here (its CPU counted apart from the Worker's: sqlite-cpu.ts),
  // but without the fsync system time of a commit, which no Worker pays.
  await database.client.execute('PRAGMA synchronous = OFF');
  const storage = await openTestFileStore();
  await seedDemoAgency(database.db, BENCH_NOW);
  const api = createApi(() => ({
    db: database.db,
    files: storage.files,
    mailSender: null,
    clock: () => BENCH_NOW,
    publicOrigin: 'http://localhost',
  }));
  const request = (path: string, init?: RequestInit) => api.request(path, init, {});

  // People to sign in: one per request, so the per-address limit never cuts a path short.
  const benchEmail = (i: number) => `bench-${i}@ponte.example`;
  const partners = Array.from({ length: people }, (_, i) => ({
    id: `bench-${i}`,
    email: benchEmail(i),
    name: `Bench ${i}`,
    // Ready to invoice: tax id and PIX key on file.
    taxId: '52998224725',
    pixKey: `bench${i}@ponte.example`,
    createdAt: BENCH_NOW,
  }));
  await insertChunked(database.db, users, partners);
  const partnerIds = partners.map((p) => p.id);
  await seedReviewInvoices(database.db, partnerIds, scale.invoices, BENCH_NOW);
  await seedBenchClients(database.db, scale, BENCH_NOW);
  await seedBenchPieces(database.db, scale, BENCH_NOW);
  await seedBenchSpace(database.db, BENCH_NOW);
  await seedBenchRequests(database.db, BENCH_NOW);
  await seedBenchCosts(database.db, BENCH_NOW);
  await seedBenchTimeline(database.db, BENCH_NOW);
  await seedBenchScorecard(database.db, BENCH_NOW);
  await seedBenchExpectedAmount(database.db, BENCH_NOW);
  await seedBenchEvents(database.db, partnerIds, scale.events, BENCH_NOW);

  const sessionCookie = await signIn({ request, db: database.db }, 'cs@ponte.example');
  // Each invoice submission comes from its own partner (one invoice per partner and month).
  const partnerCookies: string[] = [];
  for (const person of partners)
    partnerCookies.push(await signIn({ request, db: database.db }, person.email));
  await request(
    '/api/clients/demo-client-bakery/onboarding',
    postJson({ contactIds: ['demo-contact-bakery-owner'] }, { cookie: sessionCookie }),
  );
  const onboardingToken =
    (await latestMailMatch(
      { db: database.db },
      'rita@paoquente.example',
      /\/onboarding\/([a-z2-7]{32})/,
    )) ?? '';
  // The approval page measured: version 2 of a piece, sent to Rita after she asked for changes
  // on version 1 with a dozen comments (the comparison with version 1 in play), with a few
  // comments on version 2 too; and a second piece, sent to another contact, whose link the
  // benchmark posts comments to. E-mails: a kind without an internal review before the client.
  await seedDemoPieces(database.db, storage.files, BENCH_NOW);
  const agency = { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' };
  const newPiece = async (title: string) =>
    (
      (await (
        await request(
          '/api/pieces',
          postJson(
            { projectId: 'demo-project-summer', title, kind: 'email' },
            { cookie: sessionCookie },
          ),
        )
      ).json()) as { id: string }
    ).id;
  const upload = (pieceId: string, text: string) => {
    const form = new FormData();
    form.set(
      'file',
      new File([demoPng(1080, 1080, [10, 20, 30]) as Uint8Array<ArrayBuffer>], 'peca.png'),
    );
    form.set('text', text);
    return request(`/api/pieces/${pieceId}/versions`, {
      method: 'POST',
      headers: { ...agency, Cookie: sessionCookie },
      body: form,
    });
  };
  const sendPiece = (pieceId: string, contactId: string) =>
    request(
      `/api/pieces/${pieceId}/send`,
      postJson({ contactIds: [contactId] }, { cookie: sessionCookie }),
    );
  const mailedApprovalToken = async (to: string) =>
    (await latestMailMatch({ db: database.db }, to, /\/approval\/([a-z2-7]{32})/)) ?? '';
  const comment = (token: string, i: number) =>
    request(
      `/api/approval/${token}/comments`,
      postJson({ target: i % 2 ? 'text' : 'image', body: `Observação ${i}`, pinX: 0.1, pinY: 0.2 }),
    );
  const newsletter = await newPiece('Newsletter de dezembro');
  await upload(newsletter, 'Pão de fermentação natural, todo dia às 7h. Encomende o seu panetone.');
  await sendPiece(newsletter, 'demo-contact-bakery-owner');
  const firstToken = await mailedApprovalToken('rita@paoquente.example');
  for (let i = 0; i < 12; i++) await comment(firstToken, i);
  await request(
    `/api/approval/${firstToken}/decision`,
    postJson({ decision: 'changes_requested', message: 'Vejam os comentários.' }),
  );
  await upload(
    newsletter,
    'Pão de fermentação natural, todo dia às 6h. Encomende já o seu panetone!',
  );
  await sendPiece(newsletter, 'demo-contact-bakery-owner');
  const approvalToken = await mailedApprovalToken('rita@paoquente.example');
  for (let i = 0; i < 4; i++) await comment(approvalToken, i);
  const banner = await newPiece('Banner');
  await upload(banner, '');
  await sendPiece(banner, 'demo-contact-bakery-marketing');
  const commentingToken = await mailedApprovalToken('joao@paoquente.example');
  const context: BenchContext = {
    sessionCookie,
    benchEmail,
    onboardingToken,
    approvalToken,
    commentingToken,
    partnerCookies,
  };
  return {
    database,
    request,
    context,
    close: () => Promise.all([database.close(), storage.close()]),
  };
}
