import { handbookHomeHref, handbookHref } from '../../handbook/reading-lists.ts';
import type { Locale } from '../../i18n/index.ts';
import { pickText, policy, type Role } from '../../policy/index.ts';
import { accessFor } from '../auth/access-rules.ts';
import { PARTNER_HOME } from '../forms/return-path.ts';

// The handbook page that says what each role does and reads.
const ROLES_PAGE = 'start/reading-order';

/** Where the app's not-found page points: the partner home and the handbook. */
export function loadNotFoundPage(locale: Locale) {
  return { home: PARTNER_HOME, handbook: handbookHomeHref(locale) };
}

/**
 * What the forbidden page says: the roles that reach the page the person opened (by the same
 * access table the guard applied), as words in their language, or null when the table names
 * no role; a way home, and the handbook page about roles.
 */
export function loadForbiddenPage(openedPath: string, locale: Locale, signedIn: boolean) {
  const access = accessFor(openedPath);
  const roles: readonly Role[] = typeof access === 'string' ? [] : access;
  const names = roles.map((role) => pickText(policy.roles[role].label, locale));
  const list = new Intl.ListFormat(locale, { type: 'disjunction' });
  return {
    neededRoles: names.length > 0 ? list.format(names) : null,
    home: signedIn ? PARTNER_HOME : '/sign-in',
    rolesHandbook: handbookHref(ROLES_PAGE, locale),
    handbook: handbookHomeHref(locale),
  };
}
