import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'
import { listSearchOf, LIST_SEARCH_SOURCES } from '../src/fields/listSearch'

/** Column of each searched field, as the schema names it. */
const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/**
 * Hand-written, after the generated `*_freeze_and_list_search`: fills `listSearch` (the admin list's
 * folded search text, src/fields/listSearch.ts) on the units, users and campaigns already stored.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const [table, sources] of Object.entries(LIST_SEARCH_SOURCES)) {
    const columns = sources.map(snake)
    const rows = await db.all<Record<string, unknown>>(
      sql.raw(`SELECT id, ${columns.join(', ')} FROM "${table}"`),
    )
    for (const row of rows) {
      const doc = Object.fromEntries(sources.map((f, i) => [f, row[columns[i]]]))
      await db.run(
        sql`UPDATE ${sql.identifier(table)} SET list_search = ${listSearchOf(doc, sources)} WHERE id = ${row.id}`,
      )
    }
  }
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const table of Object.keys(LIST_SEARCH_SOURCES))
    await db.run(sql`UPDATE ${sql.identifier(table)} SET list_search = NULL`)
}
