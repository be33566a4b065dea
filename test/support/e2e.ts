import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { findAccessibilityViolations, launchBrowser } from './browser.ts';
import { CAPTURED_PATH } from './mail-capture-server.ts';

type DeliveredMail = { to: string | string[]; subject: string; text: string };

/** Runs the jobs (as the cron trigger would) and returns the newest mail delivered to `to` that matches. */
export async function mailTo(
  to: string,
  pattern: RegExp,
): Promise<{ subject: string; text: string; match: string }> {
  const baseUrl = inject('baseUrl');
  const mailUrl = inject('mailUrl');
  for (let attempt = 0; attempt < 40; attempt++) {
    await fetch(`${baseUrl}/cdn-cgi/handler/scheduled?cron=*+*+*+*+*`);
    const mails = (await (await fetch(`${mailUrl}${CAPTURED_PATH}`)).json()) as DeliveredMail[];
    // The newest matching one: other mail (digests, reminders) may have come since.
    const mine = mails.filter((mail) => [mail.to].flat().includes(to)).reverse();
    for (const mail of mine) {
      const match = pattern.exec(mail.text);
      if (match) return { subject: mail.subject, text: mail.text, match: match[0] };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no e-mail to ${to} matched ${pattern}`);
}

/** The newest sign-in link e-mailed to `to`. */
export async function signInLinkMailedTo(to: string): Promise<string> {
  return (await mailTo(to, /https?:\/\/\S+\/sign-in\/confirm\?token=[a-z2-7]{32}/)).match;
}

/** Fails with the list of axe-core violations, if the page has any. */
export async function expectAccessible(page: Page) {
  expect(await findAccessibilityViolations(page)).toEqual([]);
}

// A person signed in by one test file stays signed in for the next ones (their session kept
// in a file per run, as a browser keeps its cookies): the suite signs each person in a handful
// of times, under the policy's per-address sign-in limit, instead of once per file.
const sessionFile = (baseUrl: string, email: string) =>
  join(tmpdir(), `ponte-e2e-sessions-${new URL(baseUrl).port}`, `${email}.json`);

/** A context over a session kept by an earlier file, or null when it is gone (signed out). */
async function reopenedSession(browser: Browser, baseUrl: string, email: string) {
  const saved = sessionFile(baseUrl, email);
  if (!existsSync(saved)) return null;
  const context = await browser.newContext({ locale: 'pt-BR', storageState: saved });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/partner`);
  if (new URL(page.url()).pathname === '/partner') return page;
  await context.close();
  return null;
}

/** A browser context signed in as `email` (pt-BR), the way a person signs in. */
export async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const baseUrl = inject('baseUrl');
  const reopened = await reopenedSession(browser, baseUrl, email);
  if (reopened) return reopened;
  const context = await browser.newContext({ locale: 'pt-BR' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Enviar link' }).click();
  await page.waitForURL(`${baseUrl}/sign-in/sent`);
  await page.goto(await signInLinkMailedTo(email));
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  await page.waitForURL(`${baseUrl}/partner`);
  const saved = sessionFile(baseUrl, email);
  mkdirSync(dirname(saved), { recursive: true });
  await context.storageState({ path: saved });
  return page;
}

/**
 * Launches Chromium and signs each e-mail in, each in its own context, in that order; the
 * pages come back in the same order. The browser is closed if a sign-in fails.
 */
export async function openSignedInBrowser<const E extends readonly string[]>(
  ...emails: E
): Promise<{ browser: Browser; pages: { -readonly [K in keyof E]: Page } }> {
  const browser = await launchBrowser();
  try {
    const pages: Page[] = [];
    for (const email of emails) pages.push(await signedInPage(browser, email));
    return { browser, pages: pages as { -readonly [K in keyof E]: Page } };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Launches Chromium with one page in Brazilian Portuguese, as the agency's people browse. */
export async function openPortugueseBrowser(): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchBrowser();
  return { browser, page: await browser.newPage({ locale: 'pt-BR' }) };
}
