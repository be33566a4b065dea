import type { Role } from '../../policy/index.ts';
import { accessFor, decideAccess } from '../auth/access-rules.ts';

/** The partner area's sections, in the order the navigation lists them. */
const SECTIONS = [
  { key: 'home', href: '/partner' },
  { key: 'invoices', href: '/partner/invoices' },
  { key: 'review', href: '/review/invoices' },
  { key: 'clients', href: '/clients' },
  { key: 'pieces', href: '/pieces' },
  { key: 'tasks', href: '/tasks' },
  // Requests clients sent from their space: CS triages them (see ACCESS_RULES).
  { key: 'requests', href: '/requests' },
  // A partner's own scorecard, and every partner's for admins (#21).
  { key: 'scorecard', href: '/scorecard' },
  { key: 'teamScorecard', href: '/admin/scorecard' },
  { key: 'people', href: '/admin/people' },
] as const;

export type NavigationKey = (typeof SECTIONS)[number]['key'];
export type NavigationItem = { key: NavigationKey; href: string; current: boolean };

const isUnder = (pathname: string, href: string) =>
  pathname === href || pathname.startsWith(`${href}/`);

/**
 * The sections a person may open, asked of the access table (so a link shows exactly when its
 * page lets them in), with the one the page belongs to marked: the longest section path the
 * page is under (/partner/invoices is "invoices", not "home").
 */
export function navigationFor(roles: readonly Role[], pathname: string): NavigationItem[] {
  const open = SECTIONS.filter(
    (section) => decideAccess(accessFor(section.href), roles) === 'allow',
  );
  const current = open
    .filter((section) => isUnder(pathname, section.href))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return open.map((section) => ({ ...section, current: section === current }));
}
