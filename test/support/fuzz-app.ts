import { sql } from 'drizzle-orm';
import { seedDemoInvoices } from '../../db/seed-invoices.ts';
import { seedDemoPieces } from '../../db/seed-pieces.ts';
import { insertDemoSurvey } from './demo-survey.ts';
import { latestMailMatch, postJson, seedPeople, signIn } from './sign-in.ts';
import { spaceCookieOf } from './space-contact-session.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import { ackToken, addEntry, RITA, runTimelineNotices } from './timeline-ack.ts';

export type Who = 'admin' | 'cs' | 'finance' | 'partner' | 'contact' | 'nobody';
export type Endpoint = { method: 'GET' | 'POST'; path: string; who: Who };

/**
 * Snapshot of every table but sessions (renewed by reads), rate-limit counters (which count
 * refusals by design: failed client links, sign-in attempts) and the migrations' own.
 */
export async function databaseState(app: TestApp): Promise<Record<string, string>> {
  const tables = await app.db.all<{ name: string }>(
    sql`select name from sqlite_master where type = 'table' and name not in ('sessions', 'rate_limits', 'sqlite_sequence', '__drizzle_migrations', 'd1_migrations', '_cf_KV', '_cf_METADATA') order by name`,
  );
  const contents: Record<string, string> = {};
  for (const { name } of tables)
    contents[name] = JSON.stringify(
      await app.db.all(sql.raw(`select * from "${name}" order by rowid`)),
    );
  return contents;
}

/** The tables whose rows differ between two snapshots. */
export const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys(before).filter((name) => before[name] !== after[name]);

/**
 * The demo agency on libSQL with its invoices and pieces, an onboarding and an approval link
 * sent to Rita, a session for each kind of person, and every endpoint with who may call it.
 */
