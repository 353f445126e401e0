import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

const FIGURES = '`views`, `reach`, `reactions`, `shares`, `comments`, `watch_time_seconds`'

/**
 * A publication's observations in (time, id descending) order: among observations at the same
 * time, the one with the greatest id comes first, so max(observed_at) takes its figures without
 * building a "time|id" text per row to compare (see latestObservationStage in
 * src/reporting/sources/engagement.ts; 1.35 s → 0.6 s for 850,000 observations).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX IF EXISTS \`engagement_observations_rollup_latest_idx\`;`)
  await db.run(
    sql.raw(
      `CREATE INDEX \`engagement_observations_rollup_latest_idx\` ON \`engagement_observations\` (\`publication_id\`, \`observed_at\`, \`id\` DESC, ${FIGURES});`,
    ),
  )
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX IF EXISTS \`engagement_observations_rollup_latest_idx\`;`)
  await db.run(
    sql.raw(
      `CREATE INDEX \`engagement_observations_rollup_latest_idx\` ON \`engagement_observations\` (\`publication_id\`, \`observed_at\`, \`id\`, ${FIGURES});`,
    ),
  )
}
