import type { MessageKey } from '../../i18n/index.ts';
import type { Policy } from '../../policy/index.ts';
import {
  checkRequestAnswers,
  type RequestAnswers,
  typedAnswers,
  wronglyTypedAnswers,
} from './request-answers.ts';
import {
  type ChosenFile,
  checkChosenFiles,
  chosenRequestFiles,
  countFilesByField,
  type FileRefusal,
} from './request-files.ts';
import type { OpenRequest } from './request-target.ts';

/** A posted form ready to be written: its answers, and the chosen files with their types. */
export type SavePlan = { answers: RequestAnswers; files: ChosenFile[]; types: string[] };

export type SavePlanResult =
  | { ok: true; plan: SavePlan }
  | { ok: false; error: 'invalid'; problems: Record<string, MessageKey>; answers: RequestAnswers }
  | ({ ok: false; answers: RequestAnswers } & FileRefusal);

/**
 * Reads and checks a posted request form before anything is written: each answer's type (a
 * value of the wrong kind is refused, not dropped) and length (and, when sending, that
 * nothing required is missing, files saved before counting), then every chosen file's bytes.
 * Any problem refuses the whole post; the typed answers come back so the page shows them.
 */
export async function planRequestSave(
  request: OpenRequest,
  raw: Record<string, unknown>,
  rules: Pick<Policy, 'clientSpace' | 'onboarding'>,
  complete: boolean,
): Promise<SavePlanResult> {
  const answers = typedAnswers(request.fields, raw);
  const files = await chosenRequestFiles(request.fields, raw);
  const counts = countFilesByField(request.files, files);
  const problems = {
    ...checkRequestAnswers(request.fields, answers, counts, rules.clientSpace.requests, complete),
    ...wronglyTypedAnswers(request.fields, raw),
  };
  if (Object.keys(problems).length > 0) return { ok: false, error: 'invalid', problems, answers };
  const checked = checkChosenFiles(files, rules);
  if (!checked.ok) {
    const { ok: _, ...refusal } = checked;
    return { ok: false, ...refusal, answers };
  }
  return { ok: true, plan: { answers, files, types: checked.types } };
}
