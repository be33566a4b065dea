import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { events, invoices, users } from '../../../db/schema/index.ts';
import { invoiceWindowAt, type Policy } from '../../policy/index.ts';
import { historyEntryOf, readEventHistory } from '../audit/event-history.ts';
import { listPartnerInvoices } from './review-invoices.ts';
import { hasPaymentDetails, submissionProblem } from './submission-rule.ts';

/**
 * What a partner's invoices page shows: the window at this instant, their invoices, this
 * month's if any, what happened to the newest (in sentences, with who acted), and whether
 * the form is offered (the rule the submission applies). One round trip.
 */
export async function loadPartnerInvoicesPage(
  db: Database,
  rules: Pick<Policy, 'invoices' | 'holidays' | 'agency'>,
  partnerId: string,
  now: Date,
) {
  const { open, window } = invoiceWindowAt(now, rules);
  // The partner's newest invoice (the one they follow until it is paid), found inside the
  // same read as its events.
  const newestInvoice = db
    .select({ id: invoices.id })
    .from(invoices)
    .where(eq(invoices.partnerId, partnerId))
    .orderBy(desc(invoices.competenceMonth))
    .limit(1);
  const [profiles, history, newestEvents] = await db.batch([
    db
      .select({ taxId: users.taxId, pixKey: users.pixKey })
      .from(users)
      .where(eq(users.id, partnerId)),
    listPartnerInvoices(db, partnerId),
    readEventHistory(
      db,
      and(eq(events.subjectType, 'invoice'), inArray(events.subjectId, newestInvoice)),
      50,
    ),
  ]);
  const current = history.find((invoice) => invoice.competenceMonth === window.competenceMonth);
  return {
    open,
    window,
    history,
    current,
    // What happened to the newest invoice (history[0]), newest first.
    newestHistory: newestEvents.map(historyEntryOf),
    profileReady: hasPaymentDetails(profiles[0]),
    maySubmit: submissionProblem({ open, profile: profiles[0], current }) === null,
  };
}
