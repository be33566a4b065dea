import type { Context } from 'hono';
import type { ApiEnv } from './api-env.ts';

/** The visitor's address as Cloudflare reports it; null outside Cloudflare (local tools). */
export function clientIp(c: Context<ApiEnv>): string | null {
  return c.req.header('CF-Connecting-IP') ?? null;
}

/**
 * The origin links in e-mails point to: the configured public origin (PUBLIC_ORIGIN), never
 * the request's own, whose Host header anyone can set to send a victim a link elsewhere.
 */
export function requestOrigin(c: Context<ApiEnv>): string {
  return c.get('deps').publicOrigin;
}

/** The signed-in person; only called on paths the access guard keeps for signed-in people. */
export function signedIn(c: Context<ApiEnv>) {
  const session = c.get('session');
  if (!session) throw new Error(`No session on ${c.req.path}: check ACCESS_RULES`);
  return session;
}

/** The signed-in person acting on this request, as the audit trail records them (with the IP). */
export function actingPerson(c: Context<ApiEnv>) {
  const { user } = signedIn(c);
  return { actor: { id: user.id, name: user.name, ip: clientIp(c) }, user };
}
