import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`featured_publishedAt_idx\` ON \`articles\` (\`featured\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`version_featured_version_publishedAt_idx\` ON \`_articles_v\` (\`version_featured\`,\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`featured_publishedAt_1_idx\` ON \`videos\` (\`featured\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`version_featured_version_publishedAt_1_idx\` ON \`_videos_v\` (\`version_featured\`,\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`featured_publishedAt_2_idx\` ON \`infographics\` (\`featured\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`version_featured_version_publishedAt_2_idx\` ON \`_infographics_v\` (\`version_featured\`,\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`featured_publishedAt_3_idx\` ON \`events\` (\`featured\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`version_featured_version_publishedAt_3_idx\` ON \`_events_v\` (\`version_featured\`,\`version_published_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`featured_publishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version_featured_version_publishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`featured_publishedAt_1_idx\`;`)
  await db.run(sql`DROP INDEX \`version_featured_version_publishedAt_1_idx\`;`)
  await db.run(sql`DROP INDEX \`featured_publishedAt_2_idx\`;`)
  await db.run(sql`DROP INDEX \`version_featured_version_publishedAt_2_idx\`;`)
  await db.run(sql`DROP INDEX \`featured_publishedAt_3_idx\`;`)
  await db.run(sql`DROP INDEX \`version_featured_version_publishedAt_3_idx\`;`)
}
