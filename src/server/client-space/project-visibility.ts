import { eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import {
  approvalLinks,
  approvalRounds,
  clients,
  events,
  pieces,
  pieceVersions,
  projects,
} from '../../../db/schema/index.ts';
import { mayPlanForClient } from '../approvals/approval-rules.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import type { ContactViewer } from './contact-viewer.ts';

/**
 * What the client space shows a contact: the pieces of their client's projects the agency
 * made visible. Every read of the space starts from this condition (on `pieces` joined with
 * their `projects`), so a piece of another client or of a hidden project is simply not found:
 * 404, never a refusal.
 */
export function seenInSpace(viewer: Pick<ContactViewer, 'clientId'>): SQL {
  return sql`${pieces.clientId} = ${viewer.clientId} and ${projects.clientId} = ${viewer.clientId} and ${projects.visibleToClient} = 1`;
}

/**
 * A version the client was sent (a round of it gave one of their contacts a link): the only
 * versions the space shows or serves, as the e-mailed link never reaches one still inside the
 * agency. The condition is on `piece_versions`.
 */
export function sentToClient(): SQL {
  return sql`exists (select 1 from ${approvalLinks} inner join ${approvalRounds} on ${approvalRounds.id} = ${approvalLinks.roundId} where ${approvalRounds.versionId} = ${pieceVersions.id})`;
}

export type VisibilityProblem = 'not_found';

/**
 * The agency's switch: whether a project's pieces are shown to its client's contacts in the
 * space. Only the client's CS or an admin turns it; anyone else is told the project is not
 * there (nothing written). Setting what is already set writes nothing; two at once write one
 * event, as the event is written only while the project still holds the old value.
 */
export async function setProjectVisibility(
  db: Database,
  input: { projectId: string; visible: boolean; user: Viewer; actor: Actor },
  now: Date,
): Promise<
  { ok: true; clientId: string; changed: boolean } | { ok: false; error: VisibilityProblem }
> {
  const [project] = await db
    .select({
      id: projects.id,
      clientId: projects.clientId,
      name: projects.name,
      visibleToClient: projects.visibleToClient,
      clientCsId: clients.csUserId,
    })
    .from(projects)
    .innerJoin(clients, eq(clients.id, projects.clientId))
    .where(eq(projects.id, input.projectId));
  if (!project || !mayPlanForClient(input.user, project)) return { ok: false, error: 'not_found' };
  if (project.visibleToClient === input.visible)
    return { ok: true, clientId: project.clientId, changed: false };
  const stillOld = sql`exists (select 1 from ${projects} where ${projects.id} = ${project.id} and ${projects.visibleToClient} = ${input.visible ? 0 : 1})`;
  const [event] = await db.batch([
    recordEventWhen(
      db,
      {
        actorId: input.actor.id,
        action: input.visible ? 'project_shown_to_client' : 'project_hidden_from_client',
        subjectType: 'project',
        subjectId: project.id,
        ip: input.actor.ip,
        data: { projectName: project.name, clientId: project.clientId },
      },
      now,
      stillOld,
    ).returning({ id: events.id }),
    db.update(projects).set({ visibleToClient: input.visible }).where(eq(projects.id, project.id)),
  ]);
  return { ok: true, clientId: project.clientId, changed: event.length > 0 };
}
