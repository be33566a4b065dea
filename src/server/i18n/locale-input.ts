import { z } from 'zod';
import { LOCALES } from '../../i18n/locales.ts';
import { returnPath } from '../forms/input-fields.ts';

/** The language a visitor chooses, and the page to go back to. */
export const localeInput = z.object({
  locale: z.enum(LOCALES),
  returnTo: returnPath.optional(),
});
