import { createApi } from '../../functions/app.ts';
import { policy } from '../../src/policy/index.ts';
import type { Dependencies } from '../../src/server/dependencies.ts';
import { createChatSender } from '../../src/server/mail/chat-sender.ts';
import { createResendSender } from '../../src/server/mail/mail-sender.ts';
import type { MailCaptureServer } from './mail-capture-server.ts';
import {
  type Driver,
  openD1Database,
  openLibsqlDatabase,
  openTestFileStore,
} from './test-databases.ts';

/** The origin app.request() uses; same-origin requests must claim it. */
export const TEST_ORIGIN = 'http://localhost';

/** Headers a browser sends with a same-origin form post or fetch. */
export const SAME_ORIGIN = { Origin: TEST_ORIGIN, 'Sec-Fetch-Site': 'same-origin' } as const;

/**
 * The real chat sender, with the policy's allowed hosts (hooks.slack.com), whose requests to
 * those hosts reach the capture server instead, as a local DNS entry would: the address is
 * checked exactly as in production.
 */
export function capturedChatSender(
  capture: MailCaptureServer,
  allowedHosts: readonly string[] = policy.chatWebhooks.allowedHosts,
) {
  return createChatSender({
    allowedHosts,
    fetch: (input, init) => {
      const url = new URL(String(input));
      return fetch(`${capture.url}${url.pathname}${url.search}`, init);
    },
  });
}

/**
 * The real API over a real database (with the real migrations), Miniflare's R2, and, when
 * given, the real Resend SDK pointed at a local capture server. The clock can be moved.
 */
export async function createTestApp(driver: Driver, options: { mail?: MailCaptureServer } = {}) {
  const database = driver === 'libsql' ? await openLibsqlDatabase() : await openD1Database();
  const storage = await openTestFileStore();
  let now = new Date('2026-03-02T13:00:00.000Z');
  const deps: Dependencies = {
    db: database.db,
    files: storage.files,
    mailSender: options.mail
      ? createResendSender({
          apiKey: 're_test',
          from: 'Ponte <ponte@example.com>',
          baseUrl: options.mail.url,
        })
      : null,
    clock: () => new Date(now),
    publicOrigin: TEST_ORIGIN,
    chatSender: options.mail ? capturedChatSender(options.mail) : undefined,
  };
  const api = createApi(() => deps);
  return {
    api,
    deps,
    db: database.db,
    files: storage.files,
    bucket: storage.bucket,
    setNow(date: Date) {
      now = date;
    },
    request: (path: string, init?: RequestInit) => api.request(path, init, {}),
    // libSQL's counter of round trips to the database; D1's binding is not counted (null).
    roundTrips: 'client' in database ? database.client.roundTrips : null,
    async close() {
      await Promise.all([database.close(), storage.close()]);
    },
  };
}

/**
 * Runs a load and says how many round trips it made to the database (libSQL); null on D1,
 * where the same code runs uncounted.
 */
export async function countRoundTrips<T>(
  app: Pick<TestApp, 'roundTrips'>,
  load: () => Promise<T>,
): Promise<{ result: T; roundTrips: number | null }> {
  const before = app.roundTrips?.count ?? 0;
  const result = await load();
  return { result, roundTrips: app.roundTrips ? app.roundTrips.count - before : null };
}

/** Reads a JSON answer for inspection; tests look into bodies of many shapes. */
// biome-ignore lint/suspicious/noExplicitAny: answers are inspected dynamically by assertions
export async function readJson(response: Response): Promise<any> {
  return response.json();
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
