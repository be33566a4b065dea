import { Hono } from 'hono';
import { policy } from '../../src/policy/index.ts';
import { contentDisposition } from '../../src/server/files/file-names.ts';
import {
  exportTimelineMarkdown,
  TIMELINE_EXPORT_REFUSALS,
} from '../../src/server/timeline/timeline-export.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { signedIn } from '../http/client-info.ts';
import { refuseWith } from '../http/respond.ts';

/** A client's month of timeline as a Markdown download, for whoever reads the client (checked per client). */
export const timelineExportRoutes = new Hono<ApiEnv>().get('/:id/timeline.md', async (c) => {
  const { db, clock } = c.get('deps');
  const exported = await exportTimelineMarkdown(
    db,
    signedIn(c).user,
    { clientId: c.req.param('id'), period: c.req.query('period') ?? '', locale: c.get('locale') },
    policy,
    clock(),
  );
  if (!exported.ok) return refuseWith(c, TIMELINE_EXPORT_REFUSALS, exported.error);
  return c.body(exported.text, 200, {
    'Content-Type': 'text/markdown; charset=utf-8',
    'Content-Disposition': contentDisposition('attachment', exported.fileName),
    'Cache-Control': 'private, no-store',
  });
});
