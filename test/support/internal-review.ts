import { postJson, signIn } from './sign-in.ts';
import type { TestApp } from './test-app.ts';

export const HEAD_OF_DESIGN = 'lider.design@ponte.example';
export const HEAD_OF_TRAFFIC = 'lider.trafego@ponte.example';

// One sign-in per app and person: signing in again and again would meet the rate limit.
const cookies = new WeakMap<object, Map<string, string>>();

/** A session of a demo person, signed in once per app. */
export async function sessionOf(app: TestApp, email: string): Promise<string> {
  let known = cookies.get(app);
  if (!known) {
    known = new Map();
    cookies.set(app, known);
  }
  const found = known.get(email);
  if (found) return found;
  const cookie = await signIn(app, email);
  known.set(email, cookie);
  return cookie;
}

/** A reviewer's decision on a version's internal review, as the piece page posts it. */
export function decideInternally(
  app: TestApp,
  cookie: string,
  pieceId: string,
  body: { version: number; decision: 'approved' | 'changes_requested'; message?: string },
) {
  return app.request(`/api/pieces/${pieceId}/internal-review`, postJson(body, { cookie }));
}

/**
 * The head of design approves a version inside the agency: the step a social post or a
 * banner passes before CS may send it (the approval tests that send such a piece take it).
 */
export async function approveInternally(app: TestApp, pieceId: string, version = 1) {
  const response = await decideInternally(app, await sessionOf(app, HEAD_OF_DESIGN), pieceId, {
    version,
    decision: 'approved',
  });
  if (response.status !== 200) throw new Error(`internal approval: ${response.status}`);
}
