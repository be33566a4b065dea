import { z } from 'zod';
import { REQUEST_KINDS } from '../../../db/schema/index.ts';
import { oneOrMany } from '../forms/input-fields.ts';

/** A new request's page: its kind, and for a piece the project it belongs to. */
export const newRequestQuery = z.object({
  kind: z.enum(REQUEST_KINDS).catch('project'),
  projectId: z.string().max(100).optional().catch(undefined),
});

/**
 * A posted request form: what was pressed, the new request's id the form carried (a double
 * click writes one request), its kind and project, the draft's version; the answers and
 * files by field key.
 */
export const requestFormInput = z
  .object({
    action: z.enum(['save', 'send']).default('save'),
    newId: z.uuid().optional(),
    kind: z.enum(REQUEST_KINDS).optional(),
    projectId: z.string().max(100).optional(),
    // The draft's version the page showed (its last save, ms): a later save elsewhere wins.
    savedAt: z.coerce.number().int().min(0).max(8.64e15).optional(),
  })
  .catchall(z.unknown());

const texts = oneOrMany(z.string().max(20_000));

/**
 * The agency's form editor, posted without JavaScript: one row per field, each column a
 * repeated form field in row order (key, label, type, help, default, options one a line);
 * the boxes `required` and `remove` carry the row's index. `move` is "row:up|down".
 */
export const templateFormInput = z.object({
  kind: z.enum(REQUEST_KINDS),
  basedOnVersion: z.coerce.number().int().min(0),
  key: texts,
  label: texts,
  type: texts,
  help: texts,
  default: texts,
  options: texts,
  required: texts,
  remove: texts,
  move: z
    .string()
    .regex(/^\d+:(up|down)$/)
    .optional(),
});
export type TemplateFormInput = z.infer<typeof templateFormInput>;

/**
 * The editor's rows as the template schema checks them: blanks and removed rows dropped, a
 * row moved; `postedRows` gives each field's row as posted, where its problems are marked.
 */
export function fieldsFromForm(form: TemplateFormInput) {
  const rows = form.key.map((key, i) => ({
    index: String(i),
    key: key.trim(),
    label: form.label[i] ?? '',
    type: form.type[i] ?? 'short_text',
    required: form.required.includes(String(i)),
    help: (form.help[i] ?? '').trim(),
    default: (form.default[i] ?? '').trim(),
    options: (form.options[i] ?? '')
      .split('\n')
      .map((o) => o.trim())
      .filter(Boolean),
  }));
  const kept = rows.filter(
    (row) => !form.remove.includes(row.index) && (row.key !== '' || row.label.trim() !== ''),
  );
  if (form.move) {
    const [at, direction] = form.move.split(':') as [string, 'up' | 'down'];
    const from = kept.findIndex((row) => row.index === at);
    const to = direction === 'up' ? from - 1 : from + 1;
    if (from >= 0 && to >= 0 && to < kept.length) {
      [kept[from], kept[to]] = [
        kept[to] as (typeof kept)[number],
        kept[from] as (typeof kept)[number],
      ];
    }
  }
  const fields = kept.map(({ index: _, help, default: value, options, ...row }) => ({
    ...row,
    ...(help ? { help } : {}),
    ...(value ? { default: value } : {}),
    ...(row.type === 'choice' ? { options } : {}),
  }));
  return { fields, postedRows: kept.map((row) => Number(row.index)) };
}
