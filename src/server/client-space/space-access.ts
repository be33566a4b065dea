/**
 * Who reaches a path of the client space: anyone (sign-in), anyone holding a space session
 * (the choice of client, sign-out), or a signed-in contact with their client chosen (all the
 * rest). Null for paths outside the space, which the partner access table governs.
 */
export type SpaceAccess = 'public' | 'session' | 'contact';

const SPACE_RULES: readonly { prefix: string; access: SpaceAccess }[] = [
  { prefix: '/space/sign-in', access: 'public' },
  { prefix: '/api/space/auth/sign-in', access: 'public' },
  { prefix: '/api/space/auth/confirm', access: 'public' },
  { prefix: '/space/choose', access: 'session' },
  { prefix: '/api/space/auth/choose', access: 'session' },
  { prefix: '/api/space/auth/sign-out', access: 'session' },
  { prefix: '/api/space/auth/sign-out-everywhere', access: 'session' },
];

/** True when `path` is `prefix` or lies under it (whole segments only). */
function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** The space's access rule of a path (the longest matching prefix), or null outside the space. */
export function spaceAccessFor(pathname: string): SpaceAccess | null {
  if (!isUnder(pathname, '/space') && !isUnder(pathname, '/api/space')) return null;
  let best: { prefix: string; access: SpaceAccess } | undefined;
  for (const rule of SPACE_RULES) {
    if (isUnder(pathname, rule.prefix) && rule.prefix.length > (best?.prefix.length ?? -1)) {
      best = rule;
    }
  }
  return best?.access ?? 'contact';
}

export type SpaceDecision = 'allow' | 'sign_in' | 'choose';

/** Whether a visitor with this session (null: none; contact null: not chosen yet) may go on. */
export function decideSpaceAccess(
  access: SpaceAccess,
  session: { contact: unknown } | null,
): SpaceDecision {
  if (access === 'public') return 'allow';
  if (!session) return 'sign_in';
  if (access === 'session' || session.contact) return 'allow';
  return 'choose';
}
