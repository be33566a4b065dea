import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { type RequestKind, requestTemplates } from '../../../db/schema/index.ts';
import type { Locale } from '../../i18n/index.ts';
import { type Policy, pickText } from '../../policy/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import type { Actor } from '../auth/viewer.ts';
import {
  checkTemplateFields,
  type TemplateField,
  type TemplateProblem,
} from './template-schema.ts';

/** The form in force for a client and kind: its row (null while the policy's default applies). */
export type TemplateInForce = {
  templateId: string | null;
  version: number;
  fields: TemplateField[];
};

/** The policy's default form for a kind, in a language: what a client without its own fills. */
export function defaultTemplateFields(
  kind: RequestKind,
  locale: Locale,
  rules: Pick<Policy, 'clientSpace'>,
): TemplateField[] {
  return (rules.clientSpace.requests.defaultTemplates[kind] ?? []).map((field) => ({
    key: field.key,
    label: pickText(field.label, locale),
    type: field.type,
    required: field.required,
  }));
}

/** The newest saved version of a client's form of a kind, or none. */
export async function readLatestTemplate(db: Database, clientId: string, kind: RequestKind) {
  const [row] = await db
    .select()
    .from(requestTemplates)
    .where(and(eq(requestTemplates.clientId, clientId), eq(requestTemplates.kind, kind)))
    .orderBy(desc(requestTemplates.version))
    .limit(1);
  return row ?? null;
}

/** A stored form's fields (checked when saved; read back as they were written). */
export const storedFields = (row: { fields: string }) => JSON.parse(row.fields) as TemplateField[];

/** The form a contact fills for a kind: the client's newest version, else the policy's default. */
export async function templateInForce(
  db: Database,
  client: { clientId: string; locale: Locale },
  kind: RequestKind,
  rules: Pick<Policy, 'clientSpace'>,
): Promise<TemplateInForce> {
  const row = await readLatestTemplate(db, client.clientId, kind);
  if (row) return { templateId: row.id, version: row.version, fields: storedFields(row) };
  return {
    templateId: null,
    version: 0,
    fields: defaultTemplateFields(kind, client.locale, rules),
  };
}

/**
 * The id of the stored version a request is written against: the form in force, or, for a
 * client still on the default, the default written down as version 1 (a request always keeps
 * the words it answered). Two first drafts at once write it once: the version is unique.
 */
export async function templateIdToAnswer(
  db: Database,
  template: TemplateInForce,
  client: { clientId: string },
  kind: RequestKind,
  now: Date,
): Promise<string> {
  if (template.templateId) return template.templateId;
  await db
    .insert(requestTemplates)
    .values({
      id: crypto.randomUUID(),
      clientId: client.clientId,
      kind,
      version: 1,
      fields: JSON.stringify(template.fields),
      createdAt: now,
      createdBy: null,
    })
    .onConflictDoNothing();
  const row = await readLatestTemplate(db, client.clientId, kind);
  return (row as NonNullable<typeof row>).id;
}

export type SaveTemplateResult =
  | { ok: true; templateId: string; version: number }
  | { ok: false; error: 'invalid'; problems: TemplateProblem[] }
  | { ok: false; error: 'conflict' };

/**
 * Saves a client's form as its next version (N+1): checked first, refused whole with its
 * problems; two saves of the same version at once: the second gets a conflict.
 * `basedOnVersion` is the version the editor showed, so a save over a newer one is refused.
 */
export async function saveTemplateVersion(
  db: Database,
  actor: Actor,
  save: { clientId: string; kind: RequestKind; fields: unknown; basedOnVersion: number },
  rules: Pick<Policy, 'clientSpace'>,
  now: Date,
): Promise<SaveTemplateResult> {
  const checked = checkTemplateFields(save.fields, rules);
  if (!checked.ok) return { ok: false, error: 'invalid', problems: checked.problems };
  const latest = await readLatestTemplate(db, save.clientId, save.kind);
  const current = latest?.version ?? 0;
  if (current !== save.basedOnVersion) return { ok: false, error: 'conflict' };
  const id = crypto.randomUUID();
  const version = current + 1;
  const [inserted] = await db.batch([
    db
      .insert(requestTemplates)
      .values({
        id,
        clientId: save.clientId,
        kind: save.kind,
        version,
        fields: JSON.stringify(checked.fields),
        createdAt: now,
        createdBy: actor.id,
      })
      .onConflictDoNothing()
      .returning({ id: requestTemplates.id }),
    recordEventWhen(
      db,
      {
        actorId: actor.id,
        action: 'request_template.saved',
        subjectType: 'client',
        subjectId: save.clientId,
        ip: actor.ip,
        data: { kind: save.kind, version },
      },
      now,
      // Only for the version this save wrote, not one a simultaneous save wrote first.
      sql`exists (select 1 from ${requestTemplates} where ${requestTemplates.id} = ${id})`,
    ),
  ]);
  if (inserted.length === 0) return { ok: false, error: 'conflict' };
  return { ok: true, templateId: id, version };
}
