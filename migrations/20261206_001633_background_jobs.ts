import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`background_jobs\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`kind\` text,
  	\`state\` text DEFAULT 'queued' NOT NULL,
  	\`input\` text,
  	\`dedupe_key\` text,
  	\`done\` numeric,
  	\`total\` numeric,
  	\`step\` text,
  	\`result\` text,
  	\`error\` text,
  	\`attempts\` numeric DEFAULT 0,
  	\`owner\` text,
  	\`lease_until\` text,
  	\`requested_by_id\` text(36),
  	\`started_at\` text,
  	\`finished_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`requested_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`background_jobs_state_idx\` ON \`background_jobs\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`background_jobs_dedupe_key_idx\` ON \`background_jobs\` (\`dedupe_key\`);`)
  await db.run(sql`CREATE INDEX \`background_jobs_lease_until_idx\` ON \`background_jobs\` (\`lease_until\`);`)
  await db.run(sql`CREATE INDEX \`background_jobs_requested_by_idx\` ON \`background_jobs\` (\`requested_by_id\`);`)
  await db.run(sql`CREATE INDEX \`background_jobs_updated_at_idx\` ON \`background_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`background_jobs_created_at_idx\` ON \`background_jobs\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`background_jobs_id\` text(36) REFERENCES background_jobs(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_background_jobs_id_idx\` ON \`payload_locked_documents_rels\` (\`background_jobs_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`background_jobs\`;`)
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
  	\`event_check_ins_id\` text(36),
  	\`media_id\` text(36),
  	\`topics_id\` text(36),
  	\`campaigns_id\` text(36),
  	\`channels_id\` text(36),
  	\`publications_id\` text(36),
  	\`withdrawals_id\` text(36),
  	\`removals_id\` text(36),
  	\`trainings_id\` text(36),
  	\`plan_tasks_id\` text(36),
  	\`commissions_id\` text(36),
  	\`comments_id\` text(36),
  	\`task_progress_id\` text(36),
  	\`task_reminders_id\` text(36),
  	\`notifications_id\` text(36),
  	\`engagement_observations_id\` text(36),
  	\`worker_heartbeats_id\` text(36),
  	\`rollup_cells_id\` numeric,
  	\`rollup_snapshots_id\` text(36),
  	\`snapshot_cells_id\` text(36),
  	\`rollup_dirty_id\` text(36),
  	\`rollup_leases_id\` text(36),
  	\`rollup_years_id\` text(36),
  	\`report_deadlines_id\` text(36),
  	\`report_reminders_id\` text(36),
  	\`generated_reports_id\` text(36),
  	\`data_elements_id\` text(36),
  	\`indicators_id\` text(36),
  	\`indicator_facts_id\` text(36),
  	\`surveys_id\` text(36),
  	\`survey_responses_id\` text(36),
  	\`unit_events_id\` text(36),
  	\`units_id\` text(36),
  	\`users_id\` text(36),
  	\`audit_log_id\` text(36),
  	\`site_changes_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`videos_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`infographics_id\`) REFERENCES \`infographics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`event_check_ins_id\`) REFERENCES \`event_check_ins\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`campaigns_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`channels_id\`) REFERENCES \`channels\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`publications_id\`) REFERENCES \`publications\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`withdrawals_id\`) REFERENCES \`withdrawals\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`removals_id\`) REFERENCES \`removals\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`trainings_id\`) REFERENCES \`trainings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`plan_tasks_id\`) REFERENCES \`plan_tasks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`commissions_id\`) REFERENCES \`commissions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`comments_id\`) REFERENCES \`comments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`task_progress_id\`) REFERENCES \`task_progress\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`task_reminders_id\`) REFERENCES \`task_reminders\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`notifications_id\`) REFERENCES \`notifications\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`engagement_observations_id\`) REFERENCES \`engagement_observations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`worker_heartbeats_id\`) REFERENCES \`worker_heartbeats\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`rollup_cells_id\`) REFERENCES \`rollup_cells\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`rollup_snapshots_id\`) REFERENCES \`rollup_snapshots\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`snapshot_cells_id\`) REFERENCES \`snapshot_cells\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`rollup_dirty_id\`) REFERENCES \`rollup_dirty\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`rollup_leases_id\`) REFERENCES \`rollup_leases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`rollup_years_id\`) REFERENCES \`rollup_years\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`report_deadlines_id\`) REFERENCES \`report_deadlines\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`report_reminders_id\`) REFERENCES \`report_reminders\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`generated_reports_id\`) REFERENCES \`generated_reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`data_elements_id\`) REFERENCES \`data_elements\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`indicators_id\`) REFERENCES \`indicators\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`indicator_facts_id\`) REFERENCES \`indicator_facts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`surveys_id\`) REFERENCES \`surveys\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`survey_responses_id\`) REFERENCES \`survey_responses\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`unit_events_id\`) REFERENCES \`unit_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`units_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`site_changes_id\`) REFERENCES \`site_changes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "videos_id", "infographics_id", "events_id", "event_check_ins_id", "media_id", "topics_id", "campaigns_id", "channels_id", "publications_id", "withdrawals_id", "removals_id", "trainings_id", "plan_tasks_id", "commissions_id", "comments_id", "task_progress_id", "task_reminders_id", "notifications_id", "engagement_observations_id", "worker_heartbeats_id", "rollup_cells_id", "rollup_snapshots_id", "snapshot_cells_id", "rollup_dirty_id", "rollup_leases_id", "rollup_years_id", "report_deadlines_id", "report_reminders_id", "generated_reports_id", "data_elements_id", "indicators_id", "indicator_facts_id", "surveys_id", "survey_responses_id", "unit_events_id", "units_id", "users_id", "audit_log_id", "site_changes_id") SELECT "id", "order", "parent_id", "path", "articles_id", "videos_id", "infographics_id", "events_id", "event_check_ins_id", "media_id", "topics_id", "campaigns_id", "channels_id", "publications_id", "withdrawals_id", "removals_id", "trainings_id", "plan_tasks_id", "commissions_id", "comments_id", "task_progress_id", "task_reminders_id", "notifications_id", "engagement_observations_id", "worker_heartbeats_id", "rollup_cells_id", "rollup_snapshots_id", "snapshot_cells_id", "rollup_dirty_id", "rollup_leases_id", "rollup_years_id", "report_deadlines_id", "report_reminders_id", "generated_reports_id", "data_elements_id", "indicators_id", "indicator_facts_id", "surveys_id", "survey_responses_id", "unit_events_id", "units_id", "users_id", "audit_log_id", "site_changes_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_event_check_ins_id_idx\` ON \`payload_locked_documents_rels\` (\`event_check_ins_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_topics_id_idx\` ON \`payload_locked_documents_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_campaigns_id_idx\` ON \`payload_locked_documents_rels\` (\`campaigns_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_channels_id_idx\` ON \`payload_locked_documents_rels\` (\`channels_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_publications_id_idx\` ON \`payload_locked_documents_rels\` (\`publications_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_withdrawals_id_idx\` ON \`payload_locked_documents_rels\` (\`withdrawals_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_removals_id_idx\` ON \`payload_locked_documents_rels\` (\`removals_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_trainings_id_idx\` ON \`payload_locked_documents_rels\` (\`trainings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_plan_tasks_id_idx\` ON \`payload_locked_documents_rels\` (\`plan_tasks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_commissions_id_idx\` ON \`payload_locked_documents_rels\` (\`commissions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_comments_id_idx\` ON \`payload_locked_documents_rels\` (\`comments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_task_progress_id_idx\` ON \`payload_locked_documents_rels\` (\`task_progress_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_task_reminders_id_idx\` ON \`payload_locked_documents_rels\` (\`task_reminders_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notifications_id_idx\` ON \`payload_locked_documents_rels\` (\`notifications_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_engagement_observations_id_idx\` ON \`payload_locked_documents_rels\` (\`engagement_observations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_worker_heartbeats_id_idx\` ON \`payload_locked_documents_rels\` (\`worker_heartbeats_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rollup_cells_id_idx\` ON \`payload_locked_documents_rels\` (\`rollup_cells_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rollup_snapshots_id_idx\` ON \`payload_locked_documents_rels\` (\`rollup_snapshots_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_snapshot_cells_id_idx\` ON \`payload_locked_documents_rels\` (\`snapshot_cells_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rollup_dirty_id_idx\` ON \`payload_locked_documents_rels\` (\`rollup_dirty_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rollup_leases_id_idx\` ON \`payload_locked_documents_rels\` (\`rollup_leases_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rollup_years_id_idx\` ON \`payload_locked_documents_rels\` (\`rollup_years_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_report_deadlines_id_idx\` ON \`payload_locked_documents_rels\` (\`report_deadlines_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_report_reminders_id_idx\` ON \`payload_locked_documents_rels\` (\`report_reminders_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_generated_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`generated_reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_data_elements_id_idx\` ON \`payload_locked_documents_rels\` (\`data_elements_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_indicators_id_idx\` ON \`payload_locked_documents_rels\` (\`indicators_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_indicator_facts_id_idx\` ON \`payload_locked_documents_rels\` (\`indicator_facts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_surveys_id_idx\` ON \`payload_locked_documents_rels\` (\`surveys_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_survey_responses_id_idx\` ON \`payload_locked_documents_rels\` (\`survey_responses_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_unit_events_id_idx\` ON \`payload_locked_documents_rels\` (\`unit_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_units_id_idx\` ON \`payload_locked_documents_rels\` (\`units_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_changes_id_idx\` ON \`payload_locked_documents_rels\` (\`site_changes_id\`);`)
}
