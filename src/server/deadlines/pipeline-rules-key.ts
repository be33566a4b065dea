import type { DeadlinePolicy } from './deadline-rules.ts';

/** The policy parts a client's stored pipeline deadline is computed from. */
export type PipelineKeyRules = Pick<
  DeadlinePolicy,
  'newClientDeadlines' | 'businessHours' | 'holidays'
> & {
  agency: Pick<DeadlinePolicy['agency'], 'timeZone'>;
};

// Bumped when the rules module computes a stored deadline differently with the same policy:
// every stored row then reads as stale and is computed again.
const RULES_VERSION = 'v1';

/** JSON with object keys sorted, so the same policy gives the same text whatever its key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map(
        (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
      )
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** FNV-1a, 32 bits, as 8 hex digits: short, stable, synchronous (WebCrypto's digest is not). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

// One key per policy object: a page reads it on every view, the policy never changes in place.
const keys = new WeakMap<object, string>();

/**
 * The key of the policy a stored pipeline deadline was computed with: the rules version and a
 * hash of the deadlines, business hours, holidays and time zone. A row with another key (or
 * none) is stale: readers compute it again, the refresh job stores it again.
 */
export function pipelineRulesKey(rules: PipelineKeyRules): string {
  const known = keys.get(rules);
  if (known) return known;
  const key = `${RULES_VERSION}-${fnv1a(
    canonicalJson({
      newClientDeadlines: rules.newClientDeadlines,
      businessHours: rules.businessHours,
      holidays: rules.holidays,
      timeZone: rules.agency.timeZone,
    }),
  )}`;
  keys.set(rules, key);
  return key;
}
