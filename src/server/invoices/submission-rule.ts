import type { InvoiceStatus } from '../../../db/schema/index.ts';

/** Why a partner cannot submit this month's invoice. */
export type SubmissionProblem = 'window_closed' | 'profile_incomplete' | 'already_submitted';

type PaymentDetails = { taxId: string | null; pixKey: string | null } | undefined;

/** A partner is paid by PIX against their tax id: both are needed before an invoice. */
export function hasPaymentDetails(profile: PaymentDetails): boolean {
  return Boolean(profile?.taxId && profile.pixKey);
}

/**
 * Whether a partner may submit the invoice of the open window's competence month: while the
 * window is open, with a tax id and a PIX key, and only once, unless finance found a
 * divergence (the partner then corrects it). Null when they may.
 */
export function submissionProblem(facts: {
  open: boolean;
  profile: PaymentDetails;
  current: { status: InvoiceStatus } | undefined;
}): SubmissionProblem | null {
  if (!facts.open) return 'window_closed';
  if (!hasPaymentDetails(facts.profile)) return 'profile_incomplete';
  if (facts.current && facts.current.status !== 'divergent') return 'already_submitted';
  return null;
}
