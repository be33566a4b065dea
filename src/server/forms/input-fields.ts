import { z } from 'zod';
import { safeReturnPath } from './return-path.ts';

/** Attaches a catalog message to a zod check; the error handler shows it next to the field. */
export const fieldMessage = (messageKey: string) => ({ params: { messageKey } });

// The years a typed date may name. Not an agency rule: a guard for the calendar arithmetic.
// Stored dates are YYYY-MM-DD text, and the rules add days to them (a loss days after a
// service's end, a due day's end): a typed 9999-12-31 became 10000-01-… and every scorecard
// read threw. Nine centuries either side of today leave room for any policy's days.
const TYPED_YEARS = { from: 1900, to: 2999 };

/**
 * True for a YYYY-MM-DD that names a day of the calendar (no 2026-13-01, no 2026-02-30) in
 * the years a typed date may name (TYPED_YEARS).
 */
export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (year < TYPED_YEARS.from || year > TYPED_YEARS.to) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A required calendar date field (isRealDate), refused with the date message. */
export const calendarDate = () =>
  z.string().trim().refine(isRealDate, fieldMessage('fields.invalidDate'));

/** Optional text: empty means null; when given, at most `max` characters and passing `check`. */
export const optionalText = (
  max: number,
  check?: (value: string) => boolean,
  messageKey = 'fields.invalidFormat',
) =>
  z
    .string()
    .default('')
    .transform((value) => value.trim())
    .pipe(z.string().max(max))
    .transform((value) => (value === '' ? null : value))
    .refine((value) => value === null || !check || check(value), fieldMessage(messageKey));

/** A form checkbox is "on" when ticked and absent when not; JSON sends a boolean. */
export const checkbox = z.preprocess(
  (value) => value === 'on' || value === 'true' || value === true,
  z.boolean(),
);

/** A form sends one ticked box of a group as a string and several as a list. */
export const oneOrMany = <Item extends z.ZodType>(item: Item) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/**
 * A form's `returnTo`: the path of ours it names (see safeReturnPath), or null for anything
 * else, so the page's default applies instead of a refusal.
 */
export const returnPath = z.unknown().transform(safeReturnPath);
