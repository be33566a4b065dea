import { describe, expect, it } from 'vitest';
import { PIECE_DISCIPLINES, PIECE_KINDS } from '../../../db/schema/index.ts';
import { agencyPolicy } from '../../../src/policy/agency-policy.ts';
import { addBusinessHours, parsePolicy, policy } from '../../../src/policy/index.ts';
import {
  defaultDisciplineOf,
  internalReviewDueAt,
  internalReviewNoticeDue,
  internalReviewReminderAt,
  mayDecideOwnUpload,
  mayReviewInternally,
  needsInternalReview,
  reviewerDisciplinesOf,
} from '../../../src/server/approvals/internal-review-rules.ts';
import { internalReviewFor } from '../../../src/server/approvals/internal-review-view.ts';

// Agency time is UTC−3; business hours 10:00–20:00; the review is due in 4 business hours.
const sp = (isoLocal: string) => new Date(`${isoLocal}-03:00`);

describe('which pieces are reviewed inside the agency first', () => {
  it('social posts and banners are; e-mails, landing pages and others are not', () => {
    expect(needsInternalReview('social_post', policy)).toBe(true);
    expect(needsInternalReview('banner', policy)).toBe(true);
    expect(needsInternalReview('email', policy)).toBe(false);
    expect(needsInternalReview('landing_page', policy)).toBe(false);
    expect(needsInternalReview('other', policy)).toBe(false);
  });

  it('names only kinds and disciplines the database knows, and a discipline for every kind', () => {
    for (const kind of policy.approvals.internalReview.kinds) expect(PIECE_KINDS).toContain(kind);
    for (const kind of PIECE_KINDS) {
      expect(PIECE_DISCIPLINES).toContain(defaultDisciplineOf(kind, policy));
    }
    expect(Object.keys(policy.approvals.internalReview.reviewerRoleByDiscipline).sort()).toEqual(
      [...PIECE_DISCIPLINES].sort(),
    );
  });
});

describe('the policy of the internal review', () => {
  it('refuses a reminder that would come before the review opens, and an unknown kind', () => {
    const review = agencyPolicy.approvals.internalReview;
    const early = {
      ...agencyPolicy,
      approvals: {
        ...agencyPolicy.approvals,
        internalReview: { ...review, reminderBeforeBusinessHours: review.dueWithinBusinessHours },
      },
    };
    expect(() => parsePolicy(early)).toThrow(/internalReview\.reminderBeforeBusinessHours/);
    const unknownKind = {
      ...agencyPolicy,
      approvals: {
        ...agencyPolicy.approvals,
        internalReview: { ...review, kinds: ['billboard'] },
      },
    };
    expect(() => parsePolicy(unknownKind)).toThrow(/internalReview\.kinds/);
  });
});

describe('who reviews a discipline', () => {
  it('the head of design reviews design, the head of traffic traffic, an admin both', () => {
    expect(reviewerDisciplinesOf(['head_of_design'], policy)).toEqual(['design']);
    expect(reviewerDisciplinesOf(['design', 'head_of_traffic'], policy)).toEqual(['traffic']);
    expect(reviewerDisciplinesOf(['head_of_design', 'head_of_traffic'], policy)).toEqual([
      'design',
      'traffic',
    ]);
    expect(reviewerDisciplinesOf(['admin'], policy)).toEqual(['design', 'traffic']);
  });

  it('a designer, CS or traffic partner without the head role reviews nothing', () => {
    expect(reviewerDisciplinesOf(['design', 'cs', 'paid_traffic', 'finance'], policy)).toEqual([]);
    expect(mayReviewInternally(['design'], 'design', policy)).toBe(false);
    expect(mayReviewInternally(['head_of_traffic'], 'design', policy)).toBe(false);
    expect(mayReviewInternally(['head_of_traffic'], 'traffic', policy)).toBe(true);
    expect(mayReviewInternally(['admin'], 'design', policy)).toBe(true);
  });
});

describe('a second person reviews', () => {
  it('whoever uploaded a version may not decide it, unless the policy says they may', () => {
    expect(mayDecideOwnUpload('helena', 'helena', policy)).toBe(false);
    expect(mayDecideOwnUpload('helena', 'diego', policy)).toBe(true);
    // A version whose uploader is gone (no one recorded) is anyone's to review.
    expect(mayDecideOwnUpload('helena', null, policy)).toBe(true);
    const lenient = {
      approvals: {
        ...policy.approvals,
        internalReview: { ...policy.approvals.internalReview, uploaderMayReview: true },
      },
    };
    expect(mayDecideOwnUpload('helena', 'helena', lenient)).toBe(true);
  });

  it('gives the piece page’s decision form to a reviewer, never to the version’s uploader', () => {
    const open = {
      versionId: 'v1',
      version: 1,
      uploadedBy: 'helena',
      status: 'open' as const,
      dueAt: new Date(0),
      decidedAt: null,
      deciderName: null,
      message: null,
      sendToSameContacts: false,
    };
    const post = { kind: 'social_post' as const, discipline: 'design' as const };
    const head = (id: string) => ({ id, roles: ['head_of_design' as const] });
    expect(internalReviewFor(head('helena'), policy, post, 'v1', [open])?.mayDecide).toBe(false);
    expect(internalReviewFor(head('marta'), policy, post, 'v1', [open])?.mayDecide).toBe(true);
  });
});

