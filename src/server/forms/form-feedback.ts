import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding';
import { z } from 'zod';

/**
 * What a form post leaves for the page it returns to (a plain form has no JavaScript to
 * show errors): a notice or an error, messages per field, and the values typed, so a
 * refused form comes back filled in. Kept for a minute in a cookie, read once.
 *
 * `__Host-`: only this host can set it (no sibling subdomain), and it is signed, so a page
 * shows only what our own API wrote (a planted message could be a phishing line).
 */
export const FEEDBACK_COOKIE = '__Host-ponte_feedback';

// A shorter FORM_SECRET could be guessed; refusing it is louder than accepting it.
const MIN_SECRET_CHARS = 32;

// When FORM_SECRET is not set, each Worker instance signs with its own random key: a cookie
// signed by another instance is dropped (its message lost), never trusted.
let instanceKey: Uint8Array | null = null;

/**
 * The key that signs feedback cookies: FORM_SECRET (required in production, where many
 * instances serve one agency), or a random key of this instance when it is not set.
 */
export function feedbackKey(secret: string | undefined): Uint8Array {
  if (secret === undefined) {
    instanceKey ??= crypto.getRandomValues(new Uint8Array(32));
    return instanceKey;
  }
  if (secret.length < MIN_SECRET_CHARS)
    throw new Error(`FORM_SECRET must be at least ${MIN_SECRET_CHARS} characters`);
  return new TextEncoder().encode(secret);
}

// The purpose is part of what is signed, so the same secret can never sign something else's value.
const signature = (payload: string, key: Uint8Array) =>
  hmac(SHA256, key, new TextEncoder().encode(`form-feedback:${payload}`));

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

// Without spreading the bytes into arguments: a long typed value would overflow the stack.
const toBase64Url = (text: string) => encodeBase64urlNoPadding(new TextEncoder().encode(text));

const fromBase64Url = (value: string) =>
  new TextDecoder().decode(decodeBase64urlIgnorePadding(value));

const signed = (payload: string, key: Uint8Array) =>
  `${payload}.${encodeBase64urlNoPadding(signature(payload, key))}`;

/** The signed cookie value for some feedback. */
export function encodeFeedback(feedback: FormFeedback, key: Uint8Array): string {
  const full = signed(toBase64Url(JSON.stringify(feedback)), key);
  if (full.length <= MAX_COOKIE_CHARS) return full;
  const { values: _dropped, ...rest } = feedback;
  return signed(toBase64Url(JSON.stringify(rest)), key);
}

/** The feedback in a cookie value, or null when there is none, or we did not sign it as it is. */
export function decodeFeedback(value: string | undefined, key: Uint8Array): FormFeedback | null {
  if (!value) return null;
  const [payload, mac, ...rest] = value.split('.');
  if (!payload || !mac || rest.length > 0) return null;
  try {
    if (!constantTimeEqual(decodeBase64urlIgnorePadding(mac), signature(payload, key))) return null;
    const parsed = feedbackSchema.safeParse(JSON.parse(fromBase64Url(payload)));
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

/** The attributes of the cookie: those a `__Host-` cookie must have, and no script may read it. */
export const feedbackCookieOptions = {
  path: '/',
  httpOnly: true,
  secure: true,
  sameSite: 'lax',
} as const;

// The parts of Astro's page context this reads (kept structural: no Astro import).
type PageContext = {
  cookies: {
    get(name: string): { value: string } | undefined;
    delete(name: string, options: typeof feedbackCookieOptions): void;
  };
  locals: { deps: { formSecret?: string } };
};

/** Reads the feedback a form post left for this page, and clears it so a reload does not repeat it. */
export function takeFeedback({ cookies, locals }: PageContext): FormFeedback | null {
  const cookie = cookies.get(FEEDBACK_COOKIE);
  if (!cookie) return null;
  // Deleting a __Host- cookie needs the same attributes, Secure included, or browsers ignore it.
  cookies.delete(FEEDBACK_COOKIE, feedbackCookieOptions);
  return decodeFeedback(cookie.value, feedbackKey(locals.deps.formSecret));
}
