import type { TimelineEntryKind } from '../../../db/schema/index.ts';
import { formatCalendarDate, formatMoney, type Locale } from '../../i18n/index.ts';
import type { Policy } from '../../policy/index.ts';

/** The fields of an entry a client reads, by the name the entry's content stores them under. */
export type ClientField =
  | 'participants'
  | 'summary'
  | 'link'
  | 'discussed'
  | 'decisions'
  | 'decided'
  | 'context'
  | 'text'
  | 'dueOn'
  | 'amount';

// What each kind shows the client, in order: its own fields only, so nothing else stored in
// an entry's content (now or later) reaches the client by accident.
const SHOWN: Record<TimelineEntryKind, readonly ClientField[]> = {
  monthly_report: ['summary', 'link'],
  minutes: ['participants', 'discussed', 'decisions'],
  decision: ['decided', 'context'],
  media_payment: ['dueOn', 'amount'],
  note: ['text'],
};

/** One field as the page shows it: its label's key, the text, and a link when it is one. */
export type ShownField = { field: ClientField; text: string; href: string | null };

/**
 * An entry's stored fields, read back — the one place the content's JSON is parsed (the
 * pages, the form, the print page and the export all read it here); a content that is not
 * an object reads as none.
 */
export function entryFields(content: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(content);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** An https address, or null: anything else typed in a link field is shown as text, never linked. */
function httpsHref(value: string): string | null {
  try {
    return new URL(value).protocol === 'https:' ? value : null;
  } catch {
    return null;
  }
}

/**
 * The names of a meeting's participants as the minutes store them (the agency's people and
 * the client's contacts with their names copied, then the others as typed): names only,
 * never an id.
 */
function participantNames(value: unknown): string[] {
  if (!value || typeof value !== 'object') return [];
  const { agency, contacts, others } = value as Record<string, unknown>;
  const named = [agency, contacts].flatMap((people) =>
    Array.isArray(people)
      ? people.flatMap((person: unknown) => {
          const name = (person as { name?: unknown } | null)?.name;
          return typeof name === 'string' && name.trim() ? [name.trim()] : [];
        })
      : [],
  );
  const typed =
    typeof others === 'string'
      ? others
          .split(/[\n,;]+/)
          .map((name) => name.trim())
          .filter(Boolean)
      : Array.isArray(others)
        ? others.filter((name): name is string => typeof name === 'string' && name.trim() !== '')
        : [];
  return [...named, ...typed];
}

/**
 * What the client reads of an entry's content: the kind's own fields that hold something, in
 * the kind's order; dates and amounts in the reader's language. Text stays text (the page
 * escapes it); a link is linked only when it is https.
 */
export function clientFieldsOf(
  kind: TimelineEntryKind,
  content: string,
  locale: Locale,
  rules: { agency: Pick<Policy['agency'], 'currency'> },
): ShownField[] {
  const values = entryFields(content);
  return SHOWN[kind].flatMap((field): ShownField[] => {
    const value = values[field];
    if (field === 'participants') {
      const names = participantNames(value);
      return names.length > 0 ? [{ field, text: names.join(', '), href: null }] : [];
    }
    if (field === 'amount') {
      // Stored in minor units, with the currency it was typed in (the agency's by default).
      const currency =
        typeof values.currency === 'string' ? values.currency : rules.agency.currency;
      return typeof value === 'number' && Number.isFinite(value)
        ? [{ field, text: formatMoney(value, currency, locale), href: null }]
        : [];
    }
    if (typeof value !== 'string' || value.trim() === '') return [];
    if (field === 'dueOn' && /^\d{4}-\d{2}-\d{2}$/.test(value))
      return [{ field, text: formatCalendarDate(value, locale), href: null }];
    return [{ field, text: value, href: field === 'link' ? httpsHref(value) : null }];
  });
}
