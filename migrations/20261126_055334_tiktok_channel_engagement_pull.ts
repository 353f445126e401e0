import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`channels\` ADD \`settings_tiktok_privacy_level\` text;`)
  await db.run(sql`ALTER TABLE \`channels\` ADD \`settings_tiktok_video_source\` text DEFAULT 'PULL_FROM_URL';`)
  await db.run(sql`ALTER TABLE \`channels\` ADD \`settings_tiktok_disable_comment\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`channels\` ADD \`engagement_pull_last_pulled_at\` text;`)
  await db.run(sql`ALTER TABLE \`channels\` ADD \`engagement_pull_last_error\` text;`)
  await db.run(sql`ALTER TABLE \`channels\` ADD \`engagement_pull_last_error_at\` text;`)
  await db.run(sql`ALTER TABLE \`channels\` ADD \`engagement_pull_retry_at\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`channels\` DROP COLUMN \`settings_tiktok_privacy_level\`;`)
  await db.run(sql`ALTER TABLE \`channels\` DROP COLUMN \`settings_tiktok_video_source\`;`)
  await db.run(sql`ALTER TABLE \`channels\` DROP COLUMN \`settings_tiktok_disable_comment\`;`)
  await db.run(sql`ALTER TABLE \`channels\` DROP COLUMN \`engagement_pull_last_pulled_at\`;`)
  await db.run(sql`ALTER TABLE \`channels\` DROP COLUMN \`engagement_pull_last_error\`;`)
  await db.run(sql`ALTER TABLE \`channels\` DROP COLUMN \`engagement_pull_last_error_at\`;`)
  await db.run(sql`ALTER TABLE \`channels\` DROP COLUMN \`engagement_pull_retry_at\`;`)
}
