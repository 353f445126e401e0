import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * By hand: the (all campaigns, all topics) family's cells of a year by unit, with the measure, the
 * month and the value, so a subtree's total (src/reporting/subtree.ts) and the indicators' rollup
 * measures (src/reporting/indicators/aggregate.ts) read this index alone instead of every cell of
 * the year. Partial: the campaign and topic families (two thirds of the cells) do not pay for it
 * on a rebuild. Campaign and topic (always null here) are in it so that it covers the queries
 * that name them. The queries name `campaign IS NULL AND topic IS NULL` literally, or SQLite will not
 * use it.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(
    sql`CREATE INDEX IF NOT EXISTS \`rollup_cells_all_family_idx\` ON \`rollup_cells\` (\`year\`, \`unit\`, \`metric\`, \`month\`, \`value\`, \`campaign\`, \`topic\`) WHERE \`campaign\` IS NULL AND \`topic\` IS NULL;`,
  )
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX IF EXISTS \`rollup_cells_all_family_idx\`;`)
}
