import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changedTables,
  databaseState,
  type Endpoint,
  openFuzzApp,
  type Who,
} from '../support/fuzz-app.ts';
import { bodies, FIELDS, hostileReturnTo, OUR_PATH, oddText } from '../support/fuzz-inputs.ts';
import { TEST_ORIGIN, type TestApp } from '../support/test-app.ts';

// Property-based fuzzing of every endpoint: random and malformed bodies, wrong content
// types, huge fields, odd Unicode, truncated multipart, repeated keys, missing and forged
// tokens and cookies. Whatever comes in: never a 5xx, a clear localized error for a
// refusal, and the database unchanged by it.

const RUNS_PER_ENDPOINT = Number(process.env.FUZZ_RUNS ?? 100);

describe('every endpoint under random and malformed input (libsql)', () => {
  let app: TestApp;
  let cookies: Map<Who, string>;
  let endpoints: Endpoint[] = [];
  let cases = 0;

  beforeAll(async () => {
    ({ app, cookies, endpoints } = await openFuzzApp());
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
