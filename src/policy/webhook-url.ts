/** Why Ponte will not post to a webhook address. */
export type WebhookUrlProblem =
  | 'invalid'
  | 'not_https'
  | 'credentials'
  | 'port'
  | 'ip_address'
  | 'internal_host'
  | 'host_not_allowed';

// Names that never lead to the public internet: reserved (RFC 2606, RFC 6761, .internal),
// multicast DNS, and the suffixes networks commonly use inside.
const INTERNAL_SUFFIXES = [
  'localhost',
  'localdomain',
  'local',
  'internal',
  'intranet',
  'private',
  'corp',
  'home',
  'lan',
  'arpa',
  'test',
  'example',
  'invalid',
];

const LABEL = '(?!-)[a-z0-9-]{1,63}(?<!-)';
const TLD = '(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})';
const PUBLIC_NAME = new RegExp(`^(?:${LABEL}\\.)+${TLD}$`);

/**
 * True for a name on the public DNS: dot-separated labels ending in a real-looking top-level
 * domain, never an IP address, `localhost` (with or without its trailing dot) or an internal suffix.
 */
export function isPublicHostName(host: string): boolean {
  if (host.length > 253 || !PUBLIC_NAME.test(host)) return false;
  return !INTERNAL_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}

/**
 * Whether Ponte may post to a chat webhook: https on its default port, no credentials, and a
 * host the policy lists (by exact name). IP literals in any spelling (the URL parser turns
 * `2130706433` and `0x7f.1` into 127.0.0.1) and internal names are refused even if listed.
 * Returns null when allowed.
 */
export function checkWebhookUrl(
  value: string,
  rules: { allowedHosts: readonly string[] },
): WebhookUrlProblem | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'invalid';
  }
  if (url.protocol !== 'https:') return 'not_https';
  if (url.username || url.password) return 'credentials';
  if (url.port !== '') return 'port';
  const host = url.hostname.toLowerCase();
  if (host.startsWith('[') || /^[\d.]+$/.test(host)) return 'ip_address';
  if (!isPublicHostName(host)) return 'internal_host';
  if (!rules.allowedHosts.includes(host)) return 'host_not_allowed';
  return null;
}
