import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`report_settings_recipients\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`report_settings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`report_settings_recipients_order_idx\` ON \`report_settings_recipients\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`report_settings_recipients_parent_id_idx\` ON \`report_settings_recipients\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`report_settings_years_recipients\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`report_settings_years\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`report_settings_years_recipients_order_idx\` ON \`report_settings_years_recipients\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`report_settings_years_recipients_parent_id_idx\` ON \`report_settings_years_recipients\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`report_settings_years\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`number\` text,
  	\`symbol\` text,
  	\`signer_authority\` text,
  	\`signer_title\` text,
  	\`signer_name\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`report_settings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`report_settings_years_order_idx\` ON \`report_settings_years\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`report_settings_years_parent_id_idx\` ON \`report_settings_years\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`report_settings\` (
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
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`report_settings_recipients\`;`)
  await db.run(sql`DROP TABLE \`report_settings_years_recipients\`;`)
  await db.run(sql`DROP TABLE \`report_settings_years\`;`)
  await db.run(sql`DROP TABLE \`report_settings\`;`)
}
