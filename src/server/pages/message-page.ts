import type { Locale } from '../../i18n/index.ts';
import { policy } from '../../policy/index.ts';
import { accentOnWhite } from '../../styles/brand-style.ts';
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
  // Drawn without the stylesheet (its hashed name belongs to the build): the agency's name,
  // logo and accent inline, so even this page is recognisably theirs.
  const { name, branding } = policy.agency;
  const brand = `<header style="display:flex;align-items:center;gap:.5rem;font-weight:700;font-size:1.125rem;color:${accentOnWhite(branding.accent)}"><img src="${branding.logo}" alt="" width="32" height="32">${escapeHtml(name)}</header>`;
  const html = `<!doctype html><html lang="${page.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body style="font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif;color:#2e323a;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.6">${brand}<main><h1 style="color:#17181c">${title}</h1><p role="alert">${escapeHtml(page.message)}</p></main></body></html>`;
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
