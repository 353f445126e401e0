import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * Hand-written, after the generated *_unit_tree: a unit that already had a parent gets it as its
 * one parent period, open at both ends (under that parent since always), so the tree of any past
 * day reads as it did before parent periods existed.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`INSERT INTO \`units_parents\` (\`_order\`, \`_parent_id\`, \`id\`, \`parent_id\`, \`from\`, \`to\`)
    SELECT 1, u.\`id\`, lower(hex(randomblob(12))), u.\`parent_id\`, NULL, NULL FROM \`units\` u
    WHERE u.\`parent_id\` IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM \`units_parents\` p WHERE p.\`_parent_id\` = u.\`id\`)`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DELETE FROM \`units_parents\``)
}