describe('the internal review deadline in business hours', () => {
  it('opened at 10:00 is due at 14:00; at 16:00 exactly at closing, 20:00', () => {
    expect(internalReviewDueAt(sp('2026-03-10T10:00:00'), policy)).toEqual(
      sp('2026-03-10T14:00:00'),
    );
    expect(internalReviewDueAt(sp('2026-03-10T16:00:00'), policy)).toEqual(
      sp('2026-03-10T20:00:00'),
    );
  });

  it('a minute later runs into the next business day: 16:01 → 10:01 the next morning', () => {
    expect(internalReviewDueAt(sp('2026-03-10T16:01:00'), policy)).toEqual(
      sp('2026-03-11T10:01:00'),
    );
  });

  it('before opening counts from 10:00; at or after closing from the next opening', () => {
    expect(internalReviewDueAt(sp('2026-03-10T07:30:00'), policy)).toEqual(
      sp('2026-03-10T14:00:00'),
    );
    expect(internalReviewDueAt(sp('2026-03-10T20:00:00'), policy)).toEqual(
      sp('2026-03-11T14:00:00'),
    );
    expect(internalReviewDueAt(sp('2026-03-10T23:59:00'), policy)).toEqual(
      sp('2026-03-11T14:00:00'),
    );
  });

  it('skips the weekend: Friday 18:00 is due Monday 12:00; Saturday is due Monday 14:00', () => {
    expect(internalReviewDueAt(sp('2026-03-13T18:00:00'), policy)).toEqual(
      sp('2026-03-16T12:00:00'),
    );
    expect(internalReviewDueAt(sp('2026-03-14T12:00:00'), policy)).toEqual(
      sp('2026-03-16T14:00:00'),
    );
  });

  it('skips a holiday: Thursday 19:00 before Good Friday 2026 is due Monday 13:00', () => {
    expect(internalReviewDueAt(sp('2026-04-02T19:00:00'), policy)).toEqual(
      sp('2026-04-06T13:00:00'),
    );
  });

  it('reminds one business hour before it is due, across the night too', () => {
    expect(internalReviewReminderAt(sp('2026-03-10T10:00:00'), policy)).toEqual(
      sp('2026-03-10T13:00:00'),
    );
    expect(internalReviewReminderAt(sp('2026-03-10T18:00:00'), policy)).toEqual(
      sp('2026-03-11T11:00:00'),
    );
    expect(internalReviewReminderAt(sp('2026-03-10T17:00:00'), policy)).toEqual(
      sp('2026-03-10T20:00:00'),
    );
  });

  it('adds nothing past closing: zero hours after 20:00 is the next opening', () => {
    expect(addBusinessHours(sp('2026-03-10T20:30:00'), 0, policy)).toEqual(
      sp('2026-03-11T10:00:00'),
    );
  });
});

describe('the notices an open review is owed', () => {
  const openedAt = sp('2026-03-10T10:00:00');
  const review = {
    openedAt,
    dueAt: sp('2026-03-10T14:00:00'),
    remindedAt: null,
    escalatedAt: null,
  };

  it('nothing before the reminder time; the reminder from 13:00 exactly', () => {
    expect(internalReviewNoticeDue(review, sp('2026-03-10T12:59:59'), policy)).toBeNull();
    expect(internalReviewNoticeDue(review, sp('2026-03-10T13:00:00'), policy)).toBe('reminder');
  });

  it('the escalation from the due time exactly, once; the reminder once', () => {
    const reminded = { ...review, remindedAt: sp('2026-03-10T13:00:00') };
    expect(internalReviewNoticeDue(reminded, sp('2026-03-10T13:59:59'), policy)).toBeNull();
    expect(internalReviewNoticeDue(reminded, sp('2026-03-10T14:00:00'), policy)).toBe('escalation');
    const escalated = { ...reminded, escalatedAt: sp('2026-03-10T14:00:00') };
    expect(internalReviewNoticeDue(escalated, sp('2026-03-11T14:00:00'), policy)).toBeNull();
  });

  it('a review found late escalates without reminding first', () => {
    expect(internalReviewNoticeDue(review, sp('2026-03-10T15:00:00'), policy)).toBe('escalation');
  });
});
