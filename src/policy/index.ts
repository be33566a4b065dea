// The policy module: the single source of every rule, number and deadline.
import { agencyPolicy } from './agency-policy.ts';
import { parsePolicy } from './parse-policy.ts';

/** The agency's policy, validated when first imported. */
export const policy = parsePolicy(agencyPolicy);

export {
  addBusinessHours,
  isBusinessDay,
  lastBusinessDayOfMonth,
  nextBusinessDay,
} from './business-days.ts';
export {
  addDaysToIsoDate,
  computeEaster,
  type Holiday,
  isHoliday,
  listHolidays,
} from './holidays.ts';
export {
  type InvoiceWindow,
  invoiceWindowAt,
  invoiceWindowOf,
  isWindowOpen,
  listInvoiceWindows,
} from './invoice-calendar.ts';
export { mayDecideOnInvoice, type PaidOnProblem, paidOnProblem } from './invoice-review.ts';
export { pickText } from './localized-text.ts';
export { parsePolicy } from './parse-policy.ts';
export {
  type LocalizedText,
  PARTNER_ROLES,
  type PartnerRole,
  type Policy,
  ROLES,
  type Role,
  STAFF_ROLES,
} from './schema.ts';
export { mayRequestTask } from './task-routing.ts';
export { checkWebhookUrl, isPublicHostName, type WebhookUrlProblem } from './webhook-url.ts';
export { addMonths, clockTimeInZone, isoDateInZone, zonedTimeToInstant } from './zoned-time.ts';
