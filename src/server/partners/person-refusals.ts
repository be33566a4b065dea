import { NOT_FOUND, type RefusalTable } from '../forms/refusals.ts';

/** What refuses an admin's change to people, or a person's own profile. */
export const PERSON_REFUSALS = {
  not_found: NOT_FOUND,
  // Nobody removes their own roles or access: an agency must not lock its last admin out.
  own_access: { status: 409, code: 'own_access', messageKey: 'admin.cannotChangeOwnAccess' },
  email_taken: {
    status: 409,
    code: 'email_taken',
    messageKey: 'fields.emailTaken',
    field: 'email',
  },
} as const satisfies RefusalTable<string>;
