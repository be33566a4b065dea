import { lastBusinessDayOfMonth, nextBusinessDay } from './business-days.ts';
import { addDaysToIsoDate } from './holidays.ts';
import type { Policy } from './schema.ts';
import { addMonths, isoDateInZone, zonedTimeToInstant } from './zoned-time.ts';

type InvoicePolicy = Pick<Policy, 'invoices' | 'holidays'> & {
  agency: Pick<Policy['agency'], 'timeZone'>;
};

/** One month's invoice window, in the agency's time zone. */
export type InvoiceWindow = {
  // The month the window is in (YYYY-MM): invoices are submitted, and paid, in it.
  month: string;
  // The month of work the invoices of this window are for (YYYY-MM).
  competenceMonth: string;
  opensOn: string;
  closesOn: string;
  // From the first instant of opensOn to the first instant after closesOn, agency time.
  opensAt: Date;
  closesAt: Date;
  paymentDate: string;
};

const pad = (n: number) => String(n).padStart(2, '0');

/** The invoice window of a month (YYYY-MM), from the policy. */
export function invoiceWindowOf(month: string, rules: InvoicePolicy): InvoiceWindow {
  const { invoices, holidays, agency } = rules;
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const opensOn = `${month}-${pad(Math.min(invoices.windowOpensDay, lastDay))}`;
  const scheduledClose = `${month}-${pad(Math.min(invoices.windowClosesDay, lastDay))}`;
  const closesOn = invoices.extendCloseToNextBusinessDay
    ? nextBusinessDay(scheduledClose, holidays)
    : scheduledClose;
  return {
    month,
    competenceMonth: addMonths(month, invoices.competenceMonthOffset),
    opensOn,
    closesOn,
    opensAt: zonedTimeToInstant(opensOn, '00:00', agency.timeZone),
    closesAt: zonedTimeToInstant(addDaysToIsoDate(closesOn, 1), '00:00', agency.timeZone),
    paymentDate: lastBusinessDayOfMonth(year, monthNumber, holidays),
  };
}

/** Whether an instant falls inside a window: from its opening instant, up to (not at) its close. */
export function isWindowOpen(window: InvoiceWindow, now: Date): boolean {
  return now.getTime() >= window.opensAt.getTime() && now.getTime() < window.closesAt.getTime();
}

/**
 * The window that matters at an instant: this month's while it is open or yet to open,
 * otherwise next month's. `open` says whether invoices are accepted right now.
 */
export function invoiceWindowAt(
  now: Date,
  rules: InvoicePolicy,
): { open: boolean; window: InvoiceWindow } {
  const thisMonth = isoDateInZone(now, rules.agency.timeZone).slice(0, 7);
  const current = invoiceWindowOf(thisMonth, rules);
  if (now.getTime() < current.closesAt.getTime())
    return { open: isWindowOpen(current, now), window: current };
  return { open: false, window: invoiceWindowOf(addMonths(thisMonth, 1), rules) };
}

/** The next `count` windows from an instant: the current or coming one first. */
export function listInvoiceWindows(
  from: Date,
  count: number,
  rules: InvoicePolicy,
): InvoiceWindow[] {
  const first = invoiceWindowAt(from, rules).window;
  return Array.from({ length: count }, (_, i) => invoiceWindowOf(addMonths(first.month, i), rules));
}
