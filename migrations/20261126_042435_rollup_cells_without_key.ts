import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// The cells' stored key goes: it made every row about a third larger for a value the engine builds
// from the dimensions (cellKey() in src/reporting/cells.ts) wherever one is needed.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`rollup_cells\` DROP COLUMN \`key\`;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`rollup_cells\` ADD \`key\` text NOT NULL DEFAULT '';`)
  await db.run(sql`UPDATE \`rollup_cells\` SET \`key\` = year || '|' || month || '|' || metric || '|' || IFNULL(campaign, '') || '|' || IFNULL(unit, '') || '|' || IFNULL(content_type, '') || '|' || IFNULL(channel, '') || '|' || IFNULL(topic, '');`)
}