export async function openFuzzApp() {
  const cookies = new Map<Who, string>();
  const app = await createTestApp('libsql');
  await seedPeople(app);
  await seedDemoInvoices(app.db, app.files, app.deps.clock());
  await seedDemoPieces(app.db, app.files, app.deps.clock());
  cookies.set('admin', await signIn(app, 'admin@ponte.example'));
  cookies.set('cs', await signIn(app, 'cs@ponte.example'));
  cookies.set('finance', await signIn(app, 'financeiro@ponte.example'));
  cookies.set('partner', await signIn(app, 'trafego.pago@ponte.example'));
  // Rita in the client space (her own kind of session).
  cookies.set('contact', await spaceCookieOf(app, 'demo-contact-bakery-owner'));
  // Her pieces in the space: the summer project made visible, so inputs reach their checks.
  await app.db.run(sql`update projects set visible_to_client = 1 where id = 'demo-project-summer'`);
  cookies.set('nobody', '');
  const cs = cookies.get('cs') ?? '';
  await app.request(
    '/api/clients/demo-client-bakery/onboarding',
    postJson({ contactIds: ['demo-contact-bakery-owner'] }, { cookie: cs }),
  );
  await app.request(
    '/api/pieces/demo-piece-launch/send',
    postJson({ contactIds: ['demo-contact-bakery-owner'] }, { cookie: cs }),
  );
  const onboardingToken =
    (await latestMailMatch(app, 'rita@paoquente.example', /\/onboarding\/([a-z2-7]{32})/)) ?? '';
  const approvalToken =
    (await latestMailMatch(app, 'rita@paoquente.example', /\/approval\/([a-z2-7]{32})/)) ?? '';
  const o = `/api/onboarding/${onboardingToken}`;
  const a = `/api/approval/${approvalToken}`;
  // Minutes asking Rita's acknowledgement (#19), and her personal link.
  await addEntry(app, { id: 'fuzz-minutes', title: 'Ata' }, [RITA]);
  await runTimelineNotices(app);
  const ta = `/api/timeline-ack/${await ackToken(app, RITA.email, 'fuzz-minutes')}`;
  // Rita's satisfaction question (#21): no posted stamp is ever ours, so every answer is refused.
  const sq = `/api/satisfaction/${await insertDemoSurvey(app.db, app.deps.clock())}`;
  const endpoints: Endpoint[] = [
    { method: 'GET', path: '/api/health', who: 'nobody' },
    { method: 'POST', path: '/api/preferences/locale', who: 'nobody' },
    { method: 'GET', path: '/api/auth/session', who: 'cs' },
    { method: 'POST', path: '/api/auth/sign-in', who: 'nobody' },
    { method: 'POST', path: '/api/auth/confirm', who: 'nobody' },
    { method: 'POST', path: '/api/auth/sign-out', who: 'partner' },
    { method: 'POST', path: '/api/people', who: 'admin' },
    { method: 'POST', path: '/api/people/demo-paid/roles', who: 'admin' },
    { method: 'POST', path: '/api/people/demo-organic/invitation', who: 'admin' },
    { method: 'POST', path: '/api/profile', who: 'partner' },
    { method: 'POST', path: '/api/clients', who: 'cs' },
    { method: 'POST', path: '/api/clients/demo-client-clinic', who: 'cs' },
    { method: 'POST', path: '/api/clients/demo-client-clinic/contacts', who: 'cs' },
    {
      method: 'POST',
      path: '/api/clients/demo-client-clinic/contacts/demo-contact-clinic-manager',
      who: 'cs',
    },
    { method: 'POST', path: '/api/clients/demo-client-clinic/changes', who: 'cs' },
    { method: 'POST', path: '/api/clients/demo-client-clinic/changes/nope/done', who: 'cs' },
    { method: 'POST', path: '/api/clients/demo-client-clinic/onboarding', who: 'cs' },
    { method: 'POST', path: '/api/clients/demo-client-clinic/stages', who: 'cs' },
    { method: 'POST', path: '/api/clients/demo-client-clinic/refunds', who: 'cs' },
    { method: 'POST', path: sq, who: 'nobody' },
    { method: 'GET', path: '/api/clients', who: 'partner' },
    { method: 'GET', path: '/api/clients/demo-client-clinic', who: 'partner' },
    { method: 'POST', path: '/api/clients/demo-client-clinic/team', who: 'cs' },
    { method: 'POST', path: '/api/clients/demo-client-bakery/team/remove', who: 'cs' },
    { method: 'GET', path: '/api/clients/demo-client-bakery/onboarding.md', who: 'cs' },
    { method: 'GET', path: '/api/clients/demo-client-bakery/timeline.md', who: 'cs' },
    { method: 'GET', path: '/api/clients/demo-client-bakery/onboarding/files/nope', who: 'cs' },
    { method: 'POST', path: `${o}/answers`, who: 'nobody' },
    { method: 'POST', path: `${o}/sections/person`, who: 'nobody' },
    { method: 'POST', path: `${o}/files`, who: 'nobody' },
    { method: 'POST', path: `${o}/files/nope/delete`, who: 'nobody' },
    { method: 'POST', path: `${o}/submit`, who: 'nobody' },
    { method: 'POST', path: `${o}/opened`, who: 'nobody' },
    { method: 'POST', path: '/api/invoices', who: 'partner' },
    { method: 'GET', path: '/api/invoices/window.ics', who: 'partner' },
    { method: 'GET', path: '/api/invoices/demo-invoice-paid/pdf', who: 'partner' },
    { method: 'POST', path: '/api/finance/invoices/demo-invoice-paid/approve', who: 'finance' },
    {
      method: 'POST',
      path: '/api/finance/invoices/demo-invoice-paid/divergence',
      who: 'finance',
    },
    { method: 'POST', path: '/api/finance/invoices/demo-invoice-organic/paid', who: 'finance' },
    { method: 'GET', path: '/api/finance/payments.csv', who: 'finance' },
    { method: 'POST', path: '/api/tasks', who: 'partner' },
    { method: 'POST', path: '/api/tasks/nope/accept', who: 'cs' },
    { method: 'POST', path: '/api/pieces/projects', who: 'cs' },
    { method: 'POST', path: '/api/pieces', who: 'cs' },
    { method: 'POST', path: '/api/pieces/demo-piece-launch/versions', who: 'cs' },
    { method: 'POST', path: '/api/pieces/demo-piece-launch/send', who: 'cs' },
    {
      method: 'POST',
      path: '/api/pieces/demo-piece-launch/links/demo-contact-bakery-owner/revoke',
      who: 'admin',
    },
    { method: 'POST', path: '/api/pieces/demo-piece-launch/comments', who: 'cs' },
    { method: 'POST', path: '/api/pieces/demo-piece-launch/comments/nope/replies', who: 'cs' },
    { method: 'POST', path: '/api/pieces/demo-piece-launch/comments/nope/resolve', who: 'cs' },
    { method: 'POST', path: '/api/pieces/demo-piece-launch/comments/nope/reopen', who: 'cs' },
    { method: 'POST', path: '/api/pieces/demo-piece-launch/internal-review', who: 'admin' },
    { method: 'GET', path: '/api/pieces/demo-piece-launch/versions/1/file', who: 'cs' },
    { method: 'POST', path: '/api/request-templates/demo-client-clinic', who: 'cs' },
    { method: 'POST', path: '/api/cost-norms/demo-client-clinic', who: 'cs' },
    { method: 'POST', path: '/api/campaign-imports/demo-client-clinic/upload', who: 'cs' },
    { method: 'POST', path: '/api/campaign-imports/demo-client-clinic', who: 'cs' },
    { method: 'POST', path: '/api/campaign-checks/demo-client-clinic/acknowledgements', who: 'cs' },
    { method: 'POST', path: '/api/space/requests', who: 'contact' },
    { method: 'POST', path: '/api/space/requests/nope', who: 'contact' },
    { method: 'POST', path: '/api/space/requests/nope/messages', who: 'contact' },
    { method: 'POST', path: '/api/requests/nope/authorize', who: 'cs' },
    { method: 'POST', path: '/api/requests/nope/start-at-risk', who: 'cs' },
    { method: 'POST', path: '/api/requests/nope/ask', who: 'cs' },
    { method: 'POST', path: '/api/requests/nope/decline', who: 'cs' },
    { method: 'GET', path: '/api/requests/nope/files/nope', who: 'cs' },
    { method: 'POST', path: '/api/pieces/projects/nope/visibility', who: 'cs' },
    { method: 'POST', path: '/api/space/pieces/demo-piece-launch/comments', who: 'contact' },
    { method: 'POST', path: '/api/space/pieces/demo-piece-launch/comments/nope', who: 'contact' },
    { method: 'POST', path: '/api/space/pieces/demo-piece-launch/decision', who: 'contact' },
    { method: 'POST', path: '/api/space/preferences/notify-mode', who: 'contact' },
    { method: 'GET', path: `${a}/file`, who: 'nobody' },
    { method: 'POST', path: `${a}/comments`, who: 'nobody' },
    { method: 'POST', path: `${a}/comments/nope`, who: 'nobody' },
    { method: 'POST', path: `${a}/comments/nope/delete`, who: 'nobody' },
    { method: 'POST', path: `${a}/decision`, who: 'nobody' },
    { method: 'POST', path: `${a}/viewed`, who: 'nobody' },
    { method: 'POST', path: `${ta}/agree`, who: 'nobody' },
    { method: 'POST', path: `${ta}/observation`, who: 'nobody' },
    { method: 'GET', path: `${ta}/files/nope`, who: 'nobody' },
    { method: 'POST', path: '/api/space/timeline/fuzz-minutes/observation', who: 'contact' },
    { method: 'GET', path: '/api/space/timeline/fuzz-minutes/files/nope', who: 'contact' },
    // The agency's side of the same minutes: a new entry, an edit, a file (#19).
    { method: 'POST', path: '/api/timeline/demo-client-bakery/entries', who: 'cs' },
    { method: 'POST', path: '/api/timeline/demo-client-bakery/entries/fuzz-minutes', who: 'cs' },
    {
      method: 'GET',
      path: '/api/timeline/demo-client-bakery/entries/fuzz-minutes/files/nope',
      who: 'cs',
    },
  ];
  return { app, cookies, endpoints };
}
