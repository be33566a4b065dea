import { describe, expect, it } from 'vitest';
import { agencyPolicy } from '../../../src/policy/agency-policy.ts';
import { checkWebhookUrl, parsePolicy, policy } from '../../../src/policy/index.ts';

const slack = policy.chatWebhooks;

describe('a chat webhook address', () => {
  it.each([
    ['http://hooks.slack.com/services/T0/B0/x', 'not_https'],
    ['ftp://hooks.slack.com/x', 'not_https'],
    ['not a url', 'invalid'],
    ['https://127.0.0.1/hook', 'ip_address'],
    ['https://10.0.0.8/hook', 'ip_address'],
    ['https://169.254.169.254/latest/meta-data', 'ip_address'],
    ['https://2130706433/hook', 'ip_address'],
    ['https://0x7f.1/hook', 'ip_address'],
    ['https://[::1]/hook', 'ip_address'],
    ['https://[fd00::1]/hook', 'ip_address'],
    ['https://localhost/hook', 'internal_host'],
    ['https://localhost./hook', 'internal_host'],
    ['https://hooks.slack.com./services/x', 'internal_host'],
    ['https://metadata.google.internal/hook', 'internal_host'],
    ['https://printer.local/hook', 'internal_host'],
    ['https://intranet/hook', 'internal_host'],
    ['https://user:pass@hooks.slack.com/services/x', 'credentials'],
    ['https://token@hooks.slack.com/services/x', 'credentials'],
    ['https://hooks.slack.com:8443/services/x', 'port'],
    ['https://hooks.slack.com.evil.example/services/x', 'internal_host'],
    ['https://hooks.slack.com.evil.com/services/x', 'host_not_allowed'],
    ['https://evil.com/services/x', 'host_not_allowed'],
    ['https://slack.com/services/x', 'host_not_allowed'],
  ])('refuses %s (%s)', (url, problem) => {
    expect(checkWebhookUrl(url, slack)).toBe(problem);
  });

  it.each([
    'https://hooks.slack.com/services/T000/B000/XXXXXXXX',
    'https://HOOKS.slack.com/services/T000/B000/XXXXXXXX',
    'https://hooks.slack.com:443/services/T000/B000/XXXXXXXX',
  ])('accepts Slack’s incoming webhook %s', (url) => {
    expect(checkWebhookUrl(url, slack)).toBeNull();
  });

  it('accepts a host the agency adds to its policy, and only by its exact name', () => {
    const own = parsePolicy({
      ...agencyPolicy,
      chatWebhooks: { allowedHosts: ['hooks.slack.com', 'chat.agencia.com.br'] },
    }).chatWebhooks;
    expect(checkWebhookUrl('https://chat.agencia.com.br/hooks/abc', own)).toBeNull();
    expect(checkWebhookUrl('https://x.chat.agencia.com.br/hooks/abc', own)).toBe(
      'host_not_allowed',
    );
  });

  it('keeps IP addresses and internal names out of the policy’s list itself', () => {
    for (const host of ['127.0.0.1', 'localhost', 'metadata.google.internal', 'hooks.slack.com.'])
      expect(() =>
        parsePolicy({ ...agencyPolicy, chatWebhooks: { allowedHosts: [host] } }),
      ).toThrow(/chatWebhooks\.allowedHosts/);
  });
});
