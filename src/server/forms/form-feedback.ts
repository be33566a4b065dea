import { z } from 'zod';

/**
 * What a form post leaves for the page it returns to (a plain form has no JavaScript to
 * show errors): a notice or an error, messages per field, and the values typed, so a
 * refused form comes back filled in. Kept for a minute in a cookie, read once.
 */
export const FEEDBACK_COOKIE = 'ponte_feedback';

const feedbackSchema = z.object({
  // Which form on the page was refused, when a page has several (its hidden `formId` field).
  formId: z.string().max(40).optional(),
  notice: z.string().optional(),
  error: z.string().optional(),
  fields: z.record(z.string(), z.string()).optional(),
  values: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
});

export type FormFeedback = z.infer<typeof feedbackSchema>;

// Browsers keep cookies up to about 4 KB; typed values are dropped rather than the message.
const MAX_COOKIE_CHARS = 3500;

const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const fromBase64Url = (value: string) =>
  new TextDecoder().decode(
    Uint8Array.from(atob(value.replace(/-/g, '+').replace(/_/g, '/')), (char) =>
      char.charCodeAt(0),
    ),
  );

/** The cookie value for some feedback. */
export function encodeFeedback(feedback: FormFeedback): string {
  const full = toBase64Url(JSON.stringify(feedback));
  if (full.length <= MAX_COOKIE_CHARS) return full;
  const { values: _dropped, ...rest } = feedback;
  return toBase64Url(JSON.stringify(rest));
}

/** The feedback in a cookie value, or null when there is none or it was tampered with. */
export function decodeFeedback(value: string | undefined): FormFeedback | null {
  if (!value) return null;
  try {
    const parsed = feedbackSchema.safeParse(JSON.parse(fromBase64Url(value)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The feedback for one form of a page with several: its field messages and values, or null. */
export function feedbackFor(feedback: FormFeedback | null, formId: string): FormFeedback | null {
  return feedback?.formId === formId ? feedback : null;
}

/** The value typed into a field last time, for refilling a refused form. */
export function typedValue(feedback: FormFeedback | null, field: string): string | undefined {
  const value = feedback?.values?.[field];
  return Array.isArray(value) ? value[0] : value;
}

type CookieJar = {
  get(name: string): { value: string } | undefined;
  delete(name: string, options: { path: string }): void;
};

/** Reads the feedback a form post left for this page, and clears it so a reload does not repeat it. */
export function takeFeedback(cookies: CookieJar): FormFeedback | null {
  const feedback = decodeFeedback(cookies.get(FEEDBACK_COOKIE)?.value);
  if (cookies.get(FEEDBACK_COOKIE)) cookies.delete(FEEDBACK_COOKIE, { path: '/' });
  return feedback;
}
