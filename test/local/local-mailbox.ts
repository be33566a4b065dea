import { startMailCaptureServer } from '../support/mail-capture-server.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

// Links in the text become clickable (the sign-in link is the one people need).
const linked = (text: string) =>
  escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

/**
 * The local run's mailbox: Resend's endpoint (the capture server the tests use) plus a page
 * at "/" listing what was delivered, newest first, so a sign-in link can be followed.
 */
export async function startLocalMailbox(port: number) {
  const mail = await startMailCaptureServer({
    port,
    page: (delivered) => {
      const items = [...delivered]
        .reverse()
        .map((message) => {
          const body = message.body as { to?: string | string[]; subject?: string; text?: string };
          return `<article><h2>${escapeHtml(String(body.subject ?? ''))}</h2><p>→ ${escapeHtml([body.to].flat().join(', '))}</p><pre>${linked(String(body.text ?? ''))}</pre></article>`;
        })
        .join('');
      return `<!doctype html><html lang="en"><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>Ponte · local mailbox</title><style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;background:#f4f5f7;padding:1rem;border-radius:.5rem}</style><h1>Local mailbox</h1><p>${delivered.length} message(s). This page reloads every 5 s.</p>${items || '<p>Nothing yet.</p>'}</html>`;
    },
  });
  return mail;
}
