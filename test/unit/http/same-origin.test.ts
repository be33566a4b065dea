import { describe, expect, it } from 'vitest';
import { isSameOriginRequest } from '../../../functions/http/same-origin.ts';

const request = (method: string, headers: Record<string, string> = {}) =>
  new Request('https://ponte.example/api/x', { method, headers });

describe('isSameOriginRequest', () => {
  it('lets safe methods through without any header', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS'])
      expect(isSameOriginRequest(request(method))).toBe(true);
  });

  it('trusts Sec-Fetch-Site when the browser sends it', () => {
    expect(isSameOriginRequest(request('POST', { 'Sec-Fetch-Site': 'same-origin' }))).toBe(true);
    for (const site of ['cross-site', 'same-site', 'none']) {
      // Even with a matching Origin: the browser's own verdict wins.
      const headers = { 'Sec-Fetch-Site': site, Origin: 'https://ponte.example' };
      expect(isSameOriginRequest(request('POST', headers))).toBe(false);
    }
  });

  it('falls back to an exact Origin match', () => {
    expect(isSameOriginRequest(request('POST', { Origin: 'https://ponte.example' }))).toBe(true);
    for (const origin of [
      'https://evil.example',
      'http://ponte.example',
      'https://ponte.example:8443',
      'null',
    ]) {
      expect(isSameOriginRequest(request('DELETE', { Origin: origin }))).toBe(false);
    }
  });

  it('refuses a state-changing request that carries neither header', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'])
      expect(isSameOriginRequest(request(method))).toBe(false);
  });
});
