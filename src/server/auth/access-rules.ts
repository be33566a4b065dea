import { policy, type Role } from '../../policy/index.ts';

/** Who may reach a path: anyone, anyone signed in, or people holding one of the roles. */
export type Access = 'public' | 'signed_in' | readonly Role[];

/**
 * The one table of who reaches what, for pages and API alike; the longest matching prefix
 * wins. Anything not listed needs a signed-in person: a new page is closed until opened here.
 */
export const ACCESS_RULES: readonly { prefix: string; access: Access }[] = [
  { prefix: '/sign-in', access: 'public' },
  { prefix: '/preferences', access: 'public' },
  { prefix: '/forbidden', access: 'public' },
  { prefix: '/dev', access: 'public' },
  { prefix: '/api/health', access: 'public' },
  { prefix: '/api/preferences', access: 'public' },
  { prefix: '/api/auth/sign-in', access: 'public' },
  { prefix: '/api/auth/confirm', access: 'public' },
  // Client links: the token in the path is the credential, checked by the handler.
  { prefix: '/onboarding', access: 'public' },
  { prefix: '/api/onboarding', access: 'public' },
  { prefix: '/approval', access: 'public' },
  { prefix: '/api/approval', access: 'public' },
  // The satisfaction question (#21): its single-use token is the credential.
  { prefix: '/satisfaction', access: 'public' },
  { prefix: '/api/satisfaction', access: 'public' },
  { prefix: '/timeline-ack', access: 'public' },
  { prefix: '/api/timeline-ack', access: 'public' },
  // The client space: contacts, never partners; its own guard (spaceAccessFor) keeps it.
  { prefix: '/space', access: 'public' },
  { prefix: '/api/space', access: 'public' },
  { prefix: '/api/auth', access: 'signed_in' },
  { prefix: '/partner', access: 'signed_in' },
  { prefix: '/api/profile', access: 'signed_in' },
  // Partners on a client's team read it (checked per client); only CS and admins register one.
  { prefix: '/clients', access: ['cs', 'paid_traffic', 'organic_traffic', 'design', 'admin'] },
  { prefix: '/clients/new', access: ['cs', 'admin'] },
  { prefix: '/api/clients', access: ['cs', 'paid_traffic', 'organic_traffic', 'design', 'admin'] },
  // A person's own invoices (checked per invoice); finance and admins review all of them.
  { prefix: '/api/invoices', access: 'signed_in' },
  // Not /finance: that is the handbook's section on invoices.
  { prefix: '/review', access: ['finance', 'admin'] },
  { prefix: '/api/finance', access: ['finance', 'admin'] },
  // Pieces and their approval rounds: Design works on them too (checked per piece); the heads
  // of design and traffic review their discipline's versions before the client.
  { prefix: '/pieces', access: ['cs', 'design', 'admin', 'head_of_design', 'head_of_traffic'] },
  {
    prefix: '/api/pieces',
    access: ['cs', 'design', 'admin', 'head_of_design', 'head_of_traffic'],
  },
  // Requests sent by clients from their space: triaged by their CS (checked per client) and admins.
  { prefix: '/requests', access: ['cs', 'admin'] },
  { prefix: '/api/requests', access: ['cs', 'admin'] },
  // A client's request forms: its CS (checked per client) and admins.
  { prefix: '/api/request-templates', access: ['cs', 'admin'] },
  // A client's daily cost check: its CS or paid-traffic partner (checked per client) and admins.
  { prefix: '/api/campaign-checks', access: ['cs', 'paid_traffic', 'admin'] },
  // A client's cost norms: its CS or paid-traffic partner (checked per client) and admins.
  { prefix: '/api/cost-norms', access: ['cs', 'paid_traffic', 'admin'] },
  // A client's imports of the ads manager's export: the same people (checked per client).
  { prefix: '/api/campaign-imports', access: ['cs', 'paid_traffic', 'admin'] },
  // A client's timeline: everyone on its team reads it; who writes each kind is checked per
  // client by policy.timeline (CS, paid traffic, admins).
  {
    prefix: '/api/timeline',
    access: ['cs', 'paid_traffic', 'organic_traffic', 'design', 'admin'],
  },
  // A partner's own scorecard (#21): the roles the policy keeps one for; admins see everyone's
  // under /admin/scorecard.
  { prefix: '/scorecard', access: policy.incentives.scorecardRoles },
  { prefix: '/admin', access: ['admin'] },
  { prefix: '/api/people', access: ['admin'] },
];

/** True when `path` is `prefix` or lies under it (whole segments only). */
function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}

/** The access rule of a path. */
export function accessFor(pathname: string): Access {
  let best: { prefix: string; access: Access } | undefined;
  for (const rule of ACCESS_RULES) {
    if (isUnder(pathname, rule.prefix) && rule.prefix.length > (best?.prefix.length ?? -1)) {
      best = rule;
    }
  }
  return best?.access ?? 'signed_in';
}

export type AccessDecision = 'allow' | 'sign_in' | 'forbidden';

/** Whether someone with these roles (null: not signed in) may go on. */
export function decideAccess(access: Access, roles: readonly Role[] | null): AccessDecision {
  if (access === 'public') return 'allow';
  if (roles === null) return 'sign_in';
  if (access === 'signed_in') return 'allow';
  return access.some((role) => roles.includes(role)) ? 'allow' : 'forbidden';
}
