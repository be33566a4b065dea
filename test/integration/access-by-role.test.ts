import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../db/seed.ts';
import type { Role } from '../../src/policy/index.ts';
import { postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { createTestApp, readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

// One person per role, from the demo agency.
const personWith = (role: Role) => {
  const person = DEMO_PEOPLE.find((p) => p.roles.includes(role));
  if (!person) throw new Error(`no demo person is ${role}`);
  return person;
};

// What each endpoint needs; every role is tried against every one.
const ENDPOINTS: {
  name: string;
  request: (cookie: string) => [string, RequestInit];
  allowed: Role[] | 'all';
}[] = [
  {
    name: 'GET /api/auth/session',
    request: (cookie) => ['/api/auth/session', { headers: { Cookie: cookie } }],
    allowed: 'all',
  },
  {
    name: 'POST /api/profile',
    request: (cookie) => ['/api/profile', postJson({ name: '' }, { cookie })],
    allowed: 'all',
  },
  {
    name: 'POST /api/people',
    request: (cookie) => ['/api/people', postJson({}, { cookie })],
    allowed: ['admin'],
  },
  {
    name: 'POST /api/people/:id/roles',
    request: (cookie) => ['/api/people/demo-cs/roles', postJson({}, { cookie })],
    allowed: ['admin'],
  },
  {
    name: 'POST /api/people/:id/deactivate',
    request: (cookie) => ['/api/people/nobody/deactivate', postJson({}, { cookie })],
    allowed: ['admin'],
  },
  {
    name: 'POST /api/clients',
    request: (cookie) => ['/api/clients', postJson({}, { cookie })],
    allowed: ['cs', 'admin'],
  },
  {
    name: 'GET /api/clients',
    request: (cookie) => ['/api/clients', { headers: { Cookie: cookie } }],
    allowed: ['cs', 'paid_traffic', 'organic_traffic', 'design', 'admin'],
  },
  {
    // A month of a client's timeline as Markdown: whoever may read clients reaches the handler.
    name: 'GET /api/clients/:id/timeline.md',
    request: (cookie) => [
      '/api/clients/demo-client-bakery/timeline.md?period=2026-03',
      { headers: { Cookie: cookie } },
    ],
    allowed: ['cs', 'paid_traffic', 'organic_traffic', 'design', 'admin'],
  },
  {
    // Team partners reach the handler, which answers 404 for a client not theirs.
    name: 'POST /api/clients/:id/team',
    request: (cookie) => ['/api/clients/demo-client-bakery/team', postJson({}, { cookie })],
    allowed: ['cs', 'paid_traffic', 'organic_traffic', 'design', 'admin'],
  },
  {
    // A refund: team partners reach the handler, which refuses the input (and then 404 but for CS).
    name: 'POST /api/clients/:id/refunds',
    request: (cookie) => ['/api/clients/demo-client-bakery/refunds', postJson({}, { cookie })],
    allowed: ['cs', 'paid_traffic', 'organic_traffic', 'design', 'admin'],
  },
  {
    // The bakery's CS, paid traffic (on its team) and admins reach the handler; its input is refused.
    name: 'POST /api/cost-norms/:clientId',
    request: (cookie) => ['/api/cost-norms/demo-client-bakery', postJson({}, { cookie })],
    allowed: ['cs', 'paid_traffic', 'admin'],
  },
  {
    // The same people reach the import's confirm; a preview that is not there is refused (409).
    name: 'POST /api/campaign-imports/:clientId',
    request: (cookie) => [
      '/api/campaign-imports/demo-client-bakery',
      postJson({ file: '0'.repeat(64) }, { cookie }),
    ],
    allowed: ['cs', 'paid_traffic', 'admin'],
  },
  {
    // A client's team reaches the timeline's handler (who writes each kind is checked there).
    name: 'POST /api/timeline/:clientId/entries',
    request: (cookie) => ['/api/timeline/demo-client-bakery/entries', postJson({}, { cookie })],
    allowed: ['cs', 'paid_traffic', 'organic_traffic', 'design', 'admin'],
  },
  {
    // The same people reach the daily check's acknowledgement; its empty input is refused (400).
    name: 'POST /api/campaign-checks/:clientId/acknowledgements',
    request: (cookie) => [
      '/api/campaign-checks/demo-client-bakery/acknowledgements',
      postJson({}, { cookie }),
    ],
    allowed: ['cs', 'paid_traffic', 'admin'],
  },
  {
    name: 'GET /api/finance/payments.csv',
    request: (cookie) => ['/api/finance/payments.csv', { headers: { Cookie: cookie } }],
    allowed: ['finance', 'admin'],
  },
  {
    name: 'POST /api/pieces',
    request: (cookie) => ['/api/pieces', postJson({}, { cookie })],
    allowed: ['cs', 'design', 'admin', 'head_of_design', 'head_of_traffic'],
  },
  {
    name: 'POST /api/pieces/projects',
    request: (cookie) => ['/api/pieces/projects', postJson({}, { cookie })],
    allowed: ['cs', 'design', 'admin', 'head_of_design', 'head_of_traffic'],
  },
  {
    name: 'POST /api/tasks',
    request: (cookie) => ['/api/tasks', postJson({}, { cookie })],
    allowed: 'all',
  },
];

const ROLES_TRIED: Role[] = [
  'cs',
  'paid_traffic',
  'organic_traffic',
  'design',
  'finance',
  'admin',
  'head_of_design',
  'head_of_traffic',
];

describe.each(DRIVERS)('access by role, decided in one place (%s)', (driver) => {
  let app: TestApp;
  const cookies = new Map<Role, string>();
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    for (const role of ROLES_TRIED) cookies.set(role, await signIn(app, personWith(role).email));
  });
  afterAll(() => app.close());

  describe.each(ENDPOINTS)('$name', ({ request, allowed }) => {
    it('answers 401 to a visitor who is not signed in', async () => {
      const response = await app.request(...request(''));
      expect(response.status).toBe(401);
      expect((await readJson(response)).error.code).toBe('unauthorized');
    });

    it.each(ROLES_TRIED)(
      'lets %s through only when its role is allowed (others get 403)',
      async (role) => {
        const response = await app.request(...request(cookies.get(role) ?? ''));
        if (allowed === 'all' || allowed.includes(role)) {
          // Reaching the handler: the answer is its own (success or a validation error), never 401/403.
          expect([401, 403]).not.toContain(response.status);
        } else {
          expect(response.status).toBe(403);
          expect((await readJson(response)).error.code).toBe('forbidden');
        }
      },
    );
  });

  it('refuses a tampered session cookie as if there were none', async () => {
    const valid = cookies.get('admin') ?? '';
    const last = valid.at(-1) === 'a' ? 'b' : 'a';
    for (const cookie of [
      `${valid.slice(0, -1)}${last}`,
      `${valid}x`,
      '__Host-ponte_session=',
      'ponte_session=abc',
    ]) {
      const response = await app.request('/api/auth/session', { headers: { Cookie: cookie } });
      expect(response.status).toBe(401);
    }
  });
});
