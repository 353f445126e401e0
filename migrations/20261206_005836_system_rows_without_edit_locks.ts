import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
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
  	\`rollup_snapshots_id\` text(36),
  	\`report_deadlines_id\` text(36),
  	\`report_reminders_id\` text(36),
  	\`generated_reports_id\` text(36),
  	\`data_elements_id\` text(36),
  	\`indicators_id\` text(36),
  	\`surveys_id\` text(36),
  	\`unit_events_id\` text(36),
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
  	FOREIGN KEY (\`rollup_snapshots_id\`) REFERENCES \`rollup_snapshots\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`report_deadlines_id\`) REFERENCES \`report_deadlines\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`report_reminders_id\`) REFERENCES \`report_reminders\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`generated_reports_id\`) REFERENCES \`generated_reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`data_elements_id\`) REFERENCES \`data_elements\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`indicators_id\`) REFERENCES \`indicators\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`surveys_id\`) REFERENCES \`surveys\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`unit_events_id\`) REFERENCES \`unit_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`units_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "videos_id", "infographics_id", "events_id", "media_id", "topics_id", "campaigns_id", "channels_id", "publications_id", "withdrawals_id", "removals_id", "trainings_id", "plan_tasks_id", "commissions_id", "comments_id", "task_progress_id", "task_reminders_id", "notifications_id", "engagement_observations_id", "rollup_snapshots_id", "report_deadlines_id", "report_reminders_id", "generated_reports_id", "data_elements_id", "indicators_id", "surveys_id", "unit_events_id", "units_id", "users_id") SELECT "id", "order", "parent_id", "path", "articles_id", "videos_id", "infographics_id", "events_id", "media_id", "topics_id", "campaigns_id", "channels_id", "publications_id", "withdrawals_id", "removals_id", "trainings_id", "plan_tasks_id", "commissions_id", "comments_id", "task_progress_id", "task_reminders_id", "notifications_id", "engagement_observations_id", "rollup_snapshots_id", "report_deadlines_id", "report_reminders_id", "generated_reports_id", "data_elements_id", "indicators_id", "surveys_id", "unit_events_id", "units_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rollup_snapshots_id_idx\` ON \`payload_locked_documents_rels\` (\`rollup_snapshots_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_report_deadlines_id_idx\` ON \`payload_locked_documents_rels\` (\`report_deadlines_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_report_reminders_id_idx\` ON \`payload_locked_documents_rels\` (\`report_reminders_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_generated_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`generated_reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_data_elements_id_idx\` ON \`payload_locked_documents_rels\` (\`data_elements_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_indicators_id_idx\` ON \`payload_locked_documents_rels\` (\`indicators_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_surveys_id_idx\` ON \`payload_locked_documents_rels\` (\`surveys_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_unit_events_id_idx\` ON \`payload_locked_documents_rels\` (\`unit_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_units_id_idx\` ON \`payload_locked_documents_rels\` (\`units_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`event_check_ins_id\` text(36) REFERENCES event_check_ins(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`worker_heartbeats_id\` text(36) REFERENCES worker_heartbeats(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`background_jobs_id\` text(36) REFERENCES background_jobs(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`rollup_cells_id\` numeric REFERENCES rollup_cells(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`snapshot_cells_id\` text(36) REFERENCES snapshot_cells(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`rollup_dirty_id\` text(36) REFERENCES rollup_dirty(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`rollup_leases_id\` text(36) REFERENCES rollup_leases(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`rollup_years_id\` text(36) REFERENCES rollup_years(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`indicator_facts_id\` text(36) REFERENCES indicator_facts(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`survey_responses_id\` text(36) REFERENCES survey_responses(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`audit_log_id\` text(36) REFERENCES audit_log(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`site_changes_id\` text(36) REFERENCES site_changes(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_event_check_ins_id_idx\` ON \`payload_locked_documents_rels\` (\`event_check_ins_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_worker_heartbeats_id_idx\` ON \`payload_locked_documents_rels\` (\`worker_heartbeats_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_background_jobs_id_idx\` ON \`payload_locked_documents_rels\` (\`background_jobs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rollup_cells_id_idx\` ON \`payload_locked_documents_rels\` (\`rollup_cells_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_snapshot_cells_id_idx\` ON \`payload_locked_documents_rels\` (\`snapshot_cells_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rollup_dirty_id_idx\` ON \`payload_locked_documents_rels\` (\`rollup_dirty_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rollup_leases_id_idx\` ON \`payload_locked_documents_rels\` (\`rollup_leases_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_rollup_years_id_idx\` ON \`payload_locked_documents_rels\` (\`rollup_years_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_indicator_facts_id_idx\` ON \`payload_locked_documents_rels\` (\`indicator_facts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_survey_responses_id_idx\` ON \`payload_locked_documents_rels\` (\`survey_responses_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_changes_id_idx\` ON \`payload_locked_documents_rels\` (\`site_changes_id\`);`)
}
