import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * Reminders sent from the reports board (issue 19): `sequence` (0 for the worker's reminders, so
 * existing rows keep their one-per-unit-year-kind guarantee; 1, 2, … for Sở TT&TT's) joins the
 * unique index, and `sentBy` records who sent one. Generated.
 */

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`ownerUnit_year_kind_idx\`;`)
  await db.run(sql`ALTER TABLE \`report_reminders\` ADD \`sequence\` numeric DEFAULT 0 NOT NULL;`)
  await db.run(
    sql`ALTER TABLE \`report_reminders\` ADD \`sent_by_id\` text(36) REFERENCES users(id);`,
  )
  await db.run(
    sql`CREATE INDEX \`report_reminders_sent_by_idx\` ON \`report_reminders\` (\`sent_by_id\`);`,
  )
  await db.run(
    sql`CREATE UNIQUE INDEX \`ownerUnit_year_kind_sequence_idx\` ON \`report_reminders\` (\`owner_unit_id\`,\`year\`,\`kind\`,\`sequence\`);`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_report_reminders\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`subject\` text,
  	\`owner_unit_id\` text(36) NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`kind\` text,
  	\`deadline\` text,
  	\`sent_at\` text,
  	\`recipients\` text,
  	\`body\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`owner_unit_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_report_reminders\`("id", "subject", "owner_unit_id", "year", "kind", "deadline", "sent_at", "recipients", "body", "updated_at", "created_at") SELECT "id", "subject", "owner_unit_id", "year", "kind", "deadline", "sent_at", "recipients", "body", "updated_at", "created_at" FROM \`report_reminders\`;`,
  )
  await db.run(sql`DROP TABLE \`report_reminders\`;`)
  await db.run(sql`ALTER TABLE \`__new_report_reminders\` RENAME TO \`report_reminders\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(
    sql`CREATE INDEX \`report_reminders_owner_unit_idx\` ON \`report_reminders\` (\`owner_unit_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`report_reminders_updated_at_idx\` ON \`report_reminders\` (\`updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`report_reminders_created_at_idx\` ON \`report_reminders\` (\`created_at\`);`,
  )
  await db.run(
    sql`CREATE UNIQUE INDEX \`ownerUnit_year_kind_idx\` ON \`report_reminders\` (\`owner_unit_id\`,\`year\`,\`kind\`);`,
  )
}
