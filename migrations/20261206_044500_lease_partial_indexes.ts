import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * By hand: the publications' lease indexes hold only the rows under a claim (partial indexes, same
 * names as Payload's). Nearly every publication has no lease, so after an ANALYZE (the bench year
 * runs one; an administrator may) SQLite's statistics said a lease token matched a million rows,
 * and libsql's SQLite scanned the table for every firing's "which are still mine" (216 ms a firing
 * at a million publications). A partial index's statistics count only claimed rows, and `= ?` and
 * `IN (…)` on the column imply its WHERE, so the dispatcher's and the takeover's queries seek.
 */
const LEASE_INDEXES = [
  ['publications_lease_owner_idx', 'lease_owner'],
  ['publications_lease_worker_idx', 'lease_worker'],
] as const

export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const [name, column] of LEASE_INDEXES) {
    await db.run(sql.raw(`DROP INDEX IF EXISTS \`${name}\`;`))
    await db.run(
      sql.raw(`CREATE INDEX \`${name}\` ON \`publications\` (\`${column}\`) WHERE \`${column}\` IS NOT NULL;`),
    )
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const [name, column] of LEASE_INDEXES) {
    await db.run(sql.raw(`DROP INDEX IF EXISTS \`${name}\`;`))
    await db.run(sql.raw(`CREATE INDEX \`${name}\` ON \`publications\` (\`${column}\`);`))
  }
}
