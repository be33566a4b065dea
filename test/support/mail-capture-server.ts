import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type CapturedRequest = {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
};

/** Where the capture server lists delivered messages (their JSON bodies) for other processes. */
export const CAPTURED_PATH = '/__captured';

export type ScriptedAnswer = { status: number; headers?: Record<string, string>; delayMs?: number };

/**
 * A local HTTP server that answers like Resend's /emails endpoint, so tests run the real SDK
 * against it. Answers can be scripted (429, 500, slow) and, like Resend, a repeated
 * Idempotency-Key returns the first answer without delivering twice.
 */
export async function startMailCaptureServer(
  options: {
    port?: number;
    /** A page for people at "/" (the local run's mailbox); the tests need none. */
    page?: (delivered: readonly CapturedRequest[]) => string;
  } = {},
) {
  const requests: CapturedRequest[] = [];
  const delivered: CapturedRequest[] = [];
  const byIdempotencyKey = new Map<string, string>();
  const script: ScriptedAnswer[] = [];

  const server = createServer(async (req, res) => {
    // Lets a test in another process (the e2e suite) read what was delivered.
    if (req.method === 'GET' && req.url === CAPTURED_PATH) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(delivered.map((message) => message.body)));
      return;
    }
    if (req.method === 'GET' && req.url === '/' && options.page) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(options.page(delivered));
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const captured: CapturedRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
    requests.push(captured);
    const answer = script.shift();
    if (answer?.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    // Redirects too: a webhook that answers 3xx must not be followed.
    if (answer && answer.status >= 300) {
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(
        JSON.stringify({ statusCode: answer.status, name: 'scripted_error', message: 'scripted' }),
      );
      return;
    }
    const key = String(req.headers['idempotency-key'] ?? '');
    let id = key ? byIdempotencyKey.get(key) : undefined;
    if (!id) {
      id = crypto.randomUUID();
      if (key) byIdempotencyKey.set(key, id);
      delivered.push(captured);
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    /** Every request received, including refused and repeated ones. */
    requests,
    /** Messages actually delivered: one per idempotency key. */
    delivered,
    /** Queues answers for the next requests, in order; after them, requests succeed. */
    answerNext(...answers: ScriptedAnswer[]) {
      script.push(...answers);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type MailCaptureServer = Awaited<ReturnType<typeof startMailCaptureServer>>;
