import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { users } from '../../../db/schema/index.ts';
import { invoiceWindowAt, type Policy } from '../../policy/index.ts';
import { listPartnerInvoices } from './review-invoices.ts';
import { hasPaymentDetails, submissionProblem } from './submission-rule.ts';

/**
 * What a partner's invoices page shows: the window at this instant, their history, this
 * month's invoice if any, and whether the form is offered (the rule the submission applies).
 * One round trip.
 */
export async function loadPartnerInvoicesPage(
  db: Database,
  rules: Pick<Policy, 'invoices' | 'holidays' | 'agency'>,
  partnerId: string,
  now: Date,
) {
  const [profiles, history] = await db.batch([
    db
      .select({ taxId: users.taxId, pixKey: users.pixKey })
      .from(users)
      .where(eq(users.id, partnerId)),
    listPartnerInvoices(db, partnerId),
  ]);
  const { open, window } = invoiceWindowAt(now, rules);
  const current = history.find((invoice) => invoice.competenceMonth === window.competenceMonth);
  return {
    open,
    window,
    history,
    current,
    profileReady: hasPaymentDetails(profiles[0]),
    maySubmit: submissionProblem({ open, profile: profiles[0], current }) === null,
  };
}
