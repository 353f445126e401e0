import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/** The local (Asia/Ho_Chi_Minh) year and month of a UTC text column as YYYYMM: the same text as sqlYearMonth() in src/reporting/window.ts, or SQLite will not use these indexes. */
const ym = (column: string) => `CAST(strftime('%Y%m', ${column}, '+7 hours') AS INTEGER)`

/** The rollup's four indexes on publications: (name, the rows they hold, their columns after the local month). */
const ROLLUP_INDEXES = [
  ['publications_rollup_published_idx', 'status', 'published_at', 'owner_unit_id, channel_id, channel_kind, campaign_id, content_kind, id, published_at'],
  ['publications_rollup_published_content_idx', 'status', 'published_at', 'content_kind, content_id, owner_unit_id, id, published_at'],
  ['publications_rollup_aired_idx', 'airing_status', 'scheduled_at', 'owner_unit_id, channel_id, channel_kind, campaign_id, content_kind, airing_actual_duration_seconds, scheduled_at'],
  ['publications_rollup_aired_content_idx', 'airing_status', 'scheduled_at', 'content_kind, content_id, owner_unit_id, channel_kind, airing_actual_duration_seconds, scheduled_at'],
] as const
const ROWS = { status: `status = 'published'`, airing_status: `airing_status = 'aired'` }

export async function up({ db }: MigrateUpArgs): Promise<void> {
  // Generated: status, nextAttemptAt and leaseUntil lose their single-column indexes; the composite
  // (status, next_attempt_at, created_at) and (status, lease_until) serve every query on them.
  await db.run(sql`DROP INDEX \`publications_status_idx\`;`)
  await db.run(sql`DROP INDEX \`publications_next_attempt_at_idx\`;`)
  await db.run(sql`DROP INDEX \`publications_lease_until_idx\`;`)
  // By hand: the rollup's indexes hold only the rows the rollup counts (partial indexes), so a claim
  // or a send that changes a publication's status no longer rewrites them, and they are smaller.
  // The rollup's queries name these WHERE terms literally (sources/publications.ts). The status
  // stays the first column, constant as it is: with it the planner (without statistics) still
  // prefers these indexes over (status, lease_until) for a year's range.
  for (const [name, status, time, rest] of ROLLUP_INDEXES) {
    await db.run(sql.raw(`DROP INDEX IF EXISTS \`${name}\`;`))
    await db.run(
      sql.raw(`CREATE INDEX \`${name}\` ON \`publications\` (${status}, ${ym(time)}, ${rest}) WHERE ${ROWS[status]};`),
    )
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`publications_status_idx\` ON \`publications\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`publications_next_attempt_at_idx\` ON \`publications\` (\`next_attempt_at\`);`)
  await db.run(sql`CREATE INDEX \`publications_lease_until_idx\` ON \`publications\` (\`lease_until\`);`)
  for (const [name, status, time, rest] of ROLLUP_INDEXES) {
    await db.run(sql.raw(`DROP INDEX IF EXISTS \`${name}\`;`))
    await db.run(sql.raw(`CREATE INDEX \`${name}\` ON \`publications\` (${status}, ${ym(time)}, ${rest});`))
  }
}
