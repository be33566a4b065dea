import type { Locale } from '../../i18n/index.ts';
import { escapeHtml } from '../mail/compose-mail.ts';

/**
 * A small page with a title and one message, where a full page cannot be drawn: a part that
 * is down, or a form posted to a client link that stopped working while its page was open.
 * Never cached, never leaked by Referer (its address may carry a token).
 */
export function messagePage(page: {
  status: number;
  locale: Locale;
  title: string;
  message: string;
  headers?: Record<string, string>;
}): Response {
  const title = escapeHtml(page.title);
  const html = `<!doctype html><html lang="${page.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5"><main><h1>${title}</h1><p role="alert">${escapeHtml(page.message)}</p></main></body></html>`;
  return new Response(html, {
    status: page.status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      ...page.headers,
    },
  });
}
