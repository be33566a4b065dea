// The import page's data: the client, its last imports, and the preview of a staged upload.
import { and, between, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { campaignDayMetrics, campaignImports, users } from '../../../db/schema/index.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { FileStore } from '../files/file-store.ts';
import type { ParsedImport } from './campaign-import-result.ts';
import type { ImportRules } from './campaign-import-save.ts';
import { readStagedExport, uploadedFileName } from './campaign-import-staging.ts';
import { csvExportSource } from './campaign-source.ts';
import { campaignClientFor, readCampaignClient } from './cost-norms-access.ts';
import type { DayFigures } from './cost-rules.ts';

// The preview's table: a line per campaign and placement, at most this many.
export const PREVIEW_LINES = 50;
const RECENT_IMPORTS = 5;

/**
 * A campaign's figures over the import's days in one placement, as the preview lists them: a
 * day's figures (DayFigures) summed, with how many days. The objective is null when no day
 * said, or its days disagree: the campaign is then compared on nothing.
 */
export type PreviewLine = Omit<DayFigures, 'day' | 'currency'> & { days: number };

export type ImportPreview = Omit<ParsedImport, 'rows'> & {
  sha256: string;
  fileName: string;
  days: number;
  // Every figure the save will write (a day, campaign and placement), not only the lines shown.
  figures: number;
  lines: PreviewLine[];
  moreLines: number;
  replaces: SavedOnDays;
};

/** The figures already saved on an import's days: the save removes every one of them. */
export type SavedOnDays = { figures: number; days: number; otherCampaigns: number };

/** What a save of `parsed` replaces: the saved figures of its days, and how many are of
 * campaigns the file does not have (they are removed, not replaced). */
async function savedOnDays(db: Database, clientId: string, parsed: ParsedImport) {
  const names = JSON.stringify(parsed.campaigns);
  const [saved] = await db
    .select({
      figures: sql<number>`count(*)`.mapWith(Number),
      days: sql<number>`count(distinct ${campaignDayMetrics.day})`.mapWith(Number),
      otherCampaigns:
        sql<number>`coalesce(sum(${campaignDayMetrics.campaignName} not in (select value from json_each(${names}))), 0)`.mapWith(
          Number,
        ),
    })
    .from(campaignDayMetrics)
    .where(
      and(
        eq(campaignDayMetrics.clientId, clientId),
        between(campaignDayMetrics.day, parsed.firstDay, parsed.lastDay),
      ),
    );
  return saved ?? { figures: 0, days: 0, otherCampaigns: 0 };
}

/** The figures summed per campaign and placement (leads only when every day's were). */
export function previewLines(rows: ParsedImport['rows']): PreviewLine[] {
  const lines = new Map<string, PreviewLine>();
  for (const row of rows) {
    const key = `${row.campaignName}\u0000${row.placement}`;
    const line = lines.get(key) ?? {
      campaignName: row.campaignName,
      placement: row.placement,
      days: 0,
      spendMinorUnits: 0,
      impressions: 0,
      linkClicks: 0,
      results: 0,
      resultsAreLeads: true,
      objective: row.objective,
    };
    if (line.objective !== row.objective) line.objective = null;
    line.days += 1;
    line.spendMinorUnits += row.spendMinorUnits;
    line.impressions += row.impressions;
    line.linkClicks += row.linkClicks;
    line.results += row.results;
    line.resultsAreLeads &&= row.resultsAreLeads;
    lines.set(key, line);
  }
  return [...lines.values()].sort(
    (a, b) =>
      a.campaignName.localeCompare(b.campaignName) || a.placement.localeCompare(b.placement),
  );
}

function readRecentImports(db: Database, clientId: string) {
  return db
    .select({
      id: campaignImports.id,
      fileName: campaignImports.fileName,
      currency: campaignImports.currency,
      firstDay: campaignImports.firstDay,
      lastDay: campaignImports.lastDay,
      rowCount: campaignImports.rowCount,
      importedAt: campaignImports.importedAt,
      importedBy: users.name,
    })
    .from(campaignImports)
    .leftJoin(users, eq(users.id, campaignImports.importedBy))
    .where(eq(campaignImports.clientId, clientId))
    .orderBy(desc(campaignImports.importedAt))
    .limit(RECENT_IMPORTS);
}

/**
 * The import page for a client's CS, paid-traffic partner or an admin (else null: a 404):
 * the client and its last imports in one round trip; with `file` (a staged upload's hash,
 * the person's own), its preview read again from the bucket — or 'gone' when there is none —
 * and, in a second round trip once its days are known, what saving it replaces.
 */
export async function loadCampaignImportPage(
  deps: { db: Database; files: FileStore },
  viewer: Viewer,
  clientId: string,
  shown: { file: string | null; name: string | null },
  rules: ImportRules,
  now: Date,
) {
  const [found, recent] = await deps.db.batch([
    readCampaignClient(deps.db, viewer, clientId),
    readRecentImports(deps.db, clientId),
  ]);
  const client = campaignClientFor(viewer, found);
  if (!client) return null;
  let preview: ImportPreview | 'gone' | null = null;
  if (shown.file !== null) {
    const owner = { clientId: client.id, uploaderId: viewer.id };
    const staged = await readStagedExport(deps.files, owner, shown.file, rules, now);
    const parsed = staged ? await csvExportSource(rules).read(staged.bytes) : null;
    if (!staged || !parsed?.ok) preview = 'gone';
    else {
      const replaces = await savedOnDays(deps.db, client.id, parsed);
      const { rows, ...rest } = parsed;
      const lines = previewLines(rows);
      preview = {
        ...rest,
        sha256: staged.sha256,
        fileName: uploadedFileName(shown.name) ?? '',
        days: new Set(rows.map((row) => row.day)).size,
        figures: rows.length,
        lines: lines.slice(0, PREVIEW_LINES),
        moreLines: Math.max(0, lines.length - PREVIEW_LINES),
        replaces,
      };
    }
  }
  return { client, recent, preview };
}

export type CampaignImportPage = NonNullable<Awaited<ReturnType<typeof loadCampaignImportPage>>>;
