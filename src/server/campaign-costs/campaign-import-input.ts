import { z } from 'zod';
import { fieldMessage } from '../forms/input-fields.ts';

/**
 * The upload: the export chosen in the file field. A field left empty posts a nameless,
 * empty part, told as an empty file by the import itself (so it is said on the field).
 */
export const importUploadInput = z.object({ file: z.unknown() });

/** The chosen file, when one was: null for a field left empty or anything but a file. */
export function chosenExport(value: unknown): File | null {
  return value instanceof File && !(value.name === '' && value.size === 0) ? value : null;
}

/** The confirm: the previewed upload's hash, and the name it was uploaded under (shown, kept). */
export const importConfirmInput = z.object({
  file: z
    .string()
    .refine((hash) => /^[0-9a-f]{64}$/.test(hash), fieldMessage('campaignImport.previewGone')),
  name: z.string().max(255).default(''),
});
