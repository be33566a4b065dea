import {
  PIECE_DISCIPLINES,
  type PieceDiscipline,
  type PieceKind,
} from '../../../db/schema/index.ts';
import { addBusinessHours, type Policy, type Role } from '../../policy/index.ts';

/** The parts of the policy the internal review reads. */
export type InternalReviewPolicy = Pick<Policy, 'approvals' | 'businessHours' | 'holidays'> & {
  agency: Pick<Policy['agency'], 'timeZone'>;
};

/** Whether a version of a piece of this kind is agreed inside the agency before the client. */
export function needsInternalReview(kind: PieceKind, rules: Pick<Policy, 'approvals'>): boolean {
  return rules.approvals.internalReview.kinds.includes(kind);
}

/** The department that makes a piece of this kind unless its creator picks another. */
export function defaultDisciplineOf(
  kind: PieceKind,
  rules: Pick<Policy, 'approvals'>,
): PieceDiscipline {
  return rules.approvals.disciplineByKind[kind] ?? 'design';
}

/**
 * The disciplines whose pieces a person may review inside the agency: those whose head role
 * they hold; an admin reviews every discipline.
 */
export function reviewerDisciplinesOf(
  roles: readonly Role[],
  rules: Pick<Policy, 'approvals'>,
): PieceDiscipline[] {
  if (roles.includes('admin')) return [...PIECE_DISCIPLINES];
  const byDiscipline = rules.approvals.internalReview.reviewerRoleByDiscipline;
  return PIECE_DISCIPLINES.filter((discipline) => {
    const role = byDiscipline[discipline];
    return role !== undefined && roles.includes(role);
  });
}

/** Whether a person with these roles (now, at decision time) may review a piece's discipline. */
export function mayReviewInternally(
  roles: readonly Role[],
  discipline: PieceDiscipline,
  rules: Pick<Policy, 'approvals'>,
): boolean {
  return reviewerDisciplinesOf(roles, rules).includes(discipline);
}

/**
 * Whether this person may decide the review of a version they uploaded: the policy's
 * `uploaderMayReview` (false — a second person reviews); anyone else's version, always.
 */
export function mayDecideOwnUpload(
  reviewerId: string,
  uploaderId: string | null,
  rules: Pick<Policy, 'approvals'>,
): boolean {
  return reviewerId !== uploaderId || rules.approvals.internalReview.uploaderMayReview;
}

/** The role that reviews a discipline's pieces (admins aside). */
export function reviewerRoleOf(
  discipline: PieceDiscipline,
  rules: Pick<Policy, 'approvals'>,
): Role | undefined {
  return rules.approvals.internalReview.reviewerRoleByDiscipline[discipline];
}

/** When an internal review opened at `openedAt` is due: the policy's business hours later. */
export function internalReviewDueAt(openedAt: Date, rules: InternalReviewPolicy): Date {
  return addBusinessHours(openedAt, rules.approvals.internalReview.dueWithinBusinessHours, rules);
}

/** When the reviewers are reminded: the policy's business hours before the review is due. */
export function internalReviewReminderAt(openedAt: Date, rules: InternalReviewPolicy): Date {
  const { dueWithinBusinessHours, reminderBeforeBusinessHours } = rules.approvals.internalReview;
  return addBusinessHours(openedAt, dueWithinBusinessHours - reminderBeforeBusinessHours, rules);
}

export type InternalReviewNotice = 'reminder' | 'escalation';

/**
 * Which notice an open review is owed at `now`, each sent once: the escalation to the admins
 * from the moment it is due, the reminder to the reviewers from its reminder time until then.
 */
export function internalReviewNoticeDue(
  review: { openedAt: Date; dueAt: Date; remindedAt: Date | null; escalatedAt: Date | null },
  now: Date,
  rules: InternalReviewPolicy,
): InternalReviewNotice | null {
  if (now.getTime() >= review.dueAt.getTime()) return review.escalatedAt ? null : 'escalation';
  if (review.remindedAt) return null;
  return now.getTime() >= internalReviewReminderAt(review.openedAt, rules).getTime()
    ? 'reminder'
    : null;
}
