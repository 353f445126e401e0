import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`trainings_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`plan_tasks_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`trainings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`plan_tasks_id\`) REFERENCES \`plan_tasks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`trainings_rels_order_idx\` ON \`trainings_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`trainings_rels_parent_idx\` ON \`trainings_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`trainings_rels_path_idx\` ON \`trainings_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`trainings_rels_plan_tasks_id_idx\` ON \`trainings_rels\` (\`plan_tasks_id\`);`)
  await db.run(sql`CREATE TABLE \`plan_tasks\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`campaign_id\` text(36) NOT NULL,
  	\`number\` text NOT NULL,
  	\`position\` numeric,
  	\`group\` text,
  	\`title\` text NOT NULL,
  	\`label\` text,
  	\`description\` text,
  	\`lead_unit_id\` text(36) NOT NULL,
  	\`coordinating_text\` text,
  	\`time_frame_text\` text NOT NULL,
  	\`time_frame_kind\` text,
  	\`time_frame_year\` numeric,
  	\`time_frame_quarter\` numeric,
  	\`time_frame_due_on\` text,
  	\`time_frame_from_year\` numeric,
  	\`time_frame_to_year\` numeric,
  	\`time_frame_repeats_yearly\` integer,
  	\`expected_products\` text,
  	\`serves_targets\` text,
  	\`budget_line\` text,
  	\`budget_amount\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`campaign_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`lead_unit_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`plan_tasks_campaign_idx\` ON \`plan_tasks\` (\`campaign_id\`);`)
  await db.run(sql`CREATE INDEX \`plan_tasks_position_idx\` ON \`plan_tasks\` (\`position\`);`)
  await db.run(sql`CREATE INDEX \`plan_tasks_lead_unit_idx\` ON \`plan_tasks\` (\`lead_unit_id\`);`)
  await db.run(sql`CREATE INDEX \`plan_tasks_updated_at_idx\` ON \`plan_tasks\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`plan_tasks_created_at_idx\` ON \`plan_tasks\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`campaign_number_idx\` ON \`plan_tasks\` (\`campaign_id\`,\`number\`);`)
  await db.run(sql`CREATE TABLE \`plan_tasks_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`units_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`plan_tasks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`units_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`plan_tasks_rels_order_idx\` ON \`plan_tasks_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`plan_tasks_rels_parent_idx\` ON \`plan_tasks_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`plan_tasks_rels_path_idx\` ON \`plan_tasks_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`plan_tasks_rels_units_id_idx\` ON \`plan_tasks_rels\` (\`units_id\`);`)
  await db.run(sql`CREATE TABLE \`task_progress\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`task_id\` text(36) NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`status\` text DEFAULT 'not-started' NOT NULL,
  	\`reason\` text,
  	\`result\` text,
  	\`lead_unit_id\` text(36),
  	\`campaign_id\` text(36),
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`task_id\`) REFERENCES \`plan_tasks\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`lead_unit_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`campaign_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`task_progress_task_idx\` ON \`task_progress\` (\`task_id\`);`)
  await db.run(sql`CREATE INDEX \`task_progress_year_idx\` ON \`task_progress\` (\`year\`);`)
  await db.run(sql`CREATE INDEX \`task_progress_lead_unit_idx\` ON \`task_progress\` (\`lead_unit_id\`);`)
  await db.run(sql`CREATE INDEX \`task_progress_campaign_idx\` ON \`task_progress\` (\`campaign_id\`);`)
  await db.run(sql`CREATE INDEX \`task_progress_updated_at_idx\` ON \`task_progress\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`task_progress_created_at_idx\` ON \`task_progress\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`task_year_idx\` ON \`task_progress\` (\`task_id\`,\`year\`);`)
  await db.run(sql`CREATE TABLE \`task_progress_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` text(36),
  	\`videos_id\` text(36),
  	\`infographics_id\` text(36),
  	\`events_id\` text(36),
  	\`trainings_id\` text(36),
  	\`publications_id\` text(36),
  	\`media_id\` text(36),
  	\`units_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`task_progress\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`videos_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`infographics_id\`) REFERENCES \`infographics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`trainings_id\`) REFERENCES \`trainings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`publications_id\`) REFERENCES \`publications\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`units_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`task_progress_rels_order_idx\` ON \`task_progress_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`task_progress_rels_parent_idx\` ON \`task_progress_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`task_progress_rels_path_idx\` ON \`task_progress_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`task_progress_rels_articles_id_idx\` ON \`task_progress_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`task_progress_rels_videos_id_idx\` ON \`task_progress_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`task_progress_rels_infographics_id_idx\` ON \`task_progress_rels\` (\`infographics_id\`);`)
  await db.run(sql`CREATE INDEX \`task_progress_rels_events_id_idx\` ON \`task_progress_rels\` (\`events_id\`);`)
  await db.run(sql`CREATE INDEX \`task_progress_rels_trainings_id_idx\` ON \`task_progress_rels\` (\`trainings_id\`);`)
  await db.run(sql`CREATE INDEX \`task_progress_rels_publications_id_idx\` ON \`task_progress_rels\` (\`publications_id\`);`)
  await db.run(sql`CREATE INDEX \`task_progress_rels_media_id_idx\` ON \`task_progress_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`task_progress_rels_units_id_idx\` ON \`task_progress_rels\` (\`units_id\`);`)
  await db.run(sql`CREATE TABLE \`task_reminders\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`subject\` text,
  	\`task_id\` text(36) NOT NULL,
  	\`milestone\` text NOT NULL,
  	\`owner_unit_id\` text(36) NOT NULL,
  	\`sent_at\` text,
  	\`recipients\` text,
  	\`body\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`task_id\`) REFERENCES \`plan_tasks\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`owner_unit_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`task_reminders_task_idx\` ON \`task_reminders\` (\`task_id\`);`)
  await db.run(sql`CREATE INDEX \`task_reminders_owner_unit_idx\` ON \`task_reminders\` (\`owner_unit_id\`);`)
  await db.run(sql`CREATE INDEX \`task_reminders_updated_at_idx\` ON \`task_reminders\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`task_reminders_created_at_idx\` ON \`task_reminders\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`task_milestone_idx\` ON \`task_reminders\` (\`task_id\`,\`milestone\`);`)
  await db.run(sql`ALTER TABLE \`articles_rels\` ADD \`plan_tasks_id\` text(36) REFERENCES plan_tasks(id);`)
  await db.run(sql`CREATE INDEX \`articles_rels_plan_tasks_id_idx\` ON \`articles_rels\` (\`plan_tasks_id\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v_rels\` ADD \`plan_tasks_id\` text(36) REFERENCES plan_tasks(id);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_plan_tasks_id_idx\` ON \`_articles_v_rels\` (\`plan_tasks_id\`);`)
  await db.run(sql`ALTER TABLE \`videos_rels\` ADD \`plan_tasks_id\` text(36) REFERENCES plan_tasks(id);`)
  await db.run(sql`CREATE INDEX \`videos_rels_plan_tasks_id_idx\` ON \`videos_rels\` (\`plan_tasks_id\`);`)
  await db.run(sql`ALTER TABLE \`_videos_v_rels\` ADD \`plan_tasks_id\` text(36) REFERENCES plan_tasks(id);`)
  await db.run(sql`CREATE INDEX \`_videos_v_rels_plan_tasks_id_idx\` ON \`_videos_v_rels\` (\`plan_tasks_id\`);`)
  await db.run(sql`ALTER TABLE \`infographics_rels\` ADD \`plan_tasks_id\` text(36) REFERENCES plan_tasks(id);`)
  await db.run(sql`CREATE INDEX \`infographics_rels_plan_tasks_id_idx\` ON \`infographics_rels\` (\`plan_tasks_id\`);`)
  await db.run(sql`ALTER TABLE \`_infographics_v_rels\` ADD \`plan_tasks_id\` text(36) REFERENCES plan_tasks(id);`)
  await db.run(sql`CREATE INDEX \`_infographics_v_rels_plan_tasks_id_idx\` ON \`_infographics_v_rels\` (\`plan_tasks_id\`);`)
  await db.run(sql`ALTER TABLE \`events_rels\` ADD \`plan_tasks_id\` text(36) REFERENCES plan_tasks(id);`)
  await db.run(sql`CREATE INDEX \`events_rels_plan_tasks_id_idx\` ON \`events_rels\` (\`plan_tasks_id\`);`)
  await db.run(sql`ALTER TABLE \`_events_v_rels\` ADD \`plan_tasks_id\` text(36) REFERENCES plan_tasks(id);`)
  await db.run(sql`CREATE INDEX \`_events_v_rels_plan_tasks_id_idx\` ON \`_events_v_rels\` (\`plan_tasks_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`plan_tasks_id\` text(36) REFERENCES plan_tasks(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`task_progress_id\` text(36) REFERENCES task_progress(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`task_reminders_id\` text(36) REFERENCES task_reminders(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_plan_tasks_id_idx\` ON \`payload_locked_documents_rels\` (\`plan_tasks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_task_progress_id_idx\` ON \`payload_locked_documents_rels\` (\`task_progress_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_task_reminders_id_idx\` ON \`payload_locked_documents_rels\` (\`task_reminders_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`trainings_rels\`;`)
  await db.run(sql`DROP TABLE \`plan_tasks\`;`)
  await db.run(sql`DROP TABLE \`plan_tasks_rels\`;`)
  await db.run(sql`DROP TABLE \`task_progress\`;`)
  await db.run(sql`DROP TABLE \`task_progress_rels\`;`)
  await db.run(sql`DROP TABLE \`task_reminders\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_articles_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` text(36),
  	\`campaigns_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`campaigns_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles_rels\`("id", "order", "parent_id", "path", "topics_id", "campaigns_id") SELECT "id", "order", "parent_id", "path", "topics_id", "campaigns_id" FROM \`articles_rels\`;`)
  await db.run(sql`DROP TABLE \`articles_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_articles_rels\` RENAME TO \`articles_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`articles_rels_order_idx\` ON \`articles_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_parent_idx\` ON \`articles_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_path_idx\` ON \`articles_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_topics_id_idx\` ON \`articles_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_rels_campaigns_id_idx\` ON \`articles_rels\` (\`campaigns_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` text(36),
  	\`campaigns_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_articles_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`campaigns_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v_rels\`("id", "order", "parent_id", "path", "topics_id", "campaigns_id") SELECT "id", "order", "parent_id", "path", "topics_id", "campaigns_id" FROM \`_articles_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_articles_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v_rels\` RENAME TO \`_articles_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_order_idx\` ON \`_articles_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_parent_idx\` ON \`_articles_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_path_idx\` ON \`_articles_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_topics_id_idx\` ON \`_articles_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_rels_campaigns_id_idx\` ON \`_articles_v_rels\` (\`campaigns_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_videos_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` text(36),
  	\`campaigns_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`campaigns_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_videos_rels\`("id", "order", "parent_id", "path", "topics_id", "campaigns_id") SELECT "id", "order", "parent_id", "path", "topics_id", "campaigns_id" FROM \`videos_rels\`;`)
  await db.run(sql`DROP TABLE \`videos_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_videos_rels\` RENAME TO \`videos_rels\`;`)
  await db.run(sql`CREATE INDEX \`videos_rels_order_idx\` ON \`videos_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`videos_rels_parent_idx\` ON \`videos_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_rels_path_idx\` ON \`videos_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`videos_rels_topics_id_idx\` ON \`videos_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_rels_campaigns_id_idx\` ON \`videos_rels\` (\`campaigns_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__videos_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` text(36),
  	\`campaigns_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_videos_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`campaigns_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__videos_v_rels\`("id", "order", "parent_id", "path", "topics_id", "campaigns_id") SELECT "id", "order", "parent_id", "path", "topics_id", "campaigns_id" FROM \`_videos_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_videos_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__videos_v_rels\` RENAME TO \`_videos_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_videos_v_rels_order_idx\` ON \`_videos_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_rels_parent_idx\` ON \`_videos_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_rels_path_idx\` ON \`_videos_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_rels_topics_id_idx\` ON \`_videos_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_rels_campaigns_id_idx\` ON \`_videos_v_rels\` (\`campaigns_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_infographics_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` text(36),
  	\`campaigns_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`infographics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`campaigns_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_infographics_rels\`("id", "order", "parent_id", "path", "topics_id", "campaigns_id") SELECT "id", "order", "parent_id", "path", "topics_id", "campaigns_id" FROM \`infographics_rels\`;`)
  await db.run(sql`DROP TABLE \`infographics_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_infographics_rels\` RENAME TO \`infographics_rels\`;`)
  await db.run(sql`CREATE INDEX \`infographics_rels_order_idx\` ON \`infographics_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`infographics_rels_parent_idx\` ON \`infographics_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`infographics_rels_path_idx\` ON \`infographics_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`infographics_rels_topics_id_idx\` ON \`infographics_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`infographics_rels_campaigns_id_idx\` ON \`infographics_rels\` (\`campaigns_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__infographics_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` text(36),
  	\`campaigns_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_infographics_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`campaigns_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__infographics_v_rels\`("id", "order", "parent_id", "path", "topics_id", "campaigns_id") SELECT "id", "order", "parent_id", "path", "topics_id", "campaigns_id" FROM \`_infographics_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_infographics_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__infographics_v_rels\` RENAME TO \`_infographics_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_infographics_v_rels_order_idx\` ON \`_infographics_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_infographics_v_rels_parent_idx\` ON \`_infographics_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_infographics_v_rels_path_idx\` ON \`_infographics_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_infographics_v_rels_topics_id_idx\` ON \`_infographics_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`_infographics_v_rels_campaigns_id_idx\` ON \`_infographics_v_rels\` (\`campaigns_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_events_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`units_id\` text(36),
  	\`media_id\` text(36),
  	\`topics_id\` text(36),
  	\`campaigns_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`units_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`campaigns_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_events_rels\`("id", "order", "parent_id", "path", "units_id", "media_id", "topics_id", "campaigns_id") SELECT "id", "order", "parent_id", "path", "units_id", "media_id", "topics_id", "campaigns_id" FROM \`events_rels\`;`)
  await db.run(sql`DROP TABLE \`events_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_events_rels\` RENAME TO \`events_rels\`;`)
  await db.run(sql`CREATE INDEX \`events_rels_order_idx\` ON \`events_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`events_rels_parent_idx\` ON \`events_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`events_rels_path_idx\` ON \`events_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`events_rels_units_id_idx\` ON \`events_rels\` (\`units_id\`);`)
  await db.run(sql`CREATE INDEX \`events_rels_media_id_idx\` ON \`events_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`events_rels_topics_id_idx\` ON \`events_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`events_rels_campaigns_id_idx\` ON \`events_rels\` (\`campaigns_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__events_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`units_id\` text(36),
  	\`media_id\` text(36),
  	\`topics_id\` text(36),
  	\`campaigns_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_events_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`units_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`campaigns_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__events_v_rels\`("id", "order", "parent_id", "path", "units_id", "media_id", "topics_id", "campaigns_id") SELECT "id", "order", "parent_id", "path", "units_id", "media_id", "topics_id", "campaigns_id" FROM \`_events_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_events_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__events_v_rels\` RENAME TO \`_events_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_events_v_rels_order_idx\` ON \`_events_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_rels_parent_idx\` ON \`_events_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_rels_path_idx\` ON \`_events_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_rels_units_id_idx\` ON \`_events_v_rels\` (\`units_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_rels_media_id_idx\` ON \`_events_v_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_rels_topics_id_idx\` ON \`_events_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_rels_campaigns_id_idx\` ON \`_events_v_rels\` (\`campaigns_id\`);`)
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
  	\`data_elements_id\` text(36),
  	\`indicators_id\` text(36),
  	\`indicator_facts_id\` text(36),
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
  	FOREIGN KEY (\`data_elements_id\`) REFERENCES \`data_elements\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`indicators_id\`) REFERENCES \`indicators\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`indicator_facts_id\`) REFERENCES \`indicator_facts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`units_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`site_changes_id\`) REFERENCES \`site_changes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "videos_id", "infographics_id", "events_id", "media_id", "topics_id", "campaigns_id", "channels_id", "publications_id", "trainings_id", "engagement_observations_id", "worker_heartbeats_id", "rollup_cells_id", "rollup_snapshots_id", "snapshot_cells_id", "rollup_dirty_id", "rollup_leases_id", "report_deadlines_id", "report_reminders_id", "generated_reports_id", "data_elements_id", "indicators_id", "indicator_facts_id", "units_id", "users_id", "audit_log_id", "site_changes_id") SELECT "id", "order", "parent_id", "path", "articles_id", "videos_id", "infographics_id", "events_id", "media_id", "topics_id", "campaigns_id", "channels_id", "publications_id", "trainings_id", "engagement_observations_id", "worker_heartbeats_id", "rollup_cells_id", "rollup_snapshots_id", "snapshot_cells_id", "rollup_dirty_id", "rollup_leases_id", "report_deadlines_id", "report_reminders_id", "generated_reports_id", "data_elements_id", "indicators_id", "indicator_facts_id", "units_id", "users_id", "audit_log_id", "site_changes_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_data_elements_id_idx\` ON \`payload_locked_documents_rels\` (\`data_elements_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_indicators_id_idx\` ON \`payload_locked_documents_rels\` (\`indicators_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_indicator_facts_id_idx\` ON \`payload_locked_documents_rels\` (\`indicator_facts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_units_id_idx\` ON \`payload_locked_documents_rels\` (\`units_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_changes_id_idx\` ON \`payload_locked_documents_rels\` (\`site_changes_id\`);`)
}
