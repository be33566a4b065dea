import type { Database } from '../../../db/client.ts';
import {
  isoDateInZone,
  mayDecideOnInvoice,
  PARTNER_ROLES,
  type Policy,
} from '../../policy/index.ts';
import { historyEntryOf } from '../audit/event-history.ts';
import type { Viewer } from '../auth/viewer.ts';
import { type ExpectedAmount, loadExpectedAmount } from '../scorecard/expected-amount.ts';
import { isDueToClose } from '../scorecard/month-closing.ts';
import { earnsIncentives } from '../scorecard/scorecard-pay.ts';
import { approvedAtOf, getInvoiceFor, mayReviewInvoices } from './review-invoices.ts';

type Found = NonNullable<Awaited<ReturnType<typeof getInvoiceFor>>>;

/**
 * What the scorecard expects of the invoice's partner for its competence month, for finance
 * and admins only (null for anyone else). A partner the incentives do not pay costs no read
 * while the month is counted from the records (not due to close); one they pay, or any
 * partner's closed month (stored with whether they were paid then: a role changed since
 * changes nothing), costs the team loader's round trips (every paid partner's month decides
 * the best-of-month line, and the month is known only once the invoice is read).
 */
async function expectedAmountFor(
  db: Database,
  rules: Policy,
  viewer: Viewer,
  { invoice, partnerRoles }: Found,
  now: Date,
): Promise<ExpectedAmount | null> {
  if (!mayReviewInvoices(viewer)) return null;
  const held = (partnerRoles ?? '').split(',');
  const roles = PARTNER_ROLES.filter((role) => held.includes(role));
  const closed = isDueToClose(invoice.competenceMonth, rules, now);
  if (!closed && !earnsIncentives(roles, rules)) return { kind: 'notPaid' };
  return loadExpectedAmount(db, invoice, rules, now);
}

/**
 * One invoice's review page: the invoice, its partner and history (with who acted), whether the viewer may
 * decide on it (nobody on their own; the API refuses it too), the payment date to offer —
 * the due day, kept between the approval day and today — and the amount the scorecard
 * expects (see expectedAmountFor). Null when not the viewer's to see. One round trip, and the
 * team loader's (one; its contract allows 2) for a partner paid by the incentives.
 */
export async function loadInvoicePage(
  db: Database,
  rules: Policy,
  viewer: Viewer,
  invoiceId: string,
  now: Date,
) {
  const found = await getInvoiceFor(db, viewer, invoiceId);
  if (!found) return null;
  const zone = rules.agency.timeZone;
  const today = isoDateInZone(now, zone);
  const approvedOn = isoDateInZone(approvedAtOf(found), zone);
  const due = found.invoice.paymentDueOn;
  const { partnerRoles: _roles, ...shown } = found;
  return {
    ...shown,
    // In sentences, with who acted (see EventHistory).
    history: found.history.map(historyEntryOf),
    mayDecide: mayDecideOnInvoice(viewer.id, found.invoice),
    // biome-ignore lint/complexity/useMathMinMax: ISO dates are compared as text, not numbers
    paidOnDefault: due < approvedOn ? approvedOn : due > today ? today : due,
    expected: await expectedAmountFor(db, rules, viewer, found, now),
    // Admins reach any partner's scorecard; finance sees only the lines shown here.
    scorecardHref: viewer.roles.includes('admin')
      ? `/admin/scorecard/${encodeURIComponent(found.invoice.partnerId)}`
      : null,
  };
}
