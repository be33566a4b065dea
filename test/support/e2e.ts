import type { Browser, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { findAccessibilityViolations } from './browser.ts';
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

/** A browser context signed in as `email` (pt-BR), the way a person signs in. */
export async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const baseUrl = inject('baseUrl');
  const context = await browser.newContext({ locale: 'pt-BR' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Enviar link' }).click();
  await page.waitForURL(`${baseUrl}/sign-in/sent`);
  await page.goto(await signInLinkMailedTo(email));
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  await page.waitForURL(`${baseUrl}/partner`);
  return page;
}
