import { policy } from '../../policy/index.ts';
import { accentOnWhite } from '../../styles/brand-style.ts';

/** The parts of an e-mail, already translated by the caller. */
export type MailContent = {
  lang: string;
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer: string;
};

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML so names and messages typed by people can never inject markup. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/**
 * The agency's name, with its logo when the mail carries a link of ours: an e-mail needs an
 * absolute address for an image, and the action's origin is the site's (PUBLIC_ORIGIN).
 */
function brandHeader(action: MailContent['action'], accent: string): string {
  const { name, branding } = policy.agency;
  const logo = action
    ? `<img src="${escapeHtml(new URL(branding.emailLogo, action.url).href)}" alt="" width="32" height="32" style="vertical-align:middle;margin-right:8px;border:0">`
    : '';
  return `<p style="margin:0 0 24px;font-size:18px;font-weight:700;color:${accent}">${logo}${escapeHtml(name)}</p>`;
}

/**
 * A typed text made fit for a header line: line breaks and other control characters (which
 * could add a header or cut the subject short) become spaces. The HTML body escapes its own.
 */
export function headerLine(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are what it removes.
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}

/**
 * Builds the HTML and plain-text bodies of one e-mail from the same content. The subject is
 * made a single header line here, so no e-mail's subject can carry a typed line break (a
 * client's name, an entry's title).
 */
export function composeMail(content: MailContent): { subject: string; html: string; text: string } {
  const subject = headerLine(content.subject);
  const accent = accentOnWhite(policy.agency.branding.accent);
  const paragraphs = content.paragraphs.map(
    (paragraph) => `<p style="margin:0 0 16px">${escapeHtml(paragraph)}</p>`,
  );
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:${accent};color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(content.action.label)}</a></p>`
    : '';
  const html = `<!doctype html><html lang="${escapeHtml(content.lang)}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:system-ui,sans-serif;color:#1b1b1b;line-height:1.5;max-width:560px;margin:0 auto;padding:24px">${brandHeader(content.action, accent)}${paragraphs.join('')}${action}<hr style="border:none;border-top:1px solid #ddd;margin:24px 0"><p style="font-size:13px;color:#555">${escapeHtml(content.footer)}</p></body></html>`;
  const text = [
    ...content.paragraphs,
    ...(content.action ? [`${content.action.label}: ${content.action.url}`] : []),
    '--',
    content.footer,
  ].join('\n\n');
  return { subject, html, text };
}
