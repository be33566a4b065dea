import { desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { prebuiltRead } from '../../../db/prebuilt-read.ts';
import { invoices, users } from '../../../db/schema/index.ts';
import { invoiceWindowAt, type Policy } from '../../policy/index.ts';
import { reviewerDisciplinesOf } from '../approvals/internal-review-rules.ts';
import { partnerHomeFor } from '../auth/partner-home.ts';
import type { Viewer } from '../auth/viewer.ts';
import { readRequestsAwaitingTriage } from '../client-requests/request-pages.ts';
import type { DeadlinePolicy } from '../deadlines/deadline-rules.ts';
import { hasPaymentDetails } from '../invoices/submission-rule.ts';
import type { ReportDeadlinePolicy } from '../timeline/report-deadline-rules.ts';
import { type CostCheckHomePolicy, readCostChecksToday } from './cost-checks-today.ts';
import { deadlinesDueTodayFrom, readDeadlinesDueToday } from './deadlines-today.ts';
import { financeTodayFrom, readFinanceToday } from './finance-today.ts';
import { gatherReads } from './home-batch.ts';
import { gatherReportsDue } from './reports-due.ts';
import { readReviewsWaiting } from './reviews-today.ts';
import {
  blockOf,
  readMyRequests,
  readOpenQuestionnaires,
  readPiecesIn,
  readTasksToMe,
} from './work-today.ts';

export type HomePolicy = Pick<Policy, 'invoices' | 'holidays' | 'agency' | 'approvals'> &
  DeadlinePolicy &
  ReportDeadlinePolicy &
  CostCheckHomePolicy;

/**
 * The partner home, "what needs me today": for everyone, the invoice window with their own
 * invoice of it and whether their profile lets them be paid; then the blocks of their roles
 * (partnerHomeFor decides which). The reads are one batch, a CS's deadlines included (each
 * client's next deadline is stored): one round trip, whatever the roles. A block a person does not
 * have is null, and nothing is read for it.
 */
export async function loadHomePage(db: Database, viewer: Viewer, rules: HomePolicy, now: Date) {
  const home = partnerHomeFor(viewer);
  const { blocks } = home;
  const { open, window } = invoiceWindowAt(now, rules);
  const me = viewer.id;
  const batch = gatherReads(db);
  const profile = batch.add(readProfile(db, { person: me }));
  const myInvoice = batch.add(readNewestInvoice(db, { person: me }));
  const finance = blocks.finance
    ? batch.addAll(readFinanceToday(db, window.competenceMonth))
    : null;
  const piecesOf = (
    owner: Parameters<typeof readPiecesIn>[1],
    ...statuses: Parameters<typeof readPiecesIn>[2][]
  ) => statuses.map((status) => batch.add(readPiecesIn(db, owner, status)));
  const clientPieces = blocks.clientPieces
    ? piecesOf({ csOf: me }, 'awaiting_approval', 'changes_requested')
    : null;
  const questionnaires = blocks.clientDeadlines ? batch.add(readOpenQuestionnaires(db, me)) : null;
  const deadlines = blocks.clientDeadlines
    ? batch.addAll(readDeadlinesDueToday(db, viewer, rules, now))
    : null;
  // Last month's reports the CS's clients still owe, from the reminder day on.
  const reportsDue = blocks.clientDeadlines ? gatherReportsDue(batch, db, me, rules, now) : null;
  const designPieces = blocks.designPieces
    ? piecesOf({ designerOf: me }, 'in_production', 'changes_requested')
    : null;
  const tasksToMe = blocks.tasksToMe ? batch.add(readTasksToMe(db, viewer)) : null;
  const myRequests = blocks.myRequests ? batch.add(readMyRequests(db, viewer)) : null;
  // Whoever may review internally (a head of a discipline, an admin) sees what waits for them.
  const reviewDisciplines = reviewerDisciplinesOf(viewer.roles, rules);
  const reviews =
    reviewDisciplines.length > 0 ? batch.add(readReviewsWaiting(db, reviewDisciplines)) : null;

  // Requests clients sent from their space, waiting for triage: their CS's, and an admin's all.
  const triageable = viewer.roles.includes('cs') || viewer.roles.includes('admin');
  const requests = triageable ? batch.add(readRequestsAwaitingTriage(db, viewer)) : null;

  // Today's campaign-cost checks of a paid-traffic partner's, a CS's or an admin's clients.
  const costChecks = readCostChecksToday(db, viewer, rules, now);
  const costCheckRows = costChecks ? batch.add(costChecks.read) : null;

  const rows = await batch.run();
  const [awaitingClient, clientChanges] = clientPieces?.map((take) => blockOf(take(rows))) ?? [];
  const [inProduction, designChanges] = designPieces?.map((take) => blockOf(take(rows))) ?? [];
  return {
    mustRead: home.mustRead,
    mayOpen: home.mayOpen,
    invoice: {
      open,
      window,
      latest: myInvoice(rows)[0] ?? null,
      profileReady: hasPaymentDetails(profile(rows)[0]),
    },
    finance: finance ? financeTodayFrom(finance(rows)) : null,
    clients:
      deadlines && questionnaires
        ? {
            deadlines: deadlinesDueTodayFrom(deadlines(rows), rules, now),
            questionnaires: blockOf(questionnaires(rows)),
            reportsDue: reportsDue ? reportsDue(rows) : null,
          }
        : null,
    clientPieces:
      awaitingClient && clientChanges ? { awaitingClient, changes: clientChanges } : null,
    designPieces: inProduction && designChanges ? { inProduction, changes: designChanges } : null,
    tasksToMe: tasksToMe ? blockOf(tasksToMe(rows)) : null,
    myRequests: myRequests ? blockOf(myRequests(rows)) : null,
    reviewsWaiting: reviews ? blockOf(reviews(rows)) : null,
    clientRequests: requests ? blockOf(requests(rows)) : null,
    costChecks: costChecks && costCheckRows ? costChecks.from(costCheckRows(rows)) : null,
  };
}

export type HomePage = Awaited<ReturnType<typeof loadHomePage>>;

// Printed once, the person a placeholder (see prebuiltRead).
const PERSON = sql.placeholder('person');
const readProfile = prebuiltRead((db) =>
  db.select({ taxId: users.taxId, pixKey: users.pixKey }).from(users).where(eq(users.id, PERSON)),
);
// Their newest invoice: the window's once sent, else the one before, still in review or
// sent back with a divergence (what they are waiting on, or must correct).
const readNewestInvoice = prebuiltRead((db) =>
  db
    .select({
      id: invoices.id,
      competenceMonth: invoices.competenceMonth,
      status: invoices.status,
      paymentDueOn: invoices.paymentDueOn,
    })
    .from(invoices)
    .where(eq(invoices.partnerId, PERSON))
    .orderBy(desc(invoices.competenceMonth))
    .limit(1),
);
