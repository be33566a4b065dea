import { createTranslator } from '../../i18n/index.ts';
import { policy as agencyPolicy, type Policy } from '../../policy/index.ts';

/** The languages the handbook is written in. */
export type HandbookLocale = 'pt-BR' | 'en';

/** What every handbook component may be given; tests pass another policy to see the page change. */
export type HandbookProps = { policy?: Policy; locale?: HandbookLocale };

/** The policy, language and translator a handbook component renders with: English under /en/. */
export function handbookContext(props: HandbookProps, url: URL) {
  const locale: HandbookLocale =
    props.locale ?? (url.pathname === '/en' || url.pathname.startsWith('/en/') ? 'en' : 'pt-BR');
  return { policy: props.policy ?? agencyPolicy, locale, t: createTranslator(locale) };
}

/** The value at a dotted path of the policy ("newClientDeadlines.launchWithinHours"). */
export function policyValueAt(policy: Policy, path: string): string | number {
  let node: unknown = policy;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  if (typeof node !== 'string' && typeof node !== 'number')
    throw new Error(`No policy value at ${path}`);
  return node;
}
