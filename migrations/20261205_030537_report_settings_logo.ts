import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`report_settings\` ADD \`logo_id\` text(36) REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`report_settings_logo_idx\` ON \`report_settings\` (\`logo_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_report_settings\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_body\` text,
  	\`issuing_body\` text,
  	\`place\` text,
  	\`symbol\` text,
  	\`signer_authority\` text,
  	\`signer_title\` text,
  	\`signer_name\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_report_settings\`("id", "parent_body", "issuing_body", "place", "symbol", "signer_authority", "signer_title", "signer_name", "updated_at", "created_at") SELECT "id", "parent_body", "issuing_body", "place", "symbol", "signer_authority", "signer_title", "signer_name", "updated_at", "created_at" FROM \`report_settings\`;`,
  )
  await db.run(sql`DROP TABLE \`report_settings\`;`)
  await db.run(sql`ALTER TABLE \`__new_report_settings\` RENAME TO \`report_settings\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
}
