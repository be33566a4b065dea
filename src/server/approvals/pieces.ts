import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { RowsOf } from '../../../db/batch-rows.ts';
import type { Database } from '../../../db/client.ts';
import {
  clientContacts,
  clients,
  type PieceDiscipline,
  type PieceKind,
  pieces,
  pieceVersions,
  projects,
  userRoles,
  users,
} from '../../../db/schema/index.ts';
import { type Policy, policy } from '../../policy/index.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import { getClientFor } from '../clients/clients.ts';
import { OUTER_CLIENT_ID, onTeam } from '../clients/team-membership.ts';
import { mayPlanForClient } from './approval-rules.ts';
import { openClientThreadsOf } from './comment-threads.ts';
import { defaultDisciplineOf, reviewerDisciplinesOf } from './internal-review-rules.ts';
import { PIECE_SUMMARY } from './piece-columns.ts';
import { pieceDetailFor, readPieceDetail } from './piece-detail.ts';

/** Active Design partners: who a project may be given to. */
export function listDesigners(db: Database) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'design')))
    .where(eq(users.active, true))
    .orderBy(asc(users.name));
}

/** Starts a project for a client (its CS or an admin), optionally given to a designer. */
export async function createProject(
  db: Database,
  input: { clientId: string; name: string; designerId?: string; actor: Actor; user: Viewer },
  now: Date,
): Promise<{ ok: true; projectId: string } | { ok: false; error: 'not_found' | 'not_designer' }> {
  const found = await getClientFor(db, input.user, input.clientId);
  if (!found) return { ok: false, error: 'not_found' };
  if (input.designerId) {
    const designers = await listDesigners(db);
    if (!designers.some((d) => d.id === input.designerId))
      return { ok: false, error: 'not_designer' };
  }
  const projectId = crypto.randomUUID();
  await db.batch([
    db.insert(projects).values({
      id: projectId,
      clientId: input.clientId,
      name: input.name,
      designerId: input.designerId ?? null,
      createdAt: now,
      createdBy: input.actor.id,
    }),
    recordEvent(
      db,
      {
        actorId: input.actor.id,
        action: 'project_created',
        subjectType: 'client',
        subjectId: input.clientId,
        ip: input.actor.ip,
        data: { projectId, name: input.name },
      },
      now,
    ),
  ]);
  return { ok: true, projectId };
}

/**
 * Adds a piece to a project, in production until its first version is sent. Its discipline
 * (whose head reviews it inside the agency) is the one chosen, or the policy's for its kind.
 */
export async function createPiece(
  db: Database,
  rules: Pick<Policy, 'approvals'>,
  input: {
    projectId: string;
    title: string;
    kind: PieceKind;
    discipline?: PieceDiscipline;
    dueOn?: string;
    actor: Actor;
    user: Viewer;
  },
  now: Date,
): Promise<{ ok: true; pieceId: string } | { ok: false; error: 'not_found' }> {
  const [project] = await db
    .select({ clientId: projects.clientId, clientCsId: clients.csUserId })
    .from(projects)
    .innerJoin(clients, eq(clients.id, projects.clientId))
    .where(eq(projects.id, input.projectId));
  if (!project || !mayPlanForClient(input.user, project)) return { ok: false, error: 'not_found' };
  const pieceId = crypto.randomUUID();
  const discipline = input.discipline ?? defaultDisciplineOf(input.kind, rules);
  await db.batch([
    db.insert(pieces).values({
      id: pieceId,
      projectId: input.projectId,
      clientId: project.clientId,
      title: input.title,
      kind: input.kind,
      discipline,
      dueOn: input.dueOn ?? null,
      createdAt: now,
      createdBy: input.actor.id,
      updatedAt: now,
    }),
    recordEvent(
      db,
      {
        actorId: input.actor.id,
        action: 'piece_created',
        subjectType: 'piece',
        subjectId: pieceId,
        ip: input.actor.ip,
        data: { title: input.title, kind: input.kind, discipline },
      },
      now,
    ),
  ]);
  return { ok: true, pieceId };
}

/**
 * Which pieces a person sees: all for an admin, their clients' for CS; for Design the projects
 * given to them and those of the clients whose team they are on as Design; for the head of a
 * department, the pieces of the disciplines they review.
 */
