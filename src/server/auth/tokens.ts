import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** Random bytes in every secret token: 20 bytes are 160 bits, the floor DESIGN.md sets. */
export const TOKEN_BYTES = 20;

/** A new secret token (sessions, sign-in links), base32 so it survives URLs and e-mail clients. */
export function generateSecretToken(): string {
  const bytes = new Uint8Array(TOKEN_BYTES);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** The SHA-256 of a text, hex. */
export function sha256Hex(text: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(text)));
}

/** The stored form of a token: its SHA-256, never the token itself. */
export const hashToken = sha256Hex;

/** True when a string has the shape of one of our tokens; anything else is refused unread. */
export function looksLikeToken(value: string): boolean {
  return /^[a-z2-7]{32}$/.test(value);
}
