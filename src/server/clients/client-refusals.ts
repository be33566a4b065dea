import { NOT_FOUND, type RefusalTable } from '../forms/refusals.ts';

/** What refuses work on clients, their contacts and their teams. */
export const CLIENT_REFUSALS = {
  not_found: NOT_FOUND,
  // Only CS (for themselves) and admins register clients; team partners only read them.
  forbidden: { status: 403, code: 'forbidden', messageKey: 'errors.forbidden' },
  not_cs: { status: 400, code: 'not_cs', messageKey: 'fields.notCs', field: 'csUserId' },
  not_in_role: {
    status: 400,
    code: 'not_in_role',
    messageKey: 'fields.notInRole',
    field: 'userId',
  },
} as const satisfies RefusalTable<string>;
