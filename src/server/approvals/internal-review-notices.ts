import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import {
  clients,
  internalReviews,
  pieces,
  pieceVersions,
  userRoles,
  users,
} from '../../../db/schema/index.ts';
import type { Role } from '../../policy/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import { queueMailWhen } from '../mail/outbox.ts';
import { piecePageUrl } from './approval-mail.ts';
import { internalReviewMail } from './internal-review-mail.ts';
import {
  type InternalReviewNotice,
  type InternalReviewPolicy,
  internalReviewNoticeDue,
  reviewerRoleOf,
} from './internal-review-rules.ts';

type Person = { id: string; name: string; email: string; locale: string; role: Role };

/**
 * The scheduled notices of internal reviews, each sent once: the reviewers of the piece's
 * discipline (its heads; the admins when it has none) are reminded before a review is due,
 * and the admins are told once it is overdue. `remindedAt` / `escalatedAt` are set in the
 * same batch as the e-mails and the event, and only while the review is still open.
 */
export async function sendInternalReviewNotices(
  db: Database,
  rules: InternalReviewPolicy,
  now: Date,
  origin: string,
) {
  const headRoles = Object.values(rules.approvals.internalReview.reviewerRoleByDiscipline);
  const [open, people] = await db.batch([
    db
      .select({
        id: internalReviews.id,
        discipline: internalReviews.discipline,
        openedAt: internalReviews.createdAt,
        dueAt: internalReviews.dueAt,
        remindedAt: internalReviews.remindedAt,
        escalatedAt: internalReviews.escalatedAt,
        pieceId: aliased(pieces.id, 'piece_id'),
        title: pieces.title,
        version: pieceVersions.number,
        clientName: aliased(clients.name, 'client_name'),
      })
      .from(internalReviews)
      .innerJoin(pieces, eq(pieces.id, internalReviews.pieceId))
      .innerJoin(pieceVersions, eq(pieceVersions.id, internalReviews.versionId))
      .innerJoin(clients, eq(clients.id, pieces.clientId))
      .where(and(eq(internalReviews.status, 'open'), isNull(internalReviews.escalatedAt))),
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        locale: users.locale,
        role: userRoles.role,
      })
      .from(users)
      .innerJoin(userRoles, eq(userRoles.userId, users.id))
      .where(and(eq(users.active, true), inArray(userRoles.role, [...headRoles, 'admin']))),
  ]);
  const holding = (role: Role | undefined) => people.filter((p: Person) => p.role === role);
  const admins = holding('admin');
  let reminded = 0;
  let escalated = 0;
  const writes = open.flatMap((review) => {
    const notice = internalReviewNoticeDue(review, now, rules);
    if (!notice) return [];
    if (notice === 'reminder') reminded += 1;
    else escalated += 1;
    const heads = holding(reviewerRoleOf(review.discipline, rules));
    const to = notice === 'escalation' || heads.length === 0 ? admins : heads;
    return noticeWrites(db, rules, { review, notice, to, origin }, now);
  });
  const [first, ...rest] = writes;
  if (first) await db.batch([first, ...rest]);
  return { reminded, escalated };
}

/** One notice's writes: the mark that it was sent, an e-mail to each person, the event. */
function noticeWrites(
  db: Database,
  rules: InternalReviewPolicy,
  input: {
    review: {
      id: string;
      pieceId: string;
      title: string;
      version: number;
      clientName: string;
      dueAt: Date;
    };
    notice: InternalReviewNotice;
    to: Person[];
    origin: string;
  },
  now: Date,
) {
  const { review, notice } = input;
  const column = notice === 'reminder' ? internalReviews.remindedAt : internalReviews.escalatedAt;
  const markedNow = sql`exists (select 1 from ${internalReviews} where ${internalReviews.id} = ${review.id} and ${column} = ${now.getTime()})`;
  const mark = notice === 'reminder' ? { remindedAt: now } : { escalatedAt: now };
  // Each person once, though they hold several of the roles asked.
  const people = [...new Map(input.to.map((p) => [p.id, p])).values()];
  return [
    db
      .update(internalReviews)
      .set(mark)
      .where(
        and(eq(internalReviews.id, review.id), eq(internalReviews.status, 'open'), isNull(column)),
      ),
    ...people.map((person) =>
      queueMailWhen(
        db,
        {
          idempotencyKey: `internal-review-${notice}:${review.id}:${person.id}`,
          to: person.email,
          ...internalReviewMail(person, notice, {
            title: review.title,
            version: review.version,
            client: review.clientName,
            dueAt: review.dueAt,
            timeZone: rules.agency.timeZone,
            url: piecePageUrl(input.origin, review.pieceId),
          }),
        },
        now,
        markedNow,
      ),
    ),
    recordEventWhen(
      db,
      {
        actorId: null,
        action: notice === 'reminder' ? 'internal_review_reminded' : 'internal_review_escalated',
        subjectType: 'piece',
        subjectId: review.pieceId,
        ip: null,
        data: { version: review.version },
      },
      now,
      markedNow,
    ),
  ];
}
