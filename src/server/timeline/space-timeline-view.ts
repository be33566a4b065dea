import type { TimelineEntryKind } from '../../../db/schema/index.ts';
import { formatCalendarDate, formatMoney, type Locale } from '../../i18n/index.ts';
import type { Policy } from '../../policy/index.ts';

/** The fields of an entry a client reads, by the name the entry's content stores them under. */
export type ClientField =
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
  minutes: ['discussed', 'decisions'],
  decision: ['decided', 'context'],
  media_payment: ['dueOn', 'amount'],
  note: ['text'],
};

/** One field as the page shows it: its label's key, the text, and a link when it is one. */
export type ShownField = { field: ClientField; text: string; href: string | null };

function parsed(content: string): Record<string, unknown> {
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
  const values = parsed(content);
  return SHOWN[kind].flatMap((field): ShownField[] => {
    const value = values[field];
    if (field === 'amount') {
      const minor = typeof value === 'number' ? value : values.amountMinor;
      return typeof minor === 'number' && Number.isFinite(minor)
        ? [{ field, text: formatMoney(minor, rules.agency.currency, locale), href: null }]
        : [];
    }
    if (typeof value !== 'string' || value.trim() === '') return [];
    if (field === 'dueOn' && /^\d{4}-\d{2}-\d{2}$/.test(value))
      return [{ field, text: formatCalendarDate(value, locale), href: null }];
    return [{ field, text: value, href: field === 'link' ? httpsHref(value) : null }];
  });
}
