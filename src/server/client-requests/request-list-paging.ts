import type { Policy } from '../../policy/index.ts';
import { pageCountOf, pageNumberOf } from '../client-space/space-board-columns.ts';

/** A request list's page size: the policy's (a test passes a smaller one). */
export type RequestListRules = {
  clientSpace: { requests: Pick<Policy['clientSpace']['requests'], 'listPageSize'> };
};

/**
 * Where a request list stands: the page shown (counted from 1), how many pages the list
 * fills (at least one) and how many requests it holds in all. A page past the last is shown
 * empty with the count and a link to the first, as the board's list does: the address is the
 * reader's own navigation, not an input to refuse.
 */
export type RequestListPage = { page: number; pages: number; total: number };

/** The page the list's address asks for: a whole number from 1, anything else the first. */
export const requestListPageOf = (url: URL): number => pageNumberOf(url.searchParams.get('page'));

/** The rows before a page, for the list's `offset`. */
export const rowsBefore = (page: number, pageSize: number) => (page - 1) * pageSize;

/** The paging of a list of `total` requests at `page`. */
export const requestListPageIn = (total: number, page: number, pageSize: number) =>
  ({ page, pages: pageCountOf(total, pageSize), total }) satisfies RequestListPage;

/**
 * The list's address at another page, keeping everything else the address carries (a filter
 * stays on every page); the first page unnumbered, as the board's list.
 */
export function requestListPageHref(url: URL, page: number): string {
  const params = new URLSearchParams(url.searchParams);
  if (page > 1) params.set('page', String(page));
  else params.delete('page');
  const query = params.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}
