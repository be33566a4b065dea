import { z } from 'zod';
import { safeReturnPath } from './return-path.ts';

/** Attaches a catalog message to a zod check; the error handler shows it next to the field. */
export const fieldMessage = (messageKey: string) => ({ params: { messageKey } });

/** True for a YYYY-MM-DD that names a day of the calendar (no 2026-13-01, no 2026-02-30). */
export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

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
