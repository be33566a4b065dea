import { LibsqlError } from '@libsql/client';
import { describe, expect, it, vi } from 'vitest';
import type { Dependencies } from '../../../src/server/dependencies.ts';
import { PartUnavailable } from '../../../src/server/faults/unavailable.ts';
import { guardPage, type PageContext } from '../../../src/server/pages/guard-page.ts';

/** An on-demand page request as Astro's middleware sees it, with a session cookie. */
function pageRequest(path: string): PageContext {
  return {
    url: new URL(`http://localhost${path}`),
    request: new Request(`http://localhost${path}`, { headers: { 'Accept-Language': 'pt-BR' } }),
    cookies: { get: () => ({ value: 'a'.repeat(32) }), set: () => {} },
    locals: {} as PageContext['locals'],
    redirect: (location, status) => new Response(null, { status, headers: { location } }),
  };
}

/** Dependencies whose database does not answer, as libSQL says it. */
const databaseDown = {
  // Every query fails the moment it is built, as a database that does not answer would.
  db: new Proxy(
    {},
    {
      get: () => () => {
        throw new LibsqlError('SQLITE_BUSY: database is locked', 'SQLITE_BUSY');
      },
    },
  ),
  clock: () => new Date('2026-03-02T13:00:00Z'),
} as unknown as Dependencies;

describe('a page when a part is down', () => {
  it('answers a clear 503 page in the visitor’s language when the database does not answer', async () => {
    const response = await guardPage(
      pageRequest('/partner'),
      async () => new Response('ok'),
      databaseDown,
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe('5');
    expect(await response.text()).toContain('O banco de dados não respondeu. Nada foi salvo');
  });

  it('answers 503 when the page itself finds the file storage down', async () => {
    const working = { ...databaseDown, db: undefined } as unknown as Dependencies;
    const response = await guardPage(
      pageRequest('/approval/x'),
      () => Promise.reject(new PartUnavailable('files', { cause: new Error('R2') })),
      working,
    );
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('armazenamento de arquivos');
  });

  it('answers any other failure with a 500 page and a request id, logged with its cause (a bug is not an outage)', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const working = { ...databaseDown, db: undefined } as unknown as Dependencies;
    const response = await guardPage(
      pageRequest('/approval/x'),
      () => Promise.reject(new TypeError('bug')),
      working,
    );
    expect(response.status).toBe(500);
    expect(response.headers.get('Retry-After')).toBeNull();
    const page = await response.text();
    const requestId = page.match(/[0-9a-f]{8}-[0-9a-f-]{27}/)?.[0];
    expect(page).toContain('Algo deu errado do nosso lado');
    expect(page).not.toContain('TypeError');
    expect(logged).toHaveBeenCalledWith(`[${requestId}]`, expect.any(TypeError));
    logged.mockRestore();
  });
});
