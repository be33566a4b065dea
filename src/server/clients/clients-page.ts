import type { Database } from '../../../db/client.ts';
import type { Viewer } from '../auth/viewer.ts';
import { listClientDeadlines } from '../deadlines/client-pipeline.ts';
import { reportMonthAt } from '../timeline/report-deadline-rules.ts';
import { getClientFor, listCsPartners, mayRegisterClients } from './clients.ts';

/**
 * The clients page: the clients a person sees, each with its next deadline and whether that
 * is overdue, and whether they may register one. One query. Last month's report, while a
 * client owes it, is the next deadline when it falls due first (`reportFirst`).
 */
export async function loadClientsPage(
  db: Database,
  viewer: Viewer,
  rules: Parameters<typeof listClientDeadlines>[2],
  now: Date,
) {
  const rows = await listClientDeadlines(
    db,
    viewer,
    rules,
    reportMonthAt(now, rules.agency.timeZone),
  );
  return {
    mayRegister: mayRegisterClients(viewer),
    rows: rows.map((row) => {
      const reportFirst = Boolean(row.report && (!row.next || row.report.dueAt < row.next.dueAt));
      const dueAt = reportFirst ? row.report?.dueAt : row.next?.dueAt;
      return { ...row, reportFirst, overdue: Boolean(dueAt && dueAt <= now) };
    }),
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
