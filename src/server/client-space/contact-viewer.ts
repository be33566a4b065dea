import type { Locale } from '../../i18n/locales.ts';

/**
 * A client contact signed in to the client space, with the client they chose: what decides
 * what they may see and do there. Never a partner: no roles, no user id.
 */
export type ContactViewer = {
  sessionId: string;
  contactId: string;
  clientId: string;
  clientName: string;
  name: string;
  email: string;
  locale: Locale;
  mayApprovePieces: boolean;
};
