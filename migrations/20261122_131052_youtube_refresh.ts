import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`channels\` ADD \`settings_oauth_base_url\` text;`)
  await db.run(sql`ALTER TABLE \`channels\` ADD \`credentials_access_token_expires_at\` text;`)
  await db.run(sql`ALTER TABLE \`channels\` ADD \`credentials_client_id\` text;`)
  await db.run(sql`ALTER TABLE \`channels\` ADD \`credentials_client_secret\` text;`)
  await db.run(sql`ALTER TABLE \`channels\` ADD \`credentials_refresh_token\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`channels\` DROP COLUMN \`settings_oauth_base_url\`;`)
  await db.run(sql`ALTER TABLE \`channels\` DROP COLUMN \`credentials_access_token_expires_at\`;`)
  await db.run(sql`ALTER TABLE \`channels\` DROP COLUMN \`credentials_client_id\`;`)
  await db.run(sql`ALTER TABLE \`channels\` DROP COLUMN \`credentials_client_secret\`;`)
  await db.run(sql`ALTER TABLE \`channels\` DROP COLUMN \`credentials_refresh_token\`;`)
}
