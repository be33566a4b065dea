import { z } from 'zod';
import { LOCALES } from '../../i18n/locales.ts';
import { ROLES } from '../../policy/index.ts';
import { fieldMessage } from '../forms/input-fields.ts';
import { parsePixKey } from './pix-key.ts';
import { classifyTaxId, normalizeTaxId } from './tax-id.ts';

// Custom issues carry the catalog key of their message (see src/i18n/zod-messages.ts).

const name = z.string().trim().min(1).max(120);
const email = z.string().trim().toLowerCase().pipe(z.email().max(254));

// A form sends one checkbox value as a string and several as a list; both mean a list.
const roleList = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.enum(ROLES)).refine((roles) => roles.length > 0, fieldMessage('fields.rolesRequired')),
);

/** What an admin types to invite a person. */
export const invitationInput = z.object({
  name,
  email,
  roles: roleList,
  locale: z.enum(LOCALES),
});

/** An admin's new set of roles for a person. */
export const rolesInput = z.object({ roles: roleList });

/** The e-mail a person types to get a sign-in link. */
export const signInInput = z.object({ email });

/** The token of the sign-in link a person opened, posted by the confirmation page. */
export const confirmInput = z.object({ token: z.string().min(1).max(100) });

// Empty means "not filled yet": partners fill these before their first invoice.
const optionalText = z
  .string()
  .trim()
  .max(120)
  .transform((value) => (value === '' ? null : value));

/** What a person may change in their own profile. */
export const profileInput = z.object({
  name,
  locale: z.enum(LOCALES),
  taxId: optionalText
    .transform((value) => (value === null ? null : normalizeTaxId(value)))
    .refine(
      (value) => value === null || classifyTaxId(value) !== null,
      fieldMessage('fields.invalidTaxId'),
    ),
  pixKey: optionalText
    .refine(
      (value) => value === null || parsePixKey(value) !== null,
      fieldMessage('fields.invalidPixKey'),
    )
    .transform((value) => (value === null ? null : (parsePixKey(value)?.key ?? null))),
});

export type InvitationInput = z.output<typeof invitationInput>;
export type ProfileInput = z.output<typeof profileInput>;
