/** A file a person picked in a form's file field, with its bytes. */
export type ChosenFormFile = { fieldKey: string; name: string; bytes: Uint8Array };

/**
 * The files chosen in a posted form's file fields (`fieldKeys`), in their order: the values
 * that are files a person picked — a file field left empty posts a nameless, empty part.
 */
export async function chosenFormFiles(
  raw: Record<string, unknown>,
  fieldKeys: readonly string[],
): Promise<ChosenFormFile[]> {
  const chosen: ChosenFormFile[] = [];
  for (const fieldKey of fieldKeys) {
    for (const value of [raw[fieldKey]].flat()) {
      if (!(value instanceof File) || (value.name === '' && value.size === 0)) continue;
      chosen.push({ fieldKey, name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
    }
  }
  return chosen;
}
