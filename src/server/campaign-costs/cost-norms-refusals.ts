import { NOT_FOUND, type RefusalTable } from '../forms/refusals.ts';
import type { SaveCostNormsResult } from './cost-norms.ts';

type Failure = Extract<SaveCostNormsResult, { ok: false }>['error'];

/** What refuses a save of a client's cost norms (bad amounts are field errors of the input). */
export const COST_NORM_REFUSALS = {
  not_found: NOT_FOUND,
  // Someone saved the norms since the form was filled: the page shows theirs.
  conflict: { status: 409, code: 'conflict', messageKey: 'costNorms.conflict' },
} as const satisfies RefusalTable<Failure>;
