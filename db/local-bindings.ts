import { readFileSync } from 'node:fs';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';

/**
 * Opens, from a Node script, the same local D1 database and R2 bucket that `astro dev` and
 * `wrangler dev` use in .wrangler/state, the way `wrangler d1 execute --local` does.
 */
export async function openLocalBindings(persistTo = '.wrangler/state') {
  const config = readFileSync('wrangler.toml', 'utf8');
  const databaseId = /database_id\s*=\s*"([^"]+)"/.exec(config)?.[1];
  const bucketName = /bucket_name\s*=\s*"([^"]+)"/.exec(config)?.[1];
  if (!databaseId || !bucketName)
    throw new Error('wrangler.toml needs a D1 database_id and an R2 bucket_name');
  const miniflare = new Miniflare(
    convertV4MiniflareOptions({
      modules: true,
      script: '',
      resourcePersistencePath: `${persistTo}/v3`,
      d1Databases: { DB: databaseId },
      r2Buckets: { FILES: bucketName },
    }),
  );
  return {
    DB: (await miniflare.getD1Database('DB')) as unknown as D1Database,
    FILES: (await miniflare.getR2Bucket('FILES')) as unknown as R2Bucket,
    dispose: () => miniflare.dispose(),
  };
}
