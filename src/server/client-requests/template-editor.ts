import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { clients, REQUEST_KINDS, type RequestKind } from '../../../db/schema/index.ts';
import type { Locale } from '../../i18n/index.ts';
import type { Policy } from '../../policy/index.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import { mayManageClient } from '../clients/clients.ts';
import { fieldsFromForm, type TemplateFormInput } from './request-input.ts';
import {
  type SaveTemplateResult,
  saveTemplateVersion,
  type TemplateInForce,
  templateInForce,
} from './template-store.ts';

/** The client whose forms a person edits: only its CS, or an admin (anyone else: not found). */
async function editableClient(db: Database, user: Viewer, clientId: string) {
  const [client] = await db
    .select({ id: clients.id, name: clients.name, csUserId: clients.csUserId })
    .from(clients)
    .where(eq(clients.id, clientId));
  return client && mayManageClient(user, client) ? client : null;
}

export type RequestTemplatesPage = {
  client: { id: string; name: string };
  forms: (TemplateInForce & { kind: RequestKind })[];
};

/**
 * The client's request forms page: each kind's form in force (the saved version, or the
 * policy's default in the agency's language when none was saved), for its CS or an admin.
 */
export async function loadRequestTemplatesPage(
  db: Database,
  user: Viewer,
  clientId: string,
  locale: Locale,
  rules: Pick<Policy, 'clientSpace'>,
): Promise<RequestTemplatesPage | null> {
  const client = await editableClient(db, user, clientId);
  if (!client) return null;
  const forms = await Promise.all(
    REQUEST_KINDS.map(async (kind) => ({
      kind,
      ...(await templateInForce(db, { clientId, locale }, kind, rules)),
    })),
  );
  return { client: { id: client.id, name: client.name }, forms };
}

/** Saves the editor's rows as the client's next version of a kind's form (see saveTemplateVersion). */
export async function saveClientTemplate(
  db: Database,
  who: { user: Viewer; actor: Actor },
  clientId: string,
  form: TemplateFormInput,
  rules: Pick<Policy, 'clientSpace'>,
  now: Date,
): Promise<SaveTemplateResult | { ok: false; error: 'not_found' }> {
  if (!(await editableClient(db, who.user, clientId))) return { ok: false, error: 'not_found' };
  const { fields, postedRows } = fieldsFromForm(form);
  const saved = await saveTemplateVersion(
    db,
    who.actor,
    { clientId, kind: form.kind, fields, basedOnVersion: form.basedOnVersion },
    rules,
    now,
  );
  if (saved.ok || saved.error !== 'invalid') return saved;
  // The editor marks each problem on the row as it was posted (before removals and moves).
  const problems = saved.problems.map((p) => ({
    ...p,
    row: p.row === null ? null : (postedRows[p.row] ?? p.row),
  }));
  return { ...saved, problems };
}
