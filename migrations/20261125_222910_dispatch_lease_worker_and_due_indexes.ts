import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`publications\` ADD \`lease_worker\` text;`)
  await db.run(
    sql`CREATE INDEX \`publications_lease_worker_idx\` ON \`publications\` (\`lease_worker\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`status_nextAttemptAt_createdAt_idx\` ON \`publications\` (\`status\`,\`next_attempt_at\`,\`created_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`status_leaseUntil_idx\` ON \`publications\` (\`status\`,\`lease_until\`);`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`publications_lease_worker_idx\`;`)
  await db.run(sql`DROP INDEX \`status_nextAttemptAt_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX \`status_leaseUntil_idx\`;`)
  await db.run(sql`ALTER TABLE \`publications\` DROP COLUMN \`lease_worker\`;`)
}
