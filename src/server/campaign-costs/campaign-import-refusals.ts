import { NOT_FOUND, type Refusal, type RefusalTable } from '../forms/refusals.ts';
import type { ImportProblemCode } from './campaign-import-result.ts';
import type { SaveImportResult } from './campaign-import-save.ts';

type Failure = Exclude<Extract<SaveImportResult, { ok: false }>['error'], 'invalid'>;

/** What refuses a confirm: the client not the person's, the preview gone, a save already made. */
export const CAMPAIGN_IMPORT_REFUSALS = {
  not_found: NOT_FOUND,
  // Saved already (its upload is removed), older than the policy allows, or not the person's.
  preview_gone: { status: 409, code: 'preview_gone', messageKey: 'campaignImport.previewGone' },
  already_saved: {
    status: 409,
    code: 'already_saved',
    messageKey: 'campaignImport.alreadySaved',
  },
} as const satisfies RefusalTable<Failure>;

const fileProblem = (status: Refusal['status'], code: ImportProblemCode) =>
  ({
    status,
    code,
    messageKey: `campaignImport.problems.${code}`,
    field: 'file',
  }) as const satisfies Refusal;

/** Why a file cannot be imported, marked on the file field (the message names line and cell). */
export const IMPORT_PROBLEM_REFUSALS = {
  empty: fileProblem(400, 'empty'),
  too_large: fileProblem(413, 'too_large'),
  not_text: fileProblem(415, 'not_text'),
  spreadsheet: fileProblem(415, 'spreadsheet'),
  unreadable: fileProblem(400, 'unreadable'),
  too_many_rows: fileProblem(413, 'too_many_rows'),
  missing_columns: fileProblem(400, 'missing_columns'),
  no_rows: fileProblem(400, 'no_rows'),
  no_currency: fileProblem(400, 'no_currency'),
  unknown_currency: fileProblem(400, 'unknown_currency'),
  mixed_currencies: fileProblem(400, 'mixed_currencies'),
  mixed_number_formats: fileProblem(400, 'mixed_number_formats'),
  bad_number: fileProblem(400, 'bad_number'),
  too_many_decimals: fileProblem(400, 'too_many_decimals'),
  long_campaign_name: fileProblem(400, 'long_campaign_name'),
  bad_date: fileProblem(400, 'bad_date'),
  spans_days: fileProblem(400, 'spans_days'),
} as const satisfies RefusalTable<ImportProblemCode>;
