import type { Database } from '../../../db/client.ts';
import { isoDateInZone, mayDecideOnInvoice, type Policy } from '../../policy/index.ts';
import { historyEntryOf } from '../audit/event-history.ts';
import type { Viewer } from '../auth/viewer.ts';
import { approvedAtOf, getInvoiceFor } from './review-invoices.ts';

/**
 * One invoice's review page: the invoice, its partner and history (with who acted), whether the viewer may
 * decide on it (nobody on their own; the API refuses it too), and the payment date to offer —
 * the due day, kept between the approval day and today. Null when not the viewer's to see.
 * One round trip.
 */
export async function loadInvoicePage(
  db: Database,
  rules: { agency: Pick<Policy['agency'], 'timeZone'> },
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
  return {
    ...found,
    // In sentences, with who acted (see EventHistory).
    history: found.history.map(historyEntryOf),
    mayDecide: mayDecideOnInvoice(viewer.id, found.invoice),
    // biome-ignore lint/complexity/useMathMinMax: ISO dates are compared as text, not numbers
    paidOnDefault: due < approvedOn ? approvedOn : due > today ? today : due,
  };
}
