import { buildHandbook, HANDBOOK_TARGETS, weighHandbook } from './handbook-weight.ts';
import { SERVED_PAGE_TARGET_KB, weighServedPages } from './served-pages.ts';

/**
 * Builds the site, weighs the handbook and the on-demand pages the built Worker serves,
 * prints both tables and returns how many pages missed a target.
 */
export async function printPageWeights(): Promise<number> {
  const buildSeconds = buildHandbook();
  const pages = weighHandbook();
  const heaviest = pages.reduce(
    (max, page) => (page.kb > max.kb ? page : max),
    pages[0] ?? { path: '—', kb: 0, scripts: 0, scriptKb: 0, unexpectedScripts: [] },
  );
  const heavyPages = pages.filter((page) => page.kb > HANDBOOK_TARGETS.maxPageKbGzip);
  const scriptedPages = pages.filter((page) => page.unexpectedScripts.length > 0);
  console.log(
    `\nHandbook: ${pages.length} pages${buildSeconds === null ? '' : `, built in ${buildSeconds.toFixed(1)} s`}`,
  );
  console.log('| measure | figure | target | verdict |');
  console.log('|---|---|---|---|');
  console.log(
    `| heaviest page, HTML+CSS gzip | ${heaviest.kb.toFixed(1)} KB (${heaviest.path}) | ≤ ${HANDBOOK_TARGETS.maxPageKbGzip} KB | ${heavyPages.length ? `MISS: ${heavyPages.map((p) => p.path).join(', ')}` : 'ok'} |`,
  );
  console.log(
    `| median page, HTML+CSS gzip | ${[...pages].sort((a, b) => a.kb - b.kb)[Math.floor(pages.length / 2)]?.kb.toFixed(1)} KB | — | — |`,
  );
  console.log(
    `| JavaScript files per page (inline theme script aside) | ${Math.max(...pages.map((p) => p.scripts))}, ${Math.max(...pages.map((p) => p.scriptKb)).toFixed(1)} KB gzip | search only | ${scriptedPages.length ? `MISS: ${scriptedPages[0]?.unexpectedScripts.join(', ')}` : 'ok'} |`,
  );

  const served = await weighServedPages();
  console.log('\nOn-demand pages, served by the built Worker under wrangler dev');
  console.log(
    '| page | status | HTML+CSS gzip | target | scripts | forms posting without JavaScript | verdict |',
  );
  console.log('|---|---|---|---|---|---|---|');
  const heavyServed = served.filter(
    (page) => page.status !== 200 || page.kb > SERVED_PAGE_TARGET_KB,
  );
  for (const page of served) {
    console.log(
      `| ${page.name} | ${page.status} | ${page.kb.toFixed(1)} KB | ≤ ${SERVED_PAGE_TARGET_KB} KB | ${page.scripts.join(', ') || 'none'} | ${page.forms} | ${heavyServed.includes(page) ? 'MISS' : 'ok'} |`,
    );
  }
  return heavyServed.length + heavyPages.length + scriptedPages.length;
}
