import type { Database } from '../../../db/client.ts';
import type { Viewer } from '../auth/viewer.ts';
import { listClientDeadlines } from '../deadlines/client-pipeline.ts';
import { getClientFor, listCsPartners, mayRegisterClients } from './clients.ts';

/**
 * The clients page: the clients a person sees, each with its next deadline and whether that
 * is overdue, and whether they may register one. One query.
 */
export async function loadClientsPage(
  db: Database,
  viewer: Viewer,
  rules: Parameters<typeof listClientDeadlines>[2],
  now: Date,
) {
  const rows = await listClientDeadlines(db, viewer, rules);
  return {
    mayRegister: mayRegisterClients(viewer),
    rows: rows.map((row) => ({ ...row, overdue: Boolean(row.next && row.next.dueAt <= now) })),
  };
}

/**
 * The form to register a client. An admin chooses its CS among the CS partners (one query);
 * a CS registers it for themselves, so nothing is read.
 */
export async function loadNewClientPage(db: Database, viewer: Viewer) {
  const mayChooseCs = viewer.roles.includes('admin');
  return { mayChooseCs, csPartners: mayChooseCs ? await listCsPartners(db) : [] };
}

/**
 * One contact of a client, for its form, with the client; null when there is no such contact
 * or the person does not keep the client (the page answers 404). One round trip.
 */
export async function loadContactPage(
  db: Database,
  viewer: Viewer,
  ids: { clientId: string; contactId: string },
) {
  const found = await getClientFor(db, viewer, ids.clientId);
  const contact = found?.contacts.find((c) => c.id === ids.contactId);
  return found && contact ? { client: found.client, contact } : null;
}
