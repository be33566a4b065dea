import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';

// Debian's Chromium; the /usr/bin wrapper prints a harmless warning, so prefer the binary.
const CHROMIUM_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

/** Starts Debian's headless Chromium (a fresh profile each launch) with the flags this offline machine needs. */
export function launchBrowser(): Promise<Browser> {
  const executablePath = CHROMIUM_PATHS.find((path) => existsSync(path));
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium');
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

type AxeViolation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

/** Runs axe-core in the page and returns its violations in a readable form (empty when clean). */
export async function findAccessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: an inline <script> would be blocked by our CSP.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } })
      .axe;
    return (await axe.run()).violations;
  });
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
}
