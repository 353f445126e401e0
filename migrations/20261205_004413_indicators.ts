import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`data_elements_unit_kinds\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`value\` text,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`data_elements\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`data_elements_unit_kinds_order_idx\` ON \`data_elements_unit_kinds\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`data_elements_unit_kinds_parent_idx\` ON \`data_elements_unit_kinds\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`data_elements\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`code\` text NOT NULL,
  	\`name\` text NOT NULL,
  	\`name_en\` text,
  	\`part_of_id\` text(36),
  	\`survey\` integer DEFAULT false,
  	\`sort_order\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`part_of_id\`) REFERENCES \`data_elements\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`data_elements_code_idx\` ON \`data_elements\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`data_elements_part_of_idx\` ON \`data_elements\` (\`part_of_id\`);`)
  await db.run(sql`CREATE INDEX \`data_elements_updated_at_idx\` ON \`data_elements\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`data_elements_created_at_idx\` ON \`data_elements\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`indicators_unit_kinds\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`value\` text,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`indicators\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`indicators_unit_kinds_order_idx\` ON \`indicators_unit_kinds\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`indicators_unit_kinds_parent_idx\` ON \`indicators_unit_kinds\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`indicators_targets\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`campaign_id\` text(36) NOT NULL,
  	\`unit_kind\` text,
  	\`year\` numeric NOT NULL,
  	\`value\` numeric NOT NULL,
  	FOREIGN KEY (\`campaign_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`indicators\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`indicators_targets_order_idx\` ON \`indicators_targets\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`indicators_targets_parent_id_idx\` ON \`indicators_targets\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`indicators_targets_campaign_idx\` ON \`indicators_targets\` (\`campaign_id\`);`)
  await db.run(sql`CREATE TABLE \`indicators\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`code\` text NOT NULL,
  	\`name\` text NOT NULL,
  	\`name_en\` text,
  	\`kind\` text DEFAULT 'percentage' NOT NULL,
  	\`factor\` numeric DEFAULT 1000,
  	\`decimals\` numeric DEFAULT 1,
  	\`higher_is_better\` integer DEFAULT true,
  	\`numerator_source\` text DEFAULT 'element' NOT NULL,
  	\`numerator_element_id\` text(36),
  	\`numerator_measure\` text,
  	\`denominator_source\` text DEFAULT 'element' NOT NULL,
  	\`denominator_element_id\` text(36),
  	\`denominator_measure\` text,
  	\`weight_id\` text(36),
  	\`seed_ref\` text,
  	\`sort_order\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`numerator_element_id\`) REFERENCES \`data_elements\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`denominator_element_id\`) REFERENCES \`data_elements\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`weight_id\`) REFERENCES \`data_elements\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`indicators_code_idx\` ON \`indicators\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`indicators_numerator_numerator_element_idx\` ON \`indicators\` (\`numerator_element_id\`);`)
  await db.run(sql`CREATE INDEX \`indicators_denominator_denominator_element_idx\` ON \`indicators\` (\`denominator_element_id\`);`)
  await db.run(sql`CREATE INDEX \`indicators_weight_idx\` ON \`indicators\` (\`weight_id\`);`)
  await db.run(sql`CREATE INDEX \`indicators_updated_at_idx\` ON \`indicators\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`indicators_created_at_idx\` ON \`indicators\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`indicator_reports_values\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`element_id\` text(36) NOT NULL,
  	\`value\` numeric,
  	FOREIGN KEY (\`element_id\`) REFERENCES \`data_elements\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`indicator_reports\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`indicator_reports_values_order_idx\` ON \`indicator_reports_values\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`indicator_reports_values_parent_id_idx\` ON \`indicator_reports_values\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`indicator_reports_values_element_idx\` ON \`indicator_reports_values\` (\`element_id\`);`)
  await db.run(sql`CREATE TABLE \`indicator_reports\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`owner_unit_id\` text(36) NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`status\` text DEFAULT 'draft' NOT NULL,
  	\`return_reason\` text,
  	\`survey_method\` text,
  	\`survey_date\` text,
  	\`submitted_at\` text,
  	\`submitted_by_id\` text(36),
  	\`reviewed_at\` text,
  	\`reviewed_by_id\` text(36),
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`owner_unit_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reviewed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`indicator_reports_owner_unit_idx\` ON \`indicator_reports\` (\`owner_unit_id\`);`)
  await db.run(sql`CREATE INDEX \`indicator_reports_year_idx\` ON \`indicator_reports\` (\`year\`);`)
  await db.run(sql`CREATE INDEX \`indicator_reports_submitted_by_idx\` ON \`indicator_reports\` (\`submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`indicator_reports_reviewed_by_idx\` ON \`indicator_reports\` (\`reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`indicator_reports_updated_at_idx\` ON \`indicator_reports\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`indicator_reports_created_at_idx\` ON \`indicator_reports\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`ownerUnit_year_1_idx\` ON \`indicator_reports\` (\`owner_unit_id\`,\`year\`);`)
  await db.run(sql`CREATE TABLE \`indicator_facts\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`indicator\` text NOT NULL,
  	\`unit\` text NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`numerator\` numeric,
  	\`denominator\` numeric,
  	\`weight\` numeric,
  	\`complete\` integer
  );
  `)
  await db.run(sql`CREATE INDEX \`indicator_year_complete_unit_numerator_denominator_weigh_idx\` ON \`indicator_facts\` (\`indicator\`,\`year\`,\`complete\`,\`unit\`,\`numerator\`,\`denominator\`,\`weight\`);`)
  await db.run(sql`CREATE INDEX \`unit_year_idx\` ON \`indicator_facts\` (\`unit\`,\`year\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`data_elements_id\` text(36) REFERENCES data_elements(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`indicators_id\` text(36) REFERENCES indicators(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`indicator_facts_id\` text(36) REFERENCES indicator_facts(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_data_elements_id_idx\` ON \`payload_locked_documents_rels\` (\`data_elements_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_indicators_id_idx\` ON \`payload_locked_documents_rels\` (\`indicators_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_indicator_facts_id_idx\` ON \`payload_locked_documents_rels\` (\`indicator_facts_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`data_elements_unit_kinds\`;`)
  await db.run(sql`DROP TABLE \`data_elements\`;`)
  await db.run(sql`DROP TABLE \`indicators_unit_kinds\`;`)
  await db.run(sql`DROP TABLE \`indicators_targets\`;`)
  await db.run(sql`DROP TABLE \`indicators\`;`)
  await db.run(sql`DROP TABLE \`indicator_reports_values\`;`)
  await db.run(sql`DROP TABLE \`indicator_reports\`;`)
  await db.run(sql`DROP TABLE \`indicator_facts\`;`)
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
  	\`rollup_cells_id\` numeric,
  	\`rollup_snapshots_id\` text(36),
  	\`snapshot_cells_id\` text(36),
  	\`rollup_dirty_id\` text(36),
  	\`rollup_leases_id\` text(36),
  	\`report_deadlines_id\` text(36),
  	\`report_reminders_id\` text(36),
  	\`generated_reports_id\` text(36),
  	\`units_id\` text(36),
  	\`users_id\` text(36),
  	\`audit_log_id\` text(36),
  	\`site_changes_id\` text(36),
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
  	FOREIGN KEY (\`rollup_cells_id\`) REFERENCES \`rollup_cells\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`rollup_snapshots_id\`) REFERENCES \`rollup_snapshots\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`snapshot_cells_id\`) REFERENCES \`snapshot_cells\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`rollup_dirty_id\`) REFERENCES \`rollup_dirty\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`rollup_leases_id\`) REFERENCES \`rollup_leases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`report_deadlines_id\`) REFERENCES \`report_deadlines\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`report_reminders_id\`) REFERENCES \`report_reminders\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`generated_reports_id\`) REFERENCES \`generated_reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`units_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`site_changes_id\`) REFERENCES \`site_changes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "videos_id", "infographics_id", "events_id", "media_id", "topics_id", "campaigns_id", "channels_id", "publications_id", "trainings_id", "engagement_observations_id", "worker_heartbeats_id", "rollup_cells_id", "rollup_snapshots_id", "snapshot_cells_id", "rollup_dirty_id", "rollup_leases_id", "report_deadlines_id", "report_reminders_id", "generated_reports_id", "units_id", "users_id", "audit_log_id", "site_changes_id") SELECT "id", "order", "parent_id", "path", "articles_id", "videos_id", "infographics_id", "events_id", "media_id", "topics_id", "campaigns_id", "channels_id", "publications_id", "trainings_id", "engagement_observations_id", "worker_heartbeats_id", "rollup_cells_id", "rollup_snapshots_id", "snapshot_cells_id", "rollup_dirty_id", "rollup_leases_id", "report_deadlines_id", "report_reminders_id", "generated_reports_id", "units_id", "users_id", "audit_log_id", "site_changes_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rollup_cells_id_idx\` ON \`payload_locked_documents_rels\` (\`rollup_cells_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rollup_snapshots_id_idx\` ON \`payload_locked_documents_rels\` (\`rollup_snapshots_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_snapshot_cells_id_idx\` ON \`payload_locked_documents_rels\` (\`snapshot_cells_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rollup_dirty_id_idx\` ON \`payload_locked_documents_rels\` (\`rollup_dirty_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rollup_leases_id_idx\` ON \`payload_locked_documents_rels\` (\`rollup_leases_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_report_deadlines_id_idx\` ON \`payload_locked_documents_rels\` (\`report_deadlines_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_report_reminders_id_idx\` ON \`payload_locked_documents_rels\` (\`report_reminders_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_generated_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`generated_reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_units_id_idx\` ON \`payload_locked_documents_rels\` (\`units_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_changes_id_idx\` ON \`payload_locked_documents_rels\` (\`site_changes_id\`);`)
}
