import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoInvoices } from '../../db/seed-invoices.ts';
import { seedDemoPieces } from '../../db/seed-pieces.ts';
import { latestMailMatch, postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts';

// Property-based fuzzing of every endpoint: random and malformed bodies, wrong content
// types, huge fields, odd Unicode, truncated multipart, repeated keys, missing and forged
// tokens and cookies. Whatever comes in: never a 5xx, a clear localized error for a
// refusal, and the database unchanged by it.

const RUNS_PER_ENDPOINT = Number(process.env.FUZZ_RUNS ?? 100);

type Who = 'admin' | 'cs' | 'finance' | 'partner' | 'nobody';
type Endpoint = { method: 'GET' | 'POST'; path: string; who: Who };

// Every field name the forms and JSON bodies of Ponte use, so random bodies reach the checks.
const FIELDS = [
  'name',
  'email',
  'locale',
  'taxId',
  'pixKey',
  'roles',
  'role',
  'userId',
  'contactIds',
  'clientId',
  'csUserId',
  'title',
  'kind',
  'dueOn',
  'projectId',
  'designerId',
  'text',
  'target',
  'body',
  'pinX',
  'pinY',
  'visibleToClient',
  'decision',
  'message',
  'number',
  'issueDate',
  'amount',
  'note',
  'file',
  'consent',
  'answers',
  'questionId',
  'stage',
  'summary',
  'assigneeRole',
  'assigneeId',
  'what',
  'why',
  'comment',
  'paidOn',
  'returnTo',
  'formId',
  'token',
  'action',
  'whatsapp',
  'segment',
  'serviceStartsOn',
  'serviceEndsOn',
  'chatWebhookUrl',
  'groupChatUrl',
  'rule',
  'sendToSameContacts',
  'version',
  'mayApprovePieces',
  'mayAnswerQuestionnaires',
  'companyRole',
  'story',
  'goals',
];

const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uD800',
    '\u202Eevil',
    '😀👩‍👩‍👧',
    'Ω≈ç√∫',
    '"; drop table users; --',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '=HYPERLINK("http://x")',
    '%E0%A4%A',
    '\t',
    '\r\n',
    '/\t/evil.example',
    '2026-02-30',
    '-1',
    '1e309',
    'NaN',
    'on',
  ),
  fc.constant('x'.repeat(100_000)),
);
const anyValue = fc.oneof(
  oddText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(oddText, { maxLength: 4 }),
  fc.dictionary(fc.constantFrom(...FIELDS), oddText, { maxKeys: 3 }),
);
const fields = fc.dictionary(fc.constantFrom(...FIELDS), anyValue, { maxKeys: 8 });

const controlChars = fc
  .array(fc.integer({ min: 0, max: 0x1f }), { minLength: 1, maxLength: 3 })
  .map((codes) => String.fromCharCode(...codes));

/**
 * A `returnTo` with tabs, CR/LF and other control characters where a browser would drop them
 * (turning "/\t/evil.example" into "//evil.example") or a header cannot carry them.
 */
const hostileReturnTo = fc.oneof(
  fc.constantFrom(
    '/\t/evil.example',
    '\t//evil.example',
    '/\r\n/evil.example',
    '/sign-in\r\nSet-Cookie: planted=1',
    '//evil.example',
    '/\\evil.example',
    'https://evil.example/',
  ),
  fc
    .tuple(
      fc.constantFrom('', '/', '/sign-in', '/clients/demo-client-clinic'),
      controlChars,
      fc.constantFrom('', '/evil.example', 'evil.example', '?x=1'),
    )
    .map(([before, control, after]) => `${before}${control}${after}`),
);

// The Location of a redirect: a path of ours, with nothing a browser would drop or reinterpret.
const OUR_PATH = /^\/(?![/\\])[^\s\\]*$/;

