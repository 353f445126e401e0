import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'
import { searchTextOf } from '../src/content/searchText'

const KINDS = ['articles', 'videos', 'infographics', 'events'] as const
// The statuses of src/content/visibility.ts's HOLDING_STATUSES, as of this migration.
const HOLDING = `'draft','awaiting-approval','scheduled','sending','retrying','published'`

/** A JSON column (rich text) read back as the object the hooks see; plain text stays text. */
const json = (v: unknown) => {
  if (typeof v !== 'string' || !v.startsWith('{')) return v
  try {
    return JSON.parse(v)
  } catch {
    return v
  }
}

/**
 * The public page's fields on the four content collections: `featured`, `webVisibleFrom` (filled
 * from each item's web-page publications, as src/content/visibility.ts computes it) and
 * `searchText` (each item's text folded, as collections/content/hooks/keepPublicFields.ts keeps it).
 */

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`featured\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`web_visible_from\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`search_text\` text;`)
  await db.run(sql`CREATE INDEX \`articles_featured_idx\` ON \`articles\` (\`featured\`);`)
  await db.run(
    sql`CREATE INDEX \`articles_web_visible_from_idx\` ON \`articles\` (\`web_visible_from\`);`,
  )
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_featured\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_web_visible_from\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_search_text\` text;`)
  await db.run(
    sql`CREATE INDEX \`_articles_v_version_version_featured_idx\` ON \`_articles_v\` (\`version_featured\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_articles_v_version_version_web_visible_from_idx\` ON \`_articles_v\` (\`version_web_visible_from\`);`,
  )
  await db.run(sql`ALTER TABLE \`videos\` ADD \`featured\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`videos\` ADD \`web_visible_from\` text;`)
  await db.run(sql`ALTER TABLE \`videos\` ADD \`search_text\` text;`)
  await db.run(sql`CREATE INDEX \`videos_featured_idx\` ON \`videos\` (\`featured\`);`)
  await db.run(
    sql`CREATE INDEX \`videos_web_visible_from_idx\` ON \`videos\` (\`web_visible_from\`);`,
  )
  await db.run(sql`ALTER TABLE \`_videos_v\` ADD \`version_featured\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_videos_v\` ADD \`version_web_visible_from\` text;`)
  await db.run(sql`ALTER TABLE \`_videos_v\` ADD \`version_search_text\` text;`)
  await db.run(
    sql`CREATE INDEX \`_videos_v_version_version_featured_idx\` ON \`_videos_v\` (\`version_featured\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_videos_v_version_version_web_visible_from_idx\` ON \`_videos_v\` (\`version_web_visible_from\`);`,
  )
  await db.run(sql`ALTER TABLE \`infographics\` ADD \`featured\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`infographics\` ADD \`web_visible_from\` text;`)
  await db.run(sql`ALTER TABLE \`infographics\` ADD \`search_text\` text;`)
  await db.run(sql`CREATE INDEX \`infographics_featured_idx\` ON \`infographics\` (\`featured\`);`)
  await db.run(
    sql`CREATE INDEX \`infographics_web_visible_from_idx\` ON \`infographics\` (\`web_visible_from\`);`,
  )
  await db.run(sql`ALTER TABLE \`_infographics_v\` ADD \`version_featured\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_infographics_v\` ADD \`version_web_visible_from\` text;`)
  await db.run(sql`ALTER TABLE \`_infographics_v\` ADD \`version_search_text\` text;`)
  await db.run(
    sql`CREATE INDEX \`_infographics_v_version_version_featured_idx\` ON \`_infographics_v\` (\`version_featured\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_infographics_v_version_version_web_visible_from_idx\` ON \`_infographics_v\` (\`version_web_visible_from\`);`,
  )
  await db.run(sql`ALTER TABLE \`events\` ADD \`featured\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`web_visible_from\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`search_text\` text;`)
  await db.run(sql`CREATE INDEX \`events_featured_idx\` ON \`events\` (\`featured\`);`)
  await db.run(
    sql`CREATE INDEX \`events_web_visible_from_idx\` ON \`events\` (\`web_visible_from\`);`,
  )
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_featured\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_web_visible_from\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_search_text\` text;`)
  await db.run(
    sql`CREATE INDEX \`_events_v_version_version_featured_idx\` ON \`_events_v\` (\`version_featured\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_events_v_version_version_web_visible_from_idx\` ON \`_events_v\` (\`version_web_visible_from\`);`,
  )
  for (const kind of KINDS) {
    await db.run(
      sql.raw(`UPDATE \`${kind}\` SET \`web_visible_from\` = (SELECT MIN(p.scheduled_at) FROM \`publications\` p
        WHERE p.content_kind = '${kind}' AND p.content_id = \`${kind}\`.id AND p.channel_kind = 'web-page'
          AND p.status IN (${HOLDING}));`),
    )
    const rows = await db.all<Record<string, unknown>>(sql.raw(`SELECT * FROM \`${kind}\``))
    for (const row of rows) {
      const text = searchTextOf({
        title: row.title,
        sapo: row.sapo,
        description: json(row.description),
        body: json(row.body),
        alt: row.alt,
        longDescription: row.long_description,
        venue: row.venue,
        byline: row.byline,
      })
      await db.run(
        sql`UPDATE ${sql.identifier(kind)} SET search_text = ${text} WHERE id = ${row.id}`,
      )
    }
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`articles_featured_idx\`;`)
  await db.run(sql`DROP INDEX \`articles_web_visible_from_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`featured\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`web_visible_from\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`search_text\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_featured_idx\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_web_visible_from_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_featured\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_web_visible_from\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_search_text\`;`)
  await db.run(sql`DROP INDEX \`videos_featured_idx\`;`)
  await db.run(sql`DROP INDEX \`videos_web_visible_from_idx\`;`)
  await db.run(sql`ALTER TABLE \`videos\` DROP COLUMN \`featured\`;`)
  await db.run(sql`ALTER TABLE \`videos\` DROP COLUMN \`web_visible_from\`;`)
  await db.run(sql`ALTER TABLE \`videos\` DROP COLUMN \`search_text\`;`)
  await db.run(sql`DROP INDEX \`_videos_v_version_version_featured_idx\`;`)
  await db.run(sql`DROP INDEX \`_videos_v_version_version_web_visible_from_idx\`;`)
  await db.run(sql`ALTER TABLE \`_videos_v\` DROP COLUMN \`version_featured\`;`)
  await db.run(sql`ALTER TABLE \`_videos_v\` DROP COLUMN \`version_web_visible_from\`;`)
  await db.run(sql`ALTER TABLE \`_videos_v\` DROP COLUMN \`version_search_text\`;`)
  await db.run(sql`DROP INDEX \`infographics_featured_idx\`;`)
  await db.run(sql`DROP INDEX \`infographics_web_visible_from_idx\`;`)
  await db.run(sql`ALTER TABLE \`infographics\` DROP COLUMN \`featured\`;`)
  await db.run(sql`ALTER TABLE \`infographics\` DROP COLUMN \`web_visible_from\`;`)
  await db.run(sql`ALTER TABLE \`infographics\` DROP COLUMN \`search_text\`;`)
  await db.run(sql`DROP INDEX \`_infographics_v_version_version_featured_idx\`;`)
  await db.run(sql`DROP INDEX \`_infographics_v_version_version_web_visible_from_idx\`;`)
  await db.run(sql`ALTER TABLE \`_infographics_v\` DROP COLUMN \`version_featured\`;`)
  await db.run(sql`ALTER TABLE \`_infographics_v\` DROP COLUMN \`version_web_visible_from\`;`)
  await db.run(sql`ALTER TABLE \`_infographics_v\` DROP COLUMN \`version_search_text\`;`)
  await db.run(sql`DROP INDEX \`events_featured_idx\`;`)
  await db.run(sql`DROP INDEX \`events_web_visible_from_idx\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`featured\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`web_visible_from\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`search_text\`;`)
  await db.run(sql`DROP INDEX \`_events_v_version_version_featured_idx\`;`)
  await db.run(sql`DROP INDEX \`_events_v_version_version_web_visible_from_idx\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_featured\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_web_visible_from\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_search_text\`;`)
}
