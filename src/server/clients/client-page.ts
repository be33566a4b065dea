import { and, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { events, projects } from '../../../db/schema/index.ts';
import { isoDateInZone } from '../../policy/index.ts';
import { historyEntryOf, readEventHistory } from '../audit/event-history.ts';
import type { Viewer } from '../auth/viewer.ts';
import {
  figuresSinceLaunchFrom,
  readFiguresSinceLaunch,
} from '../campaign-costs/campaign-page-check-in.ts';
import { listChangeRequests } from '../deadlines/change-requests.ts';
import { clientPipelineOf, listClientStages } from '../deadlines/client-pipeline.ts';
import type { DeadlinePolicy } from '../deadlines/deadline-rules.ts';
import { clientOnboardingFrom, readClientOnboarding } from '../onboarding/onboarding-review.ts';
import { readClientRefunds } from '../refunds/record-refund.ts';
import { readClientRenewals } from '../renewals/record-renewal.ts';
import { renewedServiceStartsOn } from '../renewals/renewal-rules.ts';
import {
  clientTeamFrom,
  clientViewFor,
  listTeamCandidates,
  readClientTeam,
} from './client-teams.ts';
import { clientFor, listCsPartners, readClientWithContacts } from './clients.ts';

/** Where a contact's onboarding link stands, from their newest link. */
export type LinkState =
  | { state: 'notSent' | 'revoked' | 'expired' }
  | { state: 'opened' | 'sent'; at: Date };

/**
 * What happened to a client: the events about the client itself, and about its projects
 * (which one the agency showed in the client space or hid, by whom).
 */
function readClientHistory(db: Database, clientId: string) {
  return readEventHistory(
    db,
    or(
      and(eq(events.subjectType, 'client'), eq(events.subjectId, clientId)),
      and(
        eq(events.subjectType, 'project'),
        inArray(
          events.subjectId,
          db.select({ id: projects.id }).from(projects).where(eq(projects.clientId, clientId)),
        ),
      ),
    ),
    50,
  );
}

/**
 * A client's page, in one round trip: for anyone who sees the client, its details and team;
 * for who keeps it (its CS, an admin), also its contacts with their onboarding link's state,
 * the questionnaire's progress, the pipeline's deadlines, the renewals, refunds and change requests; for an
 * admin, the CS partners it may be handed to; and its history for who keeps it. Null when the viewer does not see the client.
 */
export async function loadClientPage(
  db: Database,
  viewer: Viewer,
  clientId: string,
  rules: DeadlinePolicy,
  now: Date,
) {
  const [client, team, cs, candidates, csPartners, found, contacts, ...rest] = await db.batch([
    ...readClientTeam(db, clientId),
    listTeamCandidates(db),
    listCsPartners(db),
    ...readClientWithContacts(db, clientId),
    listClientStages(db, clientId),
    listChangeRequests(db, clientId),
    readClientHistory(db, clientId),
    readClientRefunds(db, clientId),
    readClientRenewals(db, clientId),
    readFiguresSinceLaunch(db, clientId, rules),
    ...readClientOnboarding(db, clientId),
  ]);
  const view = clientViewFor(viewer, clientTeamFrom([client, team, cs]), candidates);
  if (!view) return null;
  const isAdmin = viewer.roles.includes('admin');
  const kept = view.mayManage ? clientFor(viewer, [found, contacts]) : null;
  if (!kept) return { view, isAdmin, csPartners: isAdmin ? csPartners : [], managed: null };
  const [stages, changes, history, refunds, renewals, launchFigures, ...onboardingRows] = rest;
  const { onboarding, receivedAt } = clientOnboardingFrom(onboardingRows);
  // The newest link of each contact tells where they are.
  const latestLink = (contactId: string) =>
    onboarding?.links.filter((l) => l.contactId === contactId).at(-1);
  const linkState = (contactId: string): LinkState => {
    const link = latestLink(contactId);
    if (!link) return { state: 'notSent' };
    if (link.revokedAt) return { state: 'revoked' };
    if (link.expiresAt <= now) return { state: 'expired' };
    if (link.lastOpenedAt) return { state: 'opened', at: link.lastOpenedAt };
    return { state: 'sent', at: link.createdAt };
  };
  return {
    view,
    isAdmin,
    csPartners: isAdmin ? csPartners : [],
    managed: {
      client: kept.client,
      contacts: kept.contacts.map((contact) => ({
        ...contact,
        link: linkState(contact.id),
        mayRevokeLink: Boolean(latestLink(contact.id) && !latestLink(contact.id)?.revokedAt),
      })),
      onboarding,
      receivedAt,
      pipeline: clientPipelineOf(stages, renewals, kept.client.serviceEndsOn, rules, now),
      changes: changes.map((change) => ({
        ...change,
        overdue: !change.doneAt && change.dueAt <= now,
      })),
      history: history.map(historyEntryOf),
      refunds,
      renewals,
      // The start of the service today is in: a renewed one's, or null for the first service.
      renewedServiceStartsOn: renewedServiceStartsOn(
        isoDateInZone(now, rules.agency.timeZone),
        renewals.map((renewal) => renewal.serviceEndsOn),
      ),
      // The 7-day check-in's figures, beside the pipeline.
      figuresSinceLaunch: figuresSinceLaunchFrom(
        launchFigures,
        stages.find((stage) => stage.kind === 'launched')?.occurredAt,
        rules,
      ),
    },
  };
}