/** A request body with its content type: well-formed or not. */
const bodies: fc.Arbitrary<{ type: string | null; body: BodyInit | null }> = fc.oneof(
  fields.map((f) => ({ type: 'application/json', body: JSON.stringify(f) })),
  fc.jsonValue().map((v) => ({ type: 'application/json', body: JSON.stringify(v) })),
  fc.string({ maxLength: 60 }).map((s) => ({ type: 'application/json', body: `{${s}` })),
  fc.array(fc.tuple(fc.constantFrom(...FIELDS), oddText), { maxLength: 10 }).map((pairs) => ({
    type: 'application/x-www-form-urlencoded',
    // Repeated keys included: the same field twice.
    body: pairs
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.toWellFormed())}`)
      .join('&'),
  })),
  fc
    .string({ maxLength: 80 })
    .map((raw) => ({ type: 'application/x-www-form-urlencoded', body: raw })),
  fc.tuple(fields, fc.uint8Array({ maxLength: 2048 }), fc.boolean()).map(([f, bytes, withFile]) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(f))
      form.append(k, typeof v === 'string' ? v : JSON.stringify(v));
    if (withFile) form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], 'x.pdf'));
    return { type: null, body: form };
  }),
  fc.string({ maxLength: 200 }).map((rest) => ({
    // A multipart body cut short, or with a boundary that is not the declared one.
    type: 'multipart/form-data; boundary=----ponte',
    body: `------ponte\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-${rest}`,
  })),
  fc.constantFrom(
    { type: 'text/plain', body: 'hello' },
    { type: 'application/xml', body: '<a/>' },
    { type: null, body: null },
    { type: 'application/json; charset=utf-16', body: '{}' },
  ),
);

/**
 * Snapshot of every table but sessions (renewed by reads), rate-limit counters (which count
 * refusals by design: failed client links, sign-in attempts) and the migrations' own.
 */
async function databaseState(app: TestApp): Promise<Record<string, string>> {
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
const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys(before).filter((name) => before[name] !== after[name]);

describe('every endpoint under random and malformed input (libsql)', () => {
  let app: TestApp;
  const cookies = new Map<Who, string>();
  let onboardingToken = '';
  let approvalToken = '';
  let endpoints: Endpoint[] = [];
  let cases = 0;

  beforeAll(async () => {
    app = await createTestApp('libsql');
    await seedPeople(app);
    await seedDemoInvoices(app.db, app.files, app.deps.clock());
    await seedDemoPieces(app.db, app.files, app.deps.clock());
    cookies.set('admin', await signIn(app, 'admin@ponte.example'));
    cookies.set('cs', await signIn(app, 'cs@ponte.example'));
    cookies.set('finance', await signIn(app, 'financeiro@ponte.example'));
    cookies.set('partner', await signIn(app, 'trafego.pago@ponte.example'));
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
    onboardingToken =
      (await latestMailMatch(app, 'rita@paoquente.example', /\/onboarding\/([a-z2-7]{32})/)) ?? '';
    approvalToken =
      (await latestMailMatch(app, 'rita@paoquente.example', /\/approval\/([a-z2-7]{32})/)) ?? '';
    const o = `/api/onboarding/${onboardingToken}`;
    const a = `/api/approval/${approvalToken}`;
    endpoints = [
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
      { method: 'GET', path: '/api/clients', who: 'partner' },
      { method: 'GET', path: '/api/clients/demo-client-clinic', who: 'partner' },
      { method: 'POST', path: '/api/clients/demo-client-clinic/team', who: 'cs' },
      { method: 'POST', path: '/api/clients/demo-client-bakery/team/remove', who: 'cs' },
      { method: 'GET', path: '/api/clients/demo-client-bakery/onboarding.md', who: 'cs' },
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
      { method: 'GET', path: '/api/pieces/demo-piece-launch/versions/1/file', who: 'cs' },
      { method: 'GET', path: `${a}/file`, who: 'nobody' },
      { method: 'POST', path: `${a}/comments`, who: 'nobody' },
      { method: 'POST', path: `${a}/comments/nope`, who: 'nobody' },
      { method: 'POST', path: `${a}/comments/nope/delete`, who: 'nobody' },
      { method: 'POST', path: `${a}/decision`, who: 'nobody' },
      { method: 'POST', path: `${a}/viewed`, who: 'nobody' },
    ];
  });
  afterAll(async () => {
    console.log(`fuzzing: ${cases} requests over ${endpoints.length} endpoints`);
    await app.close();
  });

  it('never answers 5xx, always explains a refusal, and a refusal writes nothing', async () => {
    const credentials = fc.constantFrom('right', 'none', 'forged', 'garbage');
    const tokens = fc.constantFrom('right', 'forged', 'odd');
    const origins = fc.constantFrom('same', 'same', 'same', 'missing', 'cross');
    for (const endpoint of endpoints) {
      await fc.assert(
        fc.asyncProperty(
          bodies,
          credentials,
          tokens,
          origins,
          async (input, credential, token, origin) => {
            cases += 1;
            const before = await databaseState(app);
            const cookie =
              credential === 'right'
                ? (cookies.get(endpoint.who) ?? '')
                : credential === 'forged'
                  ? `__Host-ponte_session=${'a'.repeat(32)}`
                  : credential === 'garbage'
                    ? '__Host-ponte_session=%%%; __Host-ponte_feedback=%7B'
                    : '';
            let path = endpoint.path;
            if (token === 'forged') path = path.replace(/[a-z2-7]{32}/, 'b'.repeat(32));
            if (token === 'odd') path = path.replace(/[a-z2-7]{32}/, '%F0%9F%98%80..%2F');
            const headers: Record<string, string> = {};
            if (cookie) headers.Cookie = cookie;
            if (origin === 'same')
              Object.assign(headers, { Origin: TEST_ORIGIN, 'Sec-Fetch-Site': 'same-origin' });
            if (origin === 'cross')
              Object.assign(headers, {
                Origin: 'https://evil.example',
                'Sec-Fetch-Site': 'cross-site',
              });
            if (input.type) headers['Content-Type'] = input.type;
            const response = await app.request(
              path,
              endpoint.method === 'GET'
                ? { method: 'GET', headers }
                : { method: 'POST', headers, body: input.body },
            );
            expect(response.status, `${endpoint.method} ${path}`).toBeLessThan(500);
            if (response.status >= 400) {
              const body = (await response.json()) as {
                error?: { code?: unknown; message?: unknown };
              };
              expect(typeof body.error?.code).toBe('string');
              expect(typeof body.error?.message).toBe('string');
              // A message, not a catalog key that failed to translate.
              expect(body.error?.message).not.toMatch(/^[a-z]+(\.[a-zA-Z]+)+$/);
              const changed = changedTables(before, await databaseState(app));
              expect(changed, `${endpoint.method} ${path} (${response.status}) wrote`).toEqual([]);
            } else {
              await response.arrayBuffer();
            }
          },
        ),
        { numRuns: RUNS_PER_ENDPOINT },
      );
    }
  }, 600_000);

  it('sends a plain form only to a path of ours, whatever its returnTo holds, and never answers 5xx', async () => {
    const posts = endpoints.filter((endpoint) => endpoint.method === 'POST');
    for (const endpoint of posts) {
      await fc.assert(
        fc.asyncProperty(
          hostileReturnTo,
          fc.array(fc.tuple(fc.constantFrom(...FIELDS), oddText), { maxLength: 4 }),
          fc.boolean(),
          async (returnTo, pairs, multipart) => {
            cases += 1;
            const headers: Record<string, string> = {
              Accept: 'text/html',
              Origin: TEST_ORIGIN,
              'Sec-Fetch-Site': 'same-origin',
            };
            const cookie = cookies.get(endpoint.who);
            if (cookie) headers.Cookie = cookie;
            let body: BodyInit;
            if (multipart) {
              const form = new FormData();
              for (const [name, value] of pairs) form.append(name, value);
              form.append('returnTo', returnTo);
              body = form;
            } else {
              headers['Content-Type'] = 'application/x-www-form-urlencoded';
              body = new URLSearchParams([...pairs, ['returnTo', returnTo]]).toString();
            }
            const response = await app.request(endpoint.path, { method: 'POST', headers, body });
            const where = `POST ${endpoint.path} returnTo=${JSON.stringify(returnTo)}`;
            expect(response.status, where).toBeLessThan(500);
            const location = response.headers.get('Location');
            if (location !== null) expect(location, where).toMatch(OUR_PATH);
            await response.arrayBuffer();
          },
        ),
        { numRuns: Math.ceil(RUNS_PER_ENDPOINT / 4) },
      );
    }
  }, 600_000);
});