function visibleTo(viewer: Viewer, { withReviewed }: { withReviewed: boolean }) {
  if (viewer.roles.includes('admin')) return undefined;
  const reviewed = withReviewed ? reviewerDisciplinesOf(viewer.roles, policy) : [];
  return or(
    viewer.roles.includes('cs') ? eq(clients.csUserId, viewer.id) : undefined,
    eq(projects.designerId, viewer.id),
    onTeam(viewer.id, OUTER_CLIENT_ID, 'design'),
    reviewed.length > 0 ? inArray(pieces.discipline, reviewed) : undefined,
  );
}

/** The reads behind the board (of one client, or all), for one batch: alone or with a page's others. */
export function readBoard(db: Database, viewer: Viewer, clientId?: string) {
  const seen = visibleTo(viewer, { withReviewed: true });
  // A project is shown to who works on it; a reviewer sees pieces, not the projects to plan.
  const seenProjects = visibleTo(viewer, { withReviewed: false });
  const ofClient = clientId ? eq(clients.id, clientId) : undefined;
  return [
    db
      .select({
        ...PIECE_SUMMARY,
        updatedAt: pieces.updatedAt,
        projectName: aliased(projects.name, 'project_name'),
        clientId: aliased(clients.id, 'client_id'),
        clientName: aliased(clients.name, 'client_name'),
        // The newest version's file, for the card's thumbnail (none before the first upload).
        fileType: aliased(pieceVersions.contentType, 'file_type'),
        fileWidth: aliased(pieceVersions.width, 'file_width'),
        fileHeight: aliased(pieceVersions.height, 'file_height'),
        // The client's threads still waiting on the agency (see openClientThreadsOf).
        openComments: openClientThreadsOf(pieces.id, pieces.latestVersion).as('open_comments'),
      })
      .from(pieces)
      .innerJoin(projects, eq(projects.id, pieces.projectId))
      .innerJoin(clients, eq(clients.id, pieces.clientId))
      .leftJoin(
        pieceVersions,
        and(eq(pieceVersions.pieceId, pieces.id), eq(pieceVersions.number, pieces.latestVersion)),
      )
      .where(and(seen, ofClient))
      .orderBy(asc(pieces.dueOn), asc(pieces.title)),
    db
      .select({
        id: projects.id,
        name: projects.name,
        clientId: aliased(clients.id, 'client_id'),
        clientName: aliased(clients.name, 'client_name'),
        clientCsId: clients.csUserId,
        designerName: aliased(users.name, 'designer_name'),
        // Whether the client follows it in the client space (#18).
        visibleToClient: projects.visibleToClient,
      })
      .from(projects)
      .innerJoin(clients, eq(clients.id, projects.clientId))
      .leftJoin(users, eq(users.id, projects.designerId))
      .where(and(seenProjects, ofClient))
      .orderBy(asc(clients.name), asc(projects.name)),
  ] as const;
}

/**
 * The board from its reads: the pieces a person sees, with their project and client, and the
 * projects they may add pieces to.
 */
export function boardFrom(
  viewer: Viewer,
  [rows, projectRows]: RowsOf<ReturnType<typeof readBoard>>,
) {
  return {
    pieces: rows,
    projects: projectRows.map((project) => ({
      ...project,
      mayAddPieces: mayPlanForClient(viewer, project),
    })),
  };
}

/** The board of the pieces a person sees, of one client or all. One round trip. */
export async function listBoard(db: Database, viewer: Viewer, clientId?: string) {
  return boardFrom(viewer, await db.batch(readBoard(db, viewer, clientId)));
}

/** A piece with what its page shows, for a viewer who may work on it; null otherwise. One round trip. */
export async function getPieceFor(db: Database, viewer: Viewer, pieceId: string) {
  return pieceDetailFor(viewer, await db.batch(readPieceDetail(db, pieceId)));
}

export type PieceView = NonNullable<Awaited<ReturnType<typeof getPieceFor>>>;

/** The client's contacts who may approve pieces: whom a round may be sent to. */
export function listApprovers(db: Database, clientId: string | SQL) {
  return db
    .select({
      id: clientContacts.id,
      name: clientContacts.name,
      email: clientContacts.email,
      locale: clientContacts.locale,
    })
    .from(clientContacts)
    .where(and(eq(clientContacts.clientId, clientId), eq(clientContacts.mayApprovePieces, true)))
    .orderBy(asc(clientContacts.name));
}
