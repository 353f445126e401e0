import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  // Written by hand (after migrate:create): the cells keep their ids (campaign_id → campaign, …) and
  // their unit names; topic cells lose their channel in the new layout, so every month that has
  // cells is marked stale for every source and the next incremental run rewrites what changed.
  // Also by hand: the covering indexes the rollup's scans read, on publications (they end with the
  // id, which a Payload compound index cannot name) and on the _rels tables it joins (which
  // Payload's config cannot index).
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_rollup_cells\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`month\` numeric NOT NULL,
  	\`metric\` text NOT NULL,
  	\`value\` numeric NOT NULL,
  	\`campaign\` text,
  	\`unit\` text,
  	\`unit_name\` text,
  	\`content_type\` text,
  	\`channel\` text,
  	\`channel_kind\` text,
  	\`topic\` text,
  	\`key\` text NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_rollup_cells\`("id", "year", "month", "metric", "value", "campaign", "unit", "unit_name", "content_type", "channel", "channel_kind", "topic", "key") SELECT "id", "year", "month", "metric", "value", "campaign_id", "unit_id", "unit_name", "content_type", "channel_id", "channel_kind", "topic_id", "key" FROM \`rollup_cells\`;`)
  await db.run(sql`DROP TABLE \`rollup_cells\`;`)
  await db.run(sql`ALTER TABLE \`__new_rollup_cells\` RENAME TO \`rollup_cells\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`year_month_metric_idx\` ON \`rollup_cells\` (\`year\`,\`month\`,\`metric\`);`)
  await db.run(sql`DROP INDEX \`publications_published_at_idx\`;`)
  await db.run(sql`INSERT INTO \`rollup_dirty\` (\`id\`, \`year\`, \`month\`, \`source\`)
    SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-8' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), y.year, m.month, s.source
    FROM (SELECT DISTINCT \`year\` FROM \`rollup_cells\`) y
    CROSS JOIN (WITH RECURSIVE n(month) AS (SELECT 0 UNION ALL SELECT month + 1 FROM n WHERE month < 12) SELECT month FROM n) m
    CROSS JOIN (SELECT 'content' AS source UNION ALL SELECT 'publications' UNION ALL SELECT 'events' UNION ALL SELECT 'budgets' UNION ALL SELECT 'trainings' UNION ALL SELECT 'engagement') s;`)
  await db.run(sql`CREATE INDEX \`publications_rels_content_idx\` ON \`publications_rels\` (\`parent_id\`, \`path\`, \`articles_id\`, \`videos_id\`, \`infographics_id\`, \`events_id\`);`)
  await db.run(sql`CREATE INDEX \`publications_rollup_published_idx\` ON \`publications\` (\`published_at\`, \`status\`, \`owner_unit_id\`, \`channel_id\`, \`channel_kind\`, \`campaign_id\`, \`id\`);`)
  await db.run(sql`CREATE INDEX \`publications_rollup_aired_idx\` ON \`publications\` (\`scheduled_at\`, \`airing_status\`, \`channel_kind\`, \`owner_unit_id\`, \`channel_id\`, \`campaign_id\`, \`airing_actual_duration_seconds\`, \`id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_rollup_idx\` ON \`articles_rels\` (\`parent_id\`, \`path\`, \`topics_id\`, \`campaigns_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_rels_rollup_idx\` ON \`videos_rels\` (\`parent_id\`, \`path\`, \`topics_id\`, \`campaigns_id\`);`)
  await db.run(sql`CREATE INDEX \`infographics_rels_rollup_idx\` ON \`infographics_rels\` (\`parent_id\`, \`path\`, \`topics_id\`, \`campaigns_id\`);`)
  await db.run(sql`CREATE INDEX \`events_rels_rollup_idx\` ON \`events_rels\` (\`parent_id\`, \`path\`, \`topics_id\`, \`campaigns_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX IF EXISTS \`publications_rels_content_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`publications_rollup_published_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`publications_rollup_aired_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`articles_rels_rollup_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`videos_rels_rollup_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`infographics_rels_rollup_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`events_rels_rollup_idx\`;`)
  await db.run(sql`DROP INDEX \`year_month_metric_idx\`;`)
  await db.run(sql`ALTER TABLE \`rollup_cells\` ADD \`campaign_id\` text(36) REFERENCES campaigns(id);`)
  await db.run(sql`ALTER TABLE \`rollup_cells\` ADD \`unit_id\` text(36) REFERENCES units(id);`)
  await db.run(sql`ALTER TABLE \`rollup_cells\` ADD \`channel_id\` text(36) REFERENCES channels(id);`)
  await db.run(sql`ALTER TABLE \`rollup_cells\` ADD \`topic_id\` text(36) REFERENCES topics(id);`)
  await db.run(sql`ALTER TABLE \`rollup_cells\` ADD \`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL;`)
  await db.run(sql`ALTER TABLE \`rollup_cells\` ADD \`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL;`)
  await db.run(sql`CREATE INDEX \`rollup_cells_campaign_idx\` ON \`rollup_cells\` (\`campaign_id\`);`)
  await db.run(sql`CREATE INDEX \`rollup_cells_unit_idx\` ON \`rollup_cells\` (\`unit_id\`);`)
  await db.run(sql`CREATE INDEX \`rollup_cells_channel_idx\` ON \`rollup_cells\` (\`channel_id\`);`)
  await db.run(sql`CREATE INDEX \`rollup_cells_topic_idx\` ON \`rollup_cells\` (\`topic_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`rollup_cells_key_idx\` ON \`rollup_cells\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`rollup_cells_updated_at_idx\` ON \`rollup_cells\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`rollup_cells_created_at_idx\` ON \`rollup_cells\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`year_metric_idx\` ON \`rollup_cells\` (\`year\`,\`metric\`);`)
  await db.run(sql`CREATE INDEX \`year_month_idx\` ON \`rollup_cells\` (\`year\`,\`month\`);`)
  await db.run(sql`ALTER TABLE \`rollup_cells\` DROP COLUMN \`campaign\`;`)
  await db.run(sql`ALTER TABLE \`rollup_cells\` DROP COLUMN \`unit\`;`)
  await db.run(sql`ALTER TABLE \`rollup_cells\` DROP COLUMN \`channel\`;`)
  await db.run(sql`ALTER TABLE \`rollup_cells\` DROP COLUMN \`topic\`;`)
  await db.run(sql`CREATE INDEX \`publications_published_at_idx\` ON \`publications\` (\`published_at\`);`)
}
