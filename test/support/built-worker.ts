import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// vitest sets NODE_ENV=test, which would make Astro build a development bundle; the handbook
// component tests' config asks for an adapter-less Astro. The real build inherits neither.
const { PONTE_COMPONENT_TESTS: _componentTests, ...inherited } = process.env;
export const BUILD_ENV = { ...inherited, CI: 'true', NODE_ENV: 'production' };

const run = (
  command: string,
  args: string[],
  quiet: boolean,
  extraEnv: Record<string, string> = {},
) =>
  execFileSync(command, args, {
    stdio: quiet ? 'ignore' : 'inherit',
    env: { ...BUILD_ENV, ...extraEnv },
  });

/** Builds the site and its Worker, the way CI and a deploy do. */
export function buildSite(options: { quiet?: boolean } = {}) {
  run('npx', ['astro', 'build'], options.quiet ?? false);
}

/**
 * A fresh local state directory with the real migrations applied and the demo seed in it
 * (seeded at the Worker's clock, when the suite moves it).
 */
export function prepareLocalState(
  options: { quiet?: boolean; clockOffsetMs?: number } = {},
): string {
  const state = mkdtempSync(join(tmpdir(), 'ponte-worker-state-'));
  const quiet = options.quiet ?? false;
  run(
    'npx',
    ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state],
    quiet,
  );
  run('node', ['db/seed-cli.ts', state], quiet, {
    CLOCK_OFFSET_MS: String(options.clockOffsetMs ?? 0),
  });
  return state;
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
 * Serves the built Worker with `wrangler dev` on 127.0.0.1 over a local state directory,
 * with extra vars (the e-mail provider's address, say); resolves once it answers /api/health.
 */
export async function startBuiltWorker(state: string, vars: Record<string, string> = {}) {
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
      // Links in e-mails come from PUBLIC_ORIGIN only: it must be where this Worker answers.
      ...Object.entries({ PUBLIC_ORIGIN: `http://127.0.0.1:${port}`, ...vars }).flatMap(
        ([name, value]) => ['--var', `${name}:${value}`],
      ),
    ],
    { env: BUILD_ENV, detached: true },
  );
  worker.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  worker.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, worker, () => output);
  return {
    baseUrl,
    log: () => output,
    stop() {
      if (worker.pid) process.kill(-worker.pid, 'SIGTERM');
    },
  };
}

/** Removes a state directory made by prepareLocalState. */
export function removeLocalState(state: string) {
  rmSync(state, { recursive: true, force: true });
}
