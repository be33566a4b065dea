import { createD1Database } from '../../db/client.ts';
import { openLocalBindings } from '../../db/local-bindings.ts';
import { contactSessions } from '../../db/schema/index.ts';
import { generateSecretToken, hashToken } from '../../src/server/auth/tokens.ts';
import { SPACE_COOKIE } from '../../src/server/client-space/space-cookie.ts';

/**
 * A demo contact signed in to the client space (the seed lets Rita use it), as the space's
 * sign-in leaves them: a session row and its cookie, for the pictures of the space's pages.
 */
export async function demoSpaceCookie(state: string, contact: { id: string; email: string }) {
  const local = await openLocalBindings(state);
  try {
    const token = generateSecretToken();
    const now = new Date();
    await createD1Database(local.DB)
      .insert(contactSessions)
      .values({
        id: hashToken(token),
        email: contact.email,
        contactId: contact.id,
        createdAt: now,
        lastVerifiedAt: now,
      });
    return `${SPACE_COOKIE}=${token}`;
  } finally {
    await local.dispose();
  }
}
