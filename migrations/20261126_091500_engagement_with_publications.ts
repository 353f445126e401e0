import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * Reach and engagement are now counted with the publications (one rollup source instead of two):
 * months marked stale for the old engagement source are the publications source's to recompute.
 * No schema change; the cells stay as they are (same measures, same keys).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`UPDATE rollup_dirty SET source = 'publications' WHERE source = 'engagement'`)
}

/** The marks cannot be told apart again; a publications mark already covers what they meant. */
export async function down(_: MigrateDownArgs): Promise<void> {}
