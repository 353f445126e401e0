import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * Publications keep the content's title and the channel's name in two fields instead of one
 * joined "title → channel". Existing rows are filled from the content and the channel where they
 * still exist, otherwise from the two halves of the old title.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`publications\` ADD \`content_title\` text;`)
  await db.run(sql`ALTER TABLE \`publications\` ADD \`channel_name\` text;`)
  await db.run(sql`UPDATE \`publications\` SET
    \`content_title\` = COALESCE(
      (SELECT COALESCE(a.title, v.title, i.title, e.title) FROM \`publications_rels\` r
         LEFT JOIN \`articles\` a ON a.id = r.articles_id
         LEFT JOIN \`videos\` v ON v.id = r.videos_id
         LEFT JOIN \`infographics\` i ON i.id = r.infographics_id
         LEFT JOIN \`events\` e ON e.id = r.events_id
       WHERE r.parent_id = \`publications\`.id AND r.path = 'content' LIMIT 1),
      CASE WHEN instr(\`title\`, ' → ') > 0 THEN substr(\`title\`, 1, instr(\`title\`, ' → ') - 1) ELSE \`title\` END),
    \`channel_name\` = COALESCE(
      (SELECT c.name FROM \`channels\` c WHERE c.id = \`publications\`.channel_id),
      CASE WHEN instr(\`title\`, ' → ') > 0 THEN substr(\`title\`, instr(\`title\`, ' → ') + 3) END);`)
  await db.run(sql`ALTER TABLE \`publications\` DROP COLUMN \`title\`;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`publications\` ADD \`title\` text;`)
  await db.run(sql`UPDATE \`publications\` SET \`title\` = COALESCE(\`content_title\`, '') || ' → ' || COALESCE(\`channel_name\`, '');`)
  await db.run(sql`ALTER TABLE \`publications\` DROP COLUMN \`content_title\`;`)
  await db.run(sql`ALTER TABLE \`publications\` DROP COLUMN \`channel_name\`;`)
}
