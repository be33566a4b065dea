import { count, eq } from 'drizzle-orm';
import { campaignDayMetrics, campaignImports, events } from '../../db/schema/index.ts';
import { STAGED_EXPORTS_PREFIX } from '../../src/server/campaign-costs/campaign-import-staging.ts';
import { postJson } from './sign-in.ts';
import { openTeamsApp } from './teams.ts';
import { SAME_ORIGIN } from './test-app.ts';
import type { Driver } from './test-databases.ts';

/**
 * The demo agency with everyone signed in (see openTeamsApp), and the import's two steps as
 * the page posts them: the upload (multipart) and the confirm.
 */
export async function openImportsApp(driver: Driver) {
  const teams = await openTeamsApp(driver);
  const { app } = teams;
  const upload = (
    who: string,
    clientId: string,
    bytes: Uint8Array,
    name = 'export.csv',
    options: { html?: boolean } = {},
  ) => {
    const form = new FormData();
    form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'text/csv' }));
    return app.request(`/api/campaign-imports/${clientId}/upload`, {
      method: 'POST',
      headers: {
        ...SAME_ORIGIN,
        Cookie: teams.cookie.get(who) ?? '',
        ...(options.html ? { Accept: 'text/html' } : {}),
      },
      body: form,
    });
  };
  const confirm = (who: string, clientId: string, file: string, name = '') =>
    app.request(
      `/api/campaign-imports/${clientId}`,
      postJson({ file, name }, { cookie: teams.cookie.get(who) }),
    );
  const staged = () => app.files.list({ prefix: STAGED_EXPORTS_PREFIX });
  return {
    teams,
    upload,
    confirm,
    /** Upload and confirm at once; throws unless both went through. */
    async importFile(who: string, clientId: string, bytes: Uint8Array) {
      const uploaded = await upload(who, clientId, bytes);
      if (uploaded.status !== 200) throw new Error(`upload answered ${uploaded.status}`);
      const { file } = (await uploaded.json()) as { file: string };
      const saved = await confirm(who, clientId, file);
      if (saved.status !== 200) throw new Error(`confirm answered ${saved.status}`);
    },
    /** What the imports wrote: import rows, daily figures, history events. */
    async written() {
      const [[imports], [figures], [saved]] = await app.db.batch([
        app.db.select({ n: count() }).from(campaignImports),
        app.db.select({ n: count() }).from(campaignDayMetrics),
        app.db
          .select({ n: count() })
          .from(events)
          .where(eq(events.action, 'campaign_import_saved')),
      ]);
      return { imports: imports?.n, figures: figures?.n, events: saved?.n };
    },
    async stagedCount() {
      return (await staged()).objects.length;
    },
    async reset() {
      await app.db.delete(campaignImports);
      await app.db.delete(events).where(eq(events.action, 'campaign_import_saved'));
      for (const object of (await staged()).objects) await app.files.delete(object.key);
    },
  };
}
