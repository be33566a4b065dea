import { describe, expect, it } from 'vitest';
import { publicOriginOf } from '../../../functions/worker-dependencies.ts';

describe('the public origin e-mailed links start with', () => {
  it('is where astro dev answers when nothing is configured', () => {
    expect(publicOriginOf(undefined)).toBe('http://localhost:4321');
    expect(publicOriginOf('  ')).toBe('http://localhost:4321');
  });

  it('keeps only scheme, host and port: no trailing slash, path or query to double up', () => {
    expect(publicOriginOf('https://ponte.agencia.com.br/')).toBe('https://ponte.agencia.com.br');
    expect(publicOriginOf('https://ponte.agencia.com.br/app?x=1#y')).toBe(
      'https://ponte.agencia.com.br',
    );
    expect(publicOriginOf('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(publicOriginOf('HTTPS://Ponte.Agencia.com.br')).toBe('https://ponte.agencia.com.br');
  });

  it('refuses what is not an http(s) address, rather than mailing broken links', () => {
    for (const wrong of [
      'ponte.agencia.com.br',
      'javascript:alert(1)',
      'ftp://ponte.example',
      '//x',
    ])
      expect(() => publicOriginOf(wrong), wrong).toThrow(/PUBLIC_ORIGIN/);
  });
});
