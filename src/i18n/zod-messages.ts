import type { $ZodIssue } from 'zod/v4/core';
import type { Locale } from './locales.ts';
import type { MessageKey } from './messages/catalog.ts';
import { type MessageParams, translate } from './translate.ts';

function isMissing(issue: $ZodIssue): boolean {
  if (issue.code === 'custom') return false;
  // Parsed with reportInput the input is on the issue; otherwise zod says so in its message.
  if ('input' in issue) return issue.input === undefined || issue.input === '';
  return issue.code === 'invalid_type' && /received undefined/.test(issue.message);
}

function messageFor(issue: $ZodIssue): [MessageKey, MessageParams] {
  if (isMissing(issue)) return ['fields.required', {}];
  switch (issue.code) {
    case 'invalid_type':
      return [
        issue.expected === 'number'
          ? 'fields.invalidNumber'
          : issue.expected === 'date'
            ? 'fields.invalidDate'
            : 'fields.invalidType',
        {},
      ];
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? ['fields.required', {}]
          : ['fields.tooShort', { min: Number(issue.minimum) }];
      }
      return ['fields.tooSmall', { min: Number(issue.minimum) }];
    case 'too_big':
      return issue.origin === 'string'
        ? ['fields.tooLong', { max: Number(issue.maximum) }]
        : ['fields.tooBig', { max: Number(issue.maximum) }];
    case 'invalid_format':
      return [issue.format === 'email' ? 'fields.invalidEmail' : 'fields.invalidFormat', {}];
    case 'invalid_value':
      return ['fields.invalidChoice', {}];
    case 'custom': {
      const key = issue.params?.messageKey;
      return typeof key === 'string'
        ? [key as MessageKey, (issue.params?.messageParams ?? {}) as MessageParams]
        : ['fields.invalidFormat', {}];
    }
    default:
      return ['fields.invalidFormat', {}];
  }
}

/**
 * One localized message per field from zod's issues, keyed by the field's path ("a.b");
 * the first issue of a field wins, as a person fixes one thing at a time.
 */
export function localizeIssues(
  issues: readonly $ZodIssue[],
  locale: Locale,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (path in fields) continue;
    const [key, params] = messageFor(issue);
    fields[path] = translate(locale, key, params);
  }
  return fields;
}
