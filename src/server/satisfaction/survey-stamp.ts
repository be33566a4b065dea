import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding';
import { feedbackKey } from '../forms/form-feedback.ts';

// The purpose is signed too, so a stamp can never pass for a feedback cookie, or the reverse.
const signature = (surveyId: string, issuedAtMs: number, key: Uint8Array) =>
  hmac(SHA256, key, new TextEncoder().encode(`satisfaction-issued:${surveyId}:${issuedAtMs}`));

/**
 * The hidden field the survey page carries: when the page was drawn, signed with the form
 * secret, so its POST can prove the page stayed open long enough (a scanner cannot forge an
 * older time). Bound to the survey: a stamp of another survey does not count.
 */
export function stampIssuedAt(surveyId: string, issuedAt: Date, secret: string | undefined) {
  const ms = issuedAt.getTime();
  return `${ms}.${encodeBase64urlNoPadding(signature(surveyId, ms, feedbackKey(secret)))}`;
}

/** The time a stamp was issued for this survey, or null when we did not sign it as it is. */
export function readIssuedAt(
  surveyId: string,
  stamp: string,
  secret: string | undefined,
): Date | null {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{20,64})$/.exec(stamp);
  if (!match) return null;
  const ms = Number(match[1]);
  try {
    const mac = decodeBase64urlIgnorePadding(match[2] ?? '');
    return constantTimeEqual(mac, signature(surveyId, ms, feedbackKey(secret)))
      ? new Date(ms)
      : null;
  } catch {
    return null;
  }
}
