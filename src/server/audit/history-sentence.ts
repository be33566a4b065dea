import {
  CATALOGS,
  formatCalendarDate,
  type Locale,
  type MessageKey,
  type Translator,
} from '../../i18n/index.ts';
import type { Role } from '../../policy/index.ts';
import type { HistoryEntry } from './event-history.ts';

type HistoryAction = keyof (typeof CATALOGS)['pt-BR']['history']['events'];

// What a person does on their own account: their name says enough, no role beside it.
const OWN_ACCOUNT = new Set([
  'invoice_submitted',
  'invoice_corrected',
  'profile_updated',
  'sign_in',
  'sign_out',
  'sign_out_everywhere',
  'sign_in_link_sent',
  'sign_in_link_refused',
]);

// The role an action is taken in, where a person may hold several (an admin who is also
// finance approved an invoice as finance); other actions name the person's first role.
const ACTING_ROLES: Record<string, Role[]> = {
  invoice_approved: ['finance', 'admin'],
  invoice_divergent: ['finance', 'admin'],
  invoice_paid: ['finance', 'admin'],
  invitation: ['admin'],
  roles_changed: ['admin'],
  deactivated: ['admin'],
  reactivated: ['admin'],
};

/** The role to name beside who acted, or null when the action needs none (or they hold none). */
export function actingRole(action: string, roles: readonly Role[]): Role | null {
  if (OWN_ACCOUNT.has(action)) return null;
  const preferred = ACTING_ROLES[action]?.find((role) => roles.includes(role));
  return preferred ?? roles[0] ?? null;
}

/** The catalog key of an entry's sentence: one per action, a generic one for any other. */
export function sentenceKey(entry: Pick<HistoryEntry, 'action' | 'data'>): MessageKey {
  // A decision's event names its outcome in its data; each outcome has its own sentence.
  const action =
    entry.action === 'approval_decided'
      ? `approval_decided_${String(entry.data?.decision)}`
      : entry.action;
  return action in CATALOGS['pt-BR'].history.events
    ? `history.events.${action as HistoryAction}`
    : 'history.unknown';
}

const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/**
 * An event as a sentence in the reader's language, naming who acted — "Marta (financeiro)
 * apontou uma divergência: …" — and never its code.
 */
export function describeEvent(
  entry: HistoryEntry,
  reader: { t: Translator; locale: Locale },
): string {
  const { t, locale } = reader;
  const role = entry.actor ? actingRole(entry.action, entry.actor.roles) : null;
  const who = entry.actor
    ? role
      ? t('history.actorWithRole', { name: entry.actor.name, role: t(`history.roles.${role}`) })
      : entry.actor.name
    : (entry.contactName ??
      // Without a person of the agency, an approval's actor is the client's contact.
      (entry.action.startsWith('approval_') ? t('history.theClient') : t('history.ponte')));
  const data = entry.data ?? {};
  const paidOn = text(data.paidOn);
  const sentence = t(sentenceKey(entry), {
    who,
    contact: entry.contactName ?? t('history.theClient'),
    version: text(data.version),
    project: text(data.projectName),
    number: text(data.number),
    message: text(data.message),
    date: /^\d{4}-\d{2}-\d{2}$/.test(paidOn) ? formatCalendarDate(paidOn, locale) : paidOn,
  });
  // What the person wrote with the action (a task's comment) follows the sentence.
  const note = text(data.comment);
  const told = note ? t('history.withNote', { sentence, note }) : sentence;
  // A sentence may open with a word written lower-case inside others ("o cliente").
  return told.charAt(0).toLocaleUpperCase(locale) + told.slice(1);
}
