import { describe, expect, it } from 'vitest';
import { loadForbiddenPage, loadNotFoundPage } from '../../../src/server/pages/error-pages.ts';

describe('what the app’s 404 and 403 pages say and link to', () => {
  it('points the not-found page home and to the handbook in the reader’s language', () => {
    expect(loadNotFoundPage('pt-BR')).toEqual({ home: '/partner', handbook: '/' });
    expect(loadNotFoundPage('en')).toEqual({ home: '/partner', handbook: '/en/' });
    // There is no Russian handbook: Russian readers get the English one.
    expect(loadNotFoundPage('ru').handbook).toBe('/en/');
  });

  it('names the roles a page is for, from the access table, in the reader’s language', () => {
    expect(loadForbiddenPage('/review/invoices', 'pt-BR', true).neededRoles).toBe(
      'Financeiro ou Administração',
    );
    expect(loadForbiddenPage('/review/invoices/x', 'en', true).neededRoles).toBe(
      'Finance or Administration',
    );
    expect(loadForbiddenPage('/admin/people', 'ru', true).neededRoles).toBe('Администрирование');
    expect(loadForbiddenPage('/pieces', 'en', true).neededRoles).toMatch(
      /^Customer success \(account service\), Design, Administration, Head of design,? or Head of traffic$/,
    );
  });

  it('names no role where the table names none, and still links home and to the roles’ handbook page', () => {
    const page = loadForbiddenPage('/partner', 'pt-BR', true);
    expect(page.neededRoles).toBeNull();
    expect(page.home).toBe('/partner');
    expect(page.rolesHandbook).toBe('/start/reading-order/');
    expect(loadForbiddenPage('/review', 'en', true).rolesHandbook).toBe('/en/start/reading-order/');
    expect(loadForbiddenPage('/review', 'pt-BR', false).home).toBe('/sign-in');
  });
});
