import type { Database } from '../../../db/client.ts';
import { TIMELINE_ENTRY_KINDS, type TimelineEntryKind } from '../../../db/schema/index.ts';
import { isoDateInZone, PARTNER_ROLES, type Policy } from '../../policy/index.ts';
import type { Viewer } from '../auth/viewer.ts';
import { entryFields } from './space-timeline-view.ts';
import { loadTimelineWriteContext } from './timeline-entry-context.ts';
import { acceptedFileTypes } from './timeline-files.ts';
import {
  latestReportablePeriod,
  mayAskAcknowledgement,
  mayReadTimeline,
  mayWriteKind,
} from './timeline-rules.ts';

type FormRules = Pick<Policy, 'timeline'> & { agency: Pick<Policy['agency'], 'timeZone'> };

/**
 * The entry form's page, new (`kind` from the address) or an edit (`entryId`), in one round
 * trip: the client, the contacts an entry may name or e-mail, the people present or asked
 * (its CS and team, each in their role), and for an edit the entry as saved. Null when the
 * viewer does not see the client, the entry is not the client's, or the kind is unknown.
 * `mayWrite` false: the page says so instead of a form.
 */
export async function loadTimelineFormPage(
  db: Database,
  viewer: Viewer,
  target: { clientId: string; kind: string | null; entryId: string | null },
  rules: FormRules,
  now: Date,
) {
  const context = await loadTimelineWriteContext(db, target.clientId, target.entryId);
  if (!context) return null;
  const { facts, existing } = context;
  if (target.entryId && !existing) return null;
  const kind = (existing?.entry.kind ?? target.kind) as TimelineEntryKind;
  if (!TIMELINE_ENTRY_KINDS.includes(kind)) return null;
  if (!mayReadTimeline(viewer, facts)) return null;
  const today = isoDateInZone(now, rules.agency.timeZone);
  // Whom an action item may ask: the client's CS, each role anyone on the team, or one of them.
  const assignees = PARTNER_ROLES.flatMap((role) => {
    const people =
      role === 'cs'
        ? [{ userId: facts.client.csUserId, name: facts.csName }]
        : facts.team.filter((member) => member.role === role);
    return [
      { value: role, role, name: null },
      ...people.map((person) => ({ value: `${role}:${person.userId}`, role, name: person.name })),
    ];
  });
  return {
    client: { id: facts.client.id, name: facts.client.name },
    kind,
    mayWrite: mayWriteKind(viewer, facts, kind, rules),
    asksAcknowledgement: mayAskAcknowledgement(kind, rules),
    accept: acceptedFileTypes(kind, rules),
    contacts: context.contacts,
    people: [...context.people.values()].map(({ id, name }) => ({ id, name })),
    assignees,
    today,
    latestPeriod: latestReportablePeriod(today, rules),
    entry: existing
      ? {
          ...existing.entry,
          fields: entryFields(existing.entry.content),
          contactIds: existing.recipients.flatMap((r) => (r.contactId ? [r.contactId] : [])),
          fileCount: existing.fileCount,
        }
      : null,
  };
}
