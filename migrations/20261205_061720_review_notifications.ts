import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`notifications\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`read\` integer DEFAULT false,
  	\`event\` text,
  	\`link\` text,
  	\`body\` text,
  	\`recipient_id\` text(36) NOT NULL,
  	\`key\` text NOT NULL,
  	\`doc_collection\` text,
  	\`doc_id\` text,
  	\`email_state\` text,
  	\`emailed_at\` text,
  	\`read_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`recipient_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`notifications_read_idx\` ON \`notifications\` (\`read\`);`)
  await db.run(sql`CREATE INDEX \`notifications_event_idx\` ON \`notifications\` (\`event\`);`)
  await db.run(sql`CREATE INDEX \`notifications_recipient_idx\` ON \`notifications\` (\`recipient_id\`);`)
  await db.run(sql`CREATE INDEX \`notifications_email_state_idx\` ON \`notifications\` (\`email_state\`);`)
  await db.run(sql`CREATE INDEX \`notifications_updated_at_idx\` ON \`notifications\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`notifications_created_at_idx\` ON \`notifications\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`recipient_key_idx\` ON \`notifications\` (\`recipient_id\`,\`key\`);`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`review_requested_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`review_requested_at\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`reviewed_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`reviewed_at\` text;`)
  await db.run(sql`CREATE INDEX \`articles_review_state_idx\` ON \`articles\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`articles_review_requested_by_idx\` ON \`articles\` (\`review_requested_by_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_reviewed_by_idx\` ON \`articles\` (\`reviewed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_review_requested_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_review_requested_at\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_reviewed_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_reviewed_at\` text;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_review_state_idx\` ON \`_articles_v\` (\`version_review_state\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_review_requested_by_idx\` ON \`_articles_v\` (\`version_review_requested_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_reviewed_by_idx\` ON \`_articles_v\` (\`version_reviewed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`videos\` ADD \`review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`videos\` ADD \`review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`videos\` ADD \`review_requested_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`videos\` ADD \`review_requested_at\` text;`)
  await db.run(sql`ALTER TABLE \`videos\` ADD \`reviewed_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`videos\` ADD \`reviewed_at\` text;`)
  await db.run(sql`CREATE INDEX \`videos_review_state_idx\` ON \`videos\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`videos_review_requested_by_idx\` ON \`videos\` (\`review_requested_by_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_reviewed_by_idx\` ON \`videos\` (\`reviewed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_videos_v\` ADD \`version_review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_videos_v\` ADD \`version_review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`_videos_v\` ADD \`version_review_requested_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_videos_v\` ADD \`version_review_requested_at\` text;`)
  await db.run(sql`ALTER TABLE \`_videos_v\` ADD \`version_reviewed_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_videos_v\` ADD \`version_reviewed_at\` text;`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_review_state_idx\` ON \`_videos_v\` (\`version_review_state\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_review_requested_by_idx\` ON \`_videos_v\` (\`version_review_requested_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_reviewed_by_idx\` ON \`_videos_v\` (\`version_reviewed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`infographics\` ADD \`review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`infographics\` ADD \`review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`infographics\` ADD \`review_requested_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`infographics\` ADD \`review_requested_at\` text;`)
  await db.run(sql`ALTER TABLE \`infographics\` ADD \`reviewed_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`infographics\` ADD \`reviewed_at\` text;`)
  await db.run(sql`CREATE INDEX \`infographics_review_state_idx\` ON \`infographics\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`infographics_review_requested_by_idx\` ON \`infographics\` (\`review_requested_by_id\`);`)
  await db.run(sql`CREATE INDEX \`infographics_reviewed_by_idx\` ON \`infographics\` (\`reviewed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_infographics_v\` ADD \`version_review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_infographics_v\` ADD \`version_review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`_infographics_v\` ADD \`version_review_requested_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_infographics_v\` ADD \`version_review_requested_at\` text;`)
  await db.run(sql`ALTER TABLE \`_infographics_v\` ADD \`version_reviewed_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_infographics_v\` ADD \`version_reviewed_at\` text;`)
  await db.run(sql`CREATE INDEX \`_infographics_v_version_version_review_state_idx\` ON \`_infographics_v\` (\`version_review_state\`);`)
  await db.run(sql`CREATE INDEX \`_infographics_v_version_version_review_requested_by_idx\` ON \`_infographics_v\` (\`version_review_requested_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_infographics_v_version_version_reviewed_by_idx\` ON \`_infographics_v\` (\`version_reviewed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`review_requested_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`review_requested_at\` text;`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`reviewed_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`reviewed_at\` text;`)
  await db.run(sql`CREATE INDEX \`events_review_state_idx\` ON \`events\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`events_review_requested_by_idx\` ON \`events\` (\`review_requested_by_id\`);`)
  await db.run(sql`CREATE INDEX \`events_reviewed_by_idx\` ON \`events\` (\`reviewed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_review_requested_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_review_requested_at\` text;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_reviewed_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_reviewed_at\` text;`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_review_state_idx\` ON \`_events_v\` (\`version_review_state\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_review_requested_by_idx\` ON \`_events_v\` (\`version_review_requested_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_reviewed_by_idx\` ON \`_events_v\` (\`version_reviewed_by_id\`);`)
  // Content live before reviews existed was published directly.
  await db.run(sql`UPDATE \`articles\` SET \`review_state\` = 'published' WHERE \`_status\` = 'published';`)
  await db.run(sql`UPDATE \`_articles_v\` SET \`version_review_state\` = 'published' WHERE \`version__status\` = 'published';`)
  await db.run(sql`UPDATE \`videos\` SET \`review_state\` = 'published' WHERE \`_status\` = 'published';`)
  await db.run(sql`UPDATE \`_videos_v\` SET \`version_review_state\` = 'published' WHERE \`version__status\` = 'published';`)
  await db.run(sql`UPDATE \`infographics\` SET \`review_state\` = 'published' WHERE \`_status\` = 'published';`)
  await db.run(sql`UPDATE \`_infographics_v\` SET \`version_review_state\` = 'published' WHERE \`version__status\` = 'published';`)
  await db.run(sql`UPDATE \`events\` SET \`review_state\` = 'published' WHERE \`_status\` = 'published';`)
  await db.run(sql`UPDATE \`_events_v\` SET \`version_review_state\` = 'published' WHERE \`version__status\` = 'published';`)
  await db.run(sql`ALTER TABLE \`units\` ADD \`review_required\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`reviewer\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`notification_email\` text DEFAULT 'immediate';`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`notifications_id\` text(36) REFERENCES notifications(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notifications_id_idx\` ON \`payload_locked_documents_rels\` (\`notifications_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`notifications\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_articles\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`sapo\` text,
  	\`body\` text,
  	\`cover_image_id\` text(36),
  	\`byline\` text,
  	\`source\` text,
  	\`slug\` text,
  	\`owner_unit_id\` text(36),
  	\`published_at\` text,
  	\`featured\` integer DEFAULT false,
  	\`web_visible_from\` text,
  	\`search_text\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`owner_unit_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles\`("id", "title", "sapo", "body", "cover_image_id", "byline", "source", "slug", "owner_unit_id", "published_at", "featured", "web_visible_from", "search_text", "updated_at", "created_at", "_status") SELECT "id", "title", "sapo", "body", "cover_image_id", "byline", "source", "slug", "owner_unit_id", "published_at", "featured", "web_visible_from", "search_text", "updated_at", "created_at", "_status" FROM \`articles\`;`)
  await db.run(sql`DROP TABLE \`articles\`;`)
  await db.run(sql`ALTER TABLE \`__new_articles\` RENAME TO \`articles\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`articles_cover_image_idx\` ON \`articles\` (\`cover_image_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`articles_slug_idx\` ON \`articles\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`articles_owner_unit_idx\` ON \`articles\` (\`owner_unit_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_published_at_idx\` ON \`articles\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_featured_idx\` ON \`articles\` (\`featured\`);`)
  await db.run(sql`CREATE INDEX \`articles_web_visible_from_idx\` ON \`articles\` (\`web_visible_from\`);`)
  await db.run(sql`CREATE INDEX \`articles_updated_at_idx\` ON \`articles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_at_idx\` ON \`articles\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`articles__status_idx\` ON \`articles\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_title\` text,
  	\`version_sapo\` text,
  	\`version_body\` text,
  	\`version_cover_image_id\` text(36),
  	\`version_byline\` text,
  	\`version_source\` text,
  	\`version_slug\` text,
  	\`version_owner_unit_id\` text(36),
  	\`version_published_at\` text,
  	\`version_featured\` integer DEFAULT false,
  	\`version_web_visible_from\` text,
  	\`version_search_text\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_owner_unit_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v\`("id", "parent_id", "version_title", "version_sapo", "version_body", "version_cover_image_id", "version_byline", "version_source", "version_slug", "version_owner_unit_id", "version_published_at", "version_featured", "version_web_visible_from", "version_search_text", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_sapo", "version_body", "version_cover_image_id", "version_byline", "version_source", "version_slug", "version_owner_unit_id", "version_published_at", "version_featured", "version_web_visible_from", "version_search_text", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_articles_v\`;`)
  await db.run(sql`DROP TABLE \`_articles_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v\` RENAME TO \`_articles_v\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_parent_idx\` ON \`_articles_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_cover_image_idx\` ON \`_articles_v\` (\`version_cover_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_slug_idx\` ON \`_articles_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_owner_unit_idx\` ON \`_articles_v\` (\`version_owner_unit_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_published_at_idx\` ON \`_articles_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_featured_idx\` ON \`_articles_v\` (\`version_featured\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_web_visible_from_idx\` ON \`_articles_v\` (\`version_web_visible_from\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_updated_at_idx\` ON \`_articles_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_at_idx\` ON \`_articles_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version__status_idx\` ON \`_articles_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_created_at_idx\` ON \`_articles_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_updated_at_idx\` ON \`_articles_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_latest_idx\` ON \`_articles_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_videos\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`description\` text,
  	\`kind\` text DEFAULT 'reportage',
  	\`file_id\` text(36),
  	\`external_url\` text,
  	\`duration_seconds\` numeric,
  	\`poster_id\` text(36),
  	\`captions_id\` text(36),
  	\`slug\` text,
  	\`owner_unit_id\` text(36),
  	\`published_at\` text,
  	\`featured\` integer DEFAULT false,
  	\`web_visible_from\` text,
  	\`search_text\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`file_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`poster_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`captions_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`owner_unit_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_videos\`("id", "title", "description", "kind", "file_id", "external_url", "duration_seconds", "poster_id", "captions_id", "slug", "owner_unit_id", "published_at", "featured", "web_visible_from", "search_text", "updated_at", "created_at", "_status") SELECT "id", "title", "description", "kind", "file_id", "external_url", "duration_seconds", "poster_id", "captions_id", "slug", "owner_unit_id", "published_at", "featured", "web_visible_from", "search_text", "updated_at", "created_at", "_status" FROM \`videos\`;`)
  await db.run(sql`DROP TABLE \`videos\`;`)
  await db.run(sql`ALTER TABLE \`__new_videos\` RENAME TO \`videos\`;`)
  await db.run(sql`CREATE INDEX \`videos_file_idx\` ON \`videos\` (\`file_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_poster_idx\` ON \`videos\` (\`poster_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_captions_idx\` ON \`videos\` (\`captions_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`videos_slug_idx\` ON \`videos\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`videos_owner_unit_idx\` ON \`videos\` (\`owner_unit_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_published_at_idx\` ON \`videos\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`videos_featured_idx\` ON \`videos\` (\`featured\`);`)
  await db.run(sql`CREATE INDEX \`videos_web_visible_from_idx\` ON \`videos\` (\`web_visible_from\`);`)
  await db.run(sql`CREATE INDEX \`videos_updated_at_idx\` ON \`videos\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`videos_created_at_idx\` ON \`videos\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`videos__status_idx\` ON \`videos\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__videos_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_title\` text,
  	\`version_description\` text,
  	\`version_kind\` text DEFAULT 'reportage',
  	\`version_file_id\` text(36),
  	\`version_external_url\` text,
  	\`version_duration_seconds\` numeric,
  	\`version_poster_id\` text(36),
  	\`version_captions_id\` text(36),
  	\`version_slug\` text,
  	\`version_owner_unit_id\` text(36),
  	\`version_published_at\` text,
  	\`version_featured\` integer DEFAULT false,
  	\`version_web_visible_from\` text,
  	\`version_search_text\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_file_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_poster_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_captions_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_owner_unit_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__videos_v\`("id", "parent_id", "version_title", "version_description", "version_kind", "version_file_id", "version_external_url", "version_duration_seconds", "version_poster_id", "version_captions_id", "version_slug", "version_owner_unit_id", "version_published_at", "version_featured", "version_web_visible_from", "version_search_text", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_description", "version_kind", "version_file_id", "version_external_url", "version_duration_seconds", "version_poster_id", "version_captions_id", "version_slug", "version_owner_unit_id", "version_published_at", "version_featured", "version_web_visible_from", "version_search_text", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_videos_v\`;`)
  await db.run(sql`DROP TABLE \`_videos_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__videos_v\` RENAME TO \`_videos_v\`;`)
  await db.run(sql`CREATE INDEX \`_videos_v_parent_idx\` ON \`_videos_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_file_idx\` ON \`_videos_v\` (\`version_file_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_poster_idx\` ON \`_videos_v\` (\`version_poster_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_captions_idx\` ON \`_videos_v\` (\`version_captions_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_slug_idx\` ON \`_videos_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_owner_unit_idx\` ON \`_videos_v\` (\`version_owner_unit_id\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_published_at_idx\` ON \`_videos_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_featured_idx\` ON \`_videos_v\` (\`version_featured\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_web_visible_from_idx\` ON \`_videos_v\` (\`version_web_visible_from\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_updated_at_idx\` ON \`_videos_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version_created_at_idx\` ON \`_videos_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_version_version__status_idx\` ON \`_videos_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_created_at_idx\` ON \`_videos_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_updated_at_idx\` ON \`_videos_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_videos_v_latest_idx\` ON \`_videos_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_infographics\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`kind\` text DEFAULT 'infographic',
  	\`file_id\` text(36),
  	\`alt\` text,
  	\`long_description\` text,
  	\`data_source\` text,
  	\`slug\` text,
  	\`owner_unit_id\` text(36),
  	\`published_at\` text,
  	\`featured\` integer DEFAULT false,
  	\`web_visible_from\` text,
  	\`search_text\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`file_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`owner_unit_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_infographics\`("id", "title", "kind", "file_id", "alt", "long_description", "data_source", "slug", "owner_unit_id", "published_at", "featured", "web_visible_from", "search_text", "updated_at", "created_at", "_status") SELECT "id", "title", "kind", "file_id", "alt", "long_description", "data_source", "slug", "owner_unit_id", "published_at", "featured", "web_visible_from", "search_text", "updated_at", "created_at", "_status" FROM \`infographics\`;`)
  await db.run(sql`DROP TABLE \`infographics\`;`)
  await db.run(sql`ALTER TABLE \`__new_infographics\` RENAME TO \`infographics\`;`)
  await db.run(sql`CREATE INDEX \`infographics_file_idx\` ON \`infographics\` (\`file_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`infographics_slug_idx\` ON \`infographics\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`infographics_owner_unit_idx\` ON \`infographics\` (\`owner_unit_id\`);`)
  await db.run(sql`CREATE INDEX \`infographics_published_at_idx\` ON \`infographics\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`infographics_featured_idx\` ON \`infographics\` (\`featured\`);`)
  await db.run(sql`CREATE INDEX \`infographics_web_visible_from_idx\` ON \`infographics\` (\`web_visible_from\`);`)
  await db.run(sql`CREATE INDEX \`infographics_updated_at_idx\` ON \`infographics\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`infographics_created_at_idx\` ON \`infographics\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`infographics__status_idx\` ON \`infographics\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__infographics_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_title\` text,
  	\`version_kind\` text DEFAULT 'infographic',
  	\`version_file_id\` text(36),
  	\`version_alt\` text,
  	\`version_long_description\` text,
  	\`version_data_source\` text,
  	\`version_slug\` text,
  	\`version_owner_unit_id\` text(36),
  	\`version_published_at\` text,
  	\`version_featured\` integer DEFAULT false,
  	\`version_web_visible_from\` text,
  	\`version_search_text\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`infographics\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_file_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_owner_unit_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__infographics_v\`("id", "parent_id", "version_title", "version_kind", "version_file_id", "version_alt", "version_long_description", "version_data_source", "version_slug", "version_owner_unit_id", "version_published_at", "version_featured", "version_web_visible_from", "version_search_text", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_kind", "version_file_id", "version_alt", "version_long_description", "version_data_source", "version_slug", "version_owner_unit_id", "version_published_at", "version_featured", "version_web_visible_from", "version_search_text", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_infographics_v\`;`)
  await db.run(sql`DROP TABLE \`_infographics_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__infographics_v\` RENAME TO \`_infographics_v\`;`)
  await db.run(sql`CREATE INDEX \`_infographics_v_parent_idx\` ON \`_infographics_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_infographics_v_version_version_file_idx\` ON \`_infographics_v\` (\`version_file_id\`);`)
  await db.run(sql`CREATE INDEX \`_infographics_v_version_version_slug_idx\` ON \`_infographics_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_infographics_v_version_version_owner_unit_idx\` ON \`_infographics_v\` (\`version_owner_unit_id\`);`)
  await db.run(sql`CREATE INDEX \`_infographics_v_version_version_published_at_idx\` ON \`_infographics_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_infographics_v_version_version_featured_idx\` ON \`_infographics_v\` (\`version_featured\`);`)
  await db.run(sql`CREATE INDEX \`_infographics_v_version_version_web_visible_from_idx\` ON \`_infographics_v\` (\`version_web_visible_from\`);`)
  await db.run(sql`CREATE INDEX \`_infographics_v_version_version_updated_at_idx\` ON \`_infographics_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_infographics_v_version_version_created_at_idx\` ON \`_infographics_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_infographics_v_version_version__status_idx\` ON \`_infographics_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_infographics_v_created_at_idx\` ON \`_infographics_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_infographics_v_updated_at_idx\` ON \`_infographics_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_infographics_v_latest_idx\` ON \`_infographics_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_events\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`kind\` text DEFAULT 'conference',
  	\`starts_at\` text,
  	\`startsat_tz\` text DEFAULT 'Asia/Ho_Chi_Minh',
  	\`ends_at\` text,
  	\`endsat_tz\` text DEFAULT 'Asia/Ho_Chi_Minh',
  	\`venue\` text,
  	\`online_url\` text,
  	\`status\` text DEFAULT 'planned',
  	\`expected_participants\` numeric,
  	\`actual_participants\` numeric,
  	\`audience_leaders\` numeric,
  	\`audience_dx_specialists\` numeric,
  	\`audience_civil_servants\` numeric,
  	\`audience_citizens\` numeric,
  	\`audience_students\` numeric,
  	\`description\` text,
  	\`results_summary\` text,
  	\`slug\` text,
  	\`owner_unit_id\` text(36),
  	\`published_at\` text,
  	\`featured\` integer DEFAULT false,
  	\`web_visible_from\` text,
  	\`search_text\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`owner_unit_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_events\`("id", "title", "kind", "starts_at", "startsat_tz", "ends_at", "endsat_tz", "venue", "online_url", "status", "expected_participants", "actual_participants", "audience_leaders", "audience_dx_specialists", "audience_civil_servants", "audience_citizens", "audience_students", "description", "results_summary", "slug", "owner_unit_id", "published_at", "featured", "web_visible_from", "search_text", "updated_at", "created_at", "_status") SELECT "id", "title", "kind", "starts_at", "startsat_tz", "ends_at", "endsat_tz", "venue", "online_url", "status", "expected_participants", "actual_participants", "audience_leaders", "audience_dx_specialists", "audience_civil_servants", "audience_citizens", "audience_students", "description", "results_summary", "slug", "owner_unit_id", "published_at", "featured", "web_visible_from", "search_text", "updated_at", "created_at", "_status" FROM \`events\`;`)
  await db.run(sql`DROP TABLE \`events\`;`)
  await db.run(sql`ALTER TABLE \`__new_events\` RENAME TO \`events\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`events_slug_idx\` ON \`events\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`events_owner_unit_idx\` ON \`events\` (\`owner_unit_id\`);`)
  await db.run(sql`CREATE INDEX \`events_published_at_idx\` ON \`events\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`events_featured_idx\` ON \`events\` (\`featured\`);`)
  await db.run(sql`CREATE INDEX \`events_web_visible_from_idx\` ON \`events\` (\`web_visible_from\`);`)
  await db.run(sql`CREATE INDEX \`events_updated_at_idx\` ON \`events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`events_created_at_idx\` ON \`events\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`events__status_idx\` ON \`events\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__events_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_title\` text,
  	\`version_kind\` text DEFAULT 'conference',
  	\`version_starts_at\` text,
  	\`version_startsat_tz\` text DEFAULT 'Asia/Ho_Chi_Minh',
  	\`version_ends_at\` text,
  	\`version_endsat_tz\` text DEFAULT 'Asia/Ho_Chi_Minh',
  	\`version_venue\` text,
  	\`version_online_url\` text,
  	\`version_status\` text DEFAULT 'planned',
  	\`version_expected_participants\` numeric,
  	\`version_actual_participants\` numeric,
  	\`version_audience_leaders\` numeric,
  	\`version_audience_dx_specialists\` numeric,
  	\`version_audience_civil_servants\` numeric,
  	\`version_audience_citizens\` numeric,
  	\`version_audience_students\` numeric,
  	\`version_description\` text,
  	\`version_results_summary\` text,
  	\`version_slug\` text,
  	\`version_owner_unit_id\` text(36),
  	\`version_published_at\` text,
  	\`version_featured\` integer DEFAULT false,
  	\`version_web_visible_from\` text,
  	\`version_search_text\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_owner_unit_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__events_v\`("id", "parent_id", "version_title", "version_kind", "version_starts_at", "version_startsat_tz", "version_ends_at", "version_endsat_tz", "version_venue", "version_online_url", "version_status", "version_expected_participants", "version_actual_participants", "version_audience_leaders", "version_audience_dx_specialists", "version_audience_civil_servants", "version_audience_citizens", "version_audience_students", "version_description", "version_results_summary", "version_slug", "version_owner_unit_id", "version_published_at", "version_featured", "version_web_visible_from", "version_search_text", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_kind", "version_starts_at", "version_startsat_tz", "version_ends_at", "version_endsat_tz", "version_venue", "version_online_url", "version_status", "version_expected_participants", "version_actual_participants", "version_audience_leaders", "version_audience_dx_specialists", "version_audience_civil_servants", "version_audience_citizens", "version_audience_students", "version_description", "version_results_summary", "version_slug", "version_owner_unit_id", "version_published_at", "version_featured", "version_web_visible_from", "version_search_text", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_events_v\`;`)
  await db.run(sql`DROP TABLE \`_events_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__events_v\` RENAME TO \`_events_v\`;`)
  await db.run(sql`CREATE INDEX \`_events_v_parent_idx\` ON \`_events_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_slug_idx\` ON \`_events_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_owner_unit_idx\` ON \`_events_v\` (\`version_owner_unit_id\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_published_at_idx\` ON \`_events_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_featured_idx\` ON \`_events_v\` (\`version_featured\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_web_visible_from_idx\` ON \`_events_v\` (\`version_web_visible_from\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_updated_at_idx\` ON \`_events_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_created_at_idx\` ON \`_events_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version__status_idx\` ON \`_events_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_created_at_idx\` ON \`_events_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_updated_at_idx\` ON \`_events_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_events_v_latest_idx\` ON \`_events_v\` (\`latest\`);`)
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
  	\`plan_tasks_id\` text(36),
  	\`task_progress_id\` text(36),
  	\`task_reminders_id\` text(36),
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
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`campaigns_id\`) REFERENCES \`campaigns\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`channels_id\`) REFERENCES \`channels\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`publications_id\`) REFERENCES \`publications\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`trainings_id\`) REFERENCES \`trainings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`plan_tasks_id\`) REFERENCES \`plan_tasks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`task_progress_id\`) REFERENCES \`task_progress\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`task_reminders_id\`) REFERENCES \`task_reminders\`(\`id\`) ON UPDATE no action ON DELETE cascade,
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
  	FOREIGN KEY (\`unit_events_id\`) REFERENCES \`unit_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`units_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`site_changes_id\`) REFERENCES \`site_changes\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "videos_id", "infographics_id", "events_id", "media_id", "topics_id", "campaigns_id", "channels_id", "publications_id", "trainings_id", "plan_tasks_id", "task_progress_id", "task_reminders_id", "engagement_observations_id", "worker_heartbeats_id", "rollup_cells_id", "rollup_snapshots_id", "snapshot_cells_id", "rollup_dirty_id", "rollup_leases_id", "rollup_years_id", "report_deadlines_id", "report_reminders_id", "generated_reports_id", "data_elements_id", "indicators_id", "indicator_facts_id", "unit_events_id", "units_id", "users_id", "audit_log_id", "site_changes_id") SELECT "id", "order", "parent_id", "path", "articles_id", "videos_id", "infographics_id", "events_id", "media_id", "topics_id", "campaigns_id", "channels_id", "publications_id", "trainings_id", "plan_tasks_id", "task_progress_id", "task_reminders_id", "engagement_observations_id", "worker_heartbeats_id", "rollup_cells_id", "rollup_snapshots_id", "snapshot_cells_id", "rollup_dirty_id", "rollup_leases_id", "rollup_years_id", "report_deadlines_id", "report_reminders_id", "generated_reports_id", "data_elements_id", "indicators_id", "indicator_facts_id", "unit_events_id", "units_id", "users_id", "audit_log_id", "site_changes_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_plan_tasks_id_idx\` ON \`payload_locked_documents_rels\` (\`plan_tasks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_task_progress_id_idx\` ON \`payload_locked_documents_rels\` (\`task_progress_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_task_reminders_id_idx\` ON \`payload_locked_documents_rels\` (\`task_reminders_id\`);`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_unit_events_id_idx\` ON \`payload_locked_documents_rels\` (\`unit_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_units_id_idx\` ON \`payload_locked_documents_rels\` (\`units_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_changes_id_idx\` ON \`payload_locked_documents_rels\` (\`site_changes_id\`);`)
  await db.run(sql`ALTER TABLE \`units\` DROP COLUMN \`review_required\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`reviewer\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`notification_email\`;`)
}
