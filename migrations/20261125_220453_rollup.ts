import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`rollup_cells\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`month\` numeric NOT NULL,
  	\`metric\` text NOT NULL,
  	\`value\` numeric NOT NULL,
  	\`campaign_id\` text(36),
  	\`unit_id\` text(36),
  	\`unit_name\` text,
  	\`content_type\` text,
  	\`channel_id\` text(36),
  	\`channel_kind\` text,
  	\`topic_id\` text(36),
  	\`key\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`campaign_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`unit_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`channel_id\`) REFERENCES \`channels\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`topic_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`rollup_cells_campaign_idx\` ON \`rollup_cells\` (\`campaign_id\`);`)
  await db.run(sql`CREATE INDEX \`rollup_cells_unit_idx\` ON \`rollup_cells\` (\`unit_id\`);`)
  await db.run(sql`CREATE INDEX \`rollup_cells_channel_idx\` ON \`rollup_cells\` (\`channel_id\`);`)
  await db.run(sql`CREATE INDEX \`rollup_cells_topic_idx\` ON \`rollup_cells\` (\`topic_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`rollup_cells_key_idx\` ON \`rollup_cells\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`rollup_cells_updated_at_idx\` ON \`rollup_cells\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`rollup_cells_created_at_idx\` ON \`rollup_cells\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`year_metric_idx\` ON \`rollup_cells\` (\`year\`,\`metric\`);`)
  await db.run(sql`CREATE INDEX \`year_month_idx\` ON \`rollup_cells\` (\`year\`,\`month\`);`)
  await db.run(sql`CREATE TABLE \`rollup_snapshots\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`year\` numeric NOT NULL,
  	\`note\` text,
  	\`taken_at\` text,
  	\`taken_by_id\` text(36),
  	\`cell_count\` numeric,
  	\`checksum\` text,
  	\`cells\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`taken_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`rollup_snapshots_taken_by_idx\` ON \`rollup_snapshots\` (\`taken_by_id\`);`)
  await db.run(sql`CREATE INDEX \`rollup_snapshots_updated_at_idx\` ON \`rollup_snapshots\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`rollup_snapshots_created_at_idx\` ON \`rollup_snapshots\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`rollup_dirty\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`month\` numeric NOT NULL,
  	\`source\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`rollup_dirty_updated_at_idx\` ON \`rollup_dirty\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`rollup_dirty_created_at_idx\` ON \`rollup_dirty\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`rollup_leases\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`owner\` text,
  	\`until\` text,
  	\`last_run_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`rollup_leases_name_idx\` ON \`rollup_leases\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`rollup_leases_updated_at_idx\` ON \`rollup_leases\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`rollup_leases_created_at_idx\` ON \`rollup_leases\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`rollup_cells_id\` text(36) REFERENCES rollup_cells(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`rollup_snapshots_id\` text(36) REFERENCES rollup_snapshots(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`rollup_dirty_id\` text(36) REFERENCES rollup_dirty(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`rollup_leases_id\` text(36) REFERENCES rollup_leases(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rollup_cells_id_idx\` ON \`payload_locked_documents_rels\` (\`rollup_cells_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rollup_snapshots_id_idx\` ON \`payload_locked_documents_rels\` (\`rollup_snapshots_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rollup_dirty_id_idx\` ON \`payload_locked_documents_rels\` (\`rollup_dirty_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rollup_leases_id_idx\` ON \`payload_locked_documents_rels\` (\`rollup_leases_id\`);`)
  await db.run(sql`CREATE INDEX \`publications_published_at_idx\` ON \`publications\` (\`published_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`rollup_cells\`;`)
  await db.run(sql`DROP TABLE \`rollup_snapshots\`;`)
  await db.run(sql`DROP TABLE \`rollup_dirty\`;`)
  await db.run(sql`DROP TABLE \`rollup_leases\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` text(36),
  	\`videos_id\` text(36),
  	\`infographics_id\` text(36),
  	\`events_id\` text(36),
  	\`media_id\` text(36),
  	\`topics_id\` text(36),
  	\`campaigns_id\` text(36),
  	\`channels_id\` text(36),
  	\`publications_id\` text(36),
  	\`trainings_id\` text(36),
  	\`engagement_observations_id\` text(36),
  	\`worker_heartbeats_id\` text(36),
  	\`units_id\` text(36),
  	\`users_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`videos_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`infographics_id\`) REFERENCES \`infographics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`campaigns_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`channels_id\`) REFERENCES \`channels\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`publications_id\`) REFERENCES \`publications\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`trainings_id\`) REFERENCES \`trainings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`engagement_observations_id\`) REFERENCES \`engagement_observations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`worker_heartbeats_id\`) REFERENCES \`worker_heartbeats\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`units_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "videos_id", "infographics_id", "events_id", "media_id", "topics_id", "campaigns_id", "channels_id", "publications_id", "trainings_id", "engagement_observations_id", "worker_heartbeats_id", "units_id", "users_id") SELECT "id", "order", "parent_id", "path", "articles_id", "videos_id", "infographics_id", "events_id", "media_id", "topics_id", "campaigns_id", "channels_id", "publications_id", "trainings_id", "engagement_observations_id", "worker_heartbeats_id", "units_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_videos_id_idx\` ON \`payload_locked_documents_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_infographics_id_idx\` ON \`payload_locked_documents_rels\` (\`infographics_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_events_id_idx\` ON \`payload_locked_documents_rels\` (\`events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_topics_id_idx\` ON \`payload_locked_documents_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_campaigns_id_idx\` ON \`payload_locked_documents_rels\` (\`campaigns_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_channels_id_idx\` ON \`payload_locked_documents_rels\` (\`channels_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_publications_id_idx\` ON \`payload_locked_documents_rels\` (\`publications_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_trainings_id_idx\` ON \`payload_locked_documents_rels\` (\`trainings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_engagement_observations_id_idx\` ON \`payload_locked_documents_rels\` (\`engagement_observations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_worker_heartbeats_id_idx\` ON \`payload_locked_documents_rels\` (\`worker_heartbeats_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_units_id_idx\` ON \`payload_locked_documents_rels\` (\`units_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`DROP INDEX \`publications_published_at_idx\`;`)
}
