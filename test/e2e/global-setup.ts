import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startMailCaptureServer } from '../support/mail-capture-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    // The local stand-in for Resend that the built Worker sends its e-mails to.
    mailUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(url: string, worker: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (worker.exitCode !== null) throw new Error(`wrangler dev exited:\n${log()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`wrangler dev did not become healthy:\n${log()}`);
}

/**
 * Builds Ponte, gives it a fresh local D1 with the real migrations and the demo seed, and
 * serves the built Worker with `wrangler dev` on 127.0.0.1 for the browser tests.
 */
export default async function setup(project: TestProject) {
  // vitest sets NODE_ENV=test, which would make Astro build a development bundle.
  // The handbook component tests' config (loaded with every project) asks for an
  // adapter-less Astro; the real build must not inherit that.
  const { PONTE_COMPONENT_TESTS: _componentTests, ...inherited } = process.env;
  const env = { ...inherited, CI: 'true', NODE_ENV: 'production' };
  const run = (command: string, args: string[]) =>
    execFileSync(command, args, { stdio: 'inherit', env });
  if (!process.env.PONTE_E2E_SKIP_BUILD) run('npx', ['astro', 'build']);
  const state = mkdtempSync(join(tmpdir(), 'ponte-e2e-state-'));
  run('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state]);
  run('node', ['db/seed-cli.ts', state]);

  const mail = await startMailCaptureServer();
  const port = await freePort();
  let output = '';
  const worker = spawn(
    'npx',
    [
      'wrangler',
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--persist-to',
      state,
      '--show-interactive-dev-session=false',
      '--var',
      'RESEND_API_KEY:re_e2e',
      '--var',
      `RESEND_BASE_URL:${mail.url}`,
    ],
    { env, detached: true },
  );
  worker.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  worker.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, worker, () => output);
  project.provide('baseUrl', baseUrl);
  project.provide('mailUrl', mail.url);

  return () => {
    if (process.env.PONTE_E2E_WORKER_LOG) writeFileSync(process.env.PONTE_E2E_WORKER_LOG, output);
    if (worker.pid) process.kill(-worker.pid, 'SIGTERM');
    rmSync(state, { recursive: true, force: true });
    return mail.close();
  };
}
