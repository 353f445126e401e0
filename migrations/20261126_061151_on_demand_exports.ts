import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`generated_reports_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`rollup_snapshots_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`generated_reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`rollup_snapshots_id\`) REFERENCES \`rollup_snapshots\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`generated_reports_rels_order_idx\` ON \`generated_reports_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`generated_reports_rels_parent_idx\` ON \`generated_reports_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`generated_reports_rels_path_idx\` ON \`generated_reports_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`generated_reports_rels_rollup_snapshots_id_idx\` ON \`generated_reports_rels\` (\`rollup_snapshots_id\`);`)
  // The reports generated so far (by the schedule) are finished files: status done, 100 %.
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_generated_reports\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`year\` numeric NOT NULL,
  	\`year_to\` numeric,
  	\`kind\` text,
  	\`format\` text,
  	\`status\` text,
  	\`progress\` numeric,
  	\`error\` text,
  	\`unit_id\` text(36),
  	\`snapshot_id\` text(36),
  	\`generated_at\` text,
  	\`generated_by_id\` text(36),
  	\`checksum\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	FOREIGN KEY (\`unit_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`snapshot_id\`) REFERENCES \`rollup_snapshots\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`generated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_generated_reports\`("id", "title", "year", "year_to", "kind", "format", "status", "progress", "error", "unit_id", "snapshot_id", "generated_at", "generated_by_id", "checksum", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y") SELECT "id", "title", "year", NULL, "kind", NULL, 'done', 100, NULL, NULL, "snapshot_id", "generated_at", "generated_by_id", "checksum", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y" FROM \`generated_reports\`;`)
  await db.run(sql`DROP TABLE \`generated_reports\`;`)
  await db.run(sql`ALTER TABLE \`__new_generated_reports\` RENAME TO \`generated_reports\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`generated_reports_unit_idx\` ON \`generated_reports\` (\`unit_id\`);`)
  await db.run(sql`CREATE INDEX \`generated_reports_snapshot_idx\` ON \`generated_reports\` (\`snapshot_id\`);`)
  await db.run(sql`CREATE INDEX \`generated_reports_generated_by_idx\` ON \`generated_reports\` (\`generated_by_id\`);`)
  await db.run(sql`CREATE INDEX \`generated_reports_updated_at_idx\` ON \`generated_reports\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`generated_reports_created_at_idx\` ON \`generated_reports\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`generated_reports_filename_idx\` ON \`generated_reports\` (\`filename\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  // Exports that never got their snapshot (failed or queued) cannot go back to a required snapshot.
  await db.run(sql`DELETE FROM generated_reports WHERE snapshot_id IS NULL;`)
  await db.run(sql`DROP TABLE \`generated_reports_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_generated_reports\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`year\` numeric NOT NULL,
  	\`kind\` text,
  	\`snapshot_id\` text(36) NOT NULL,
  	\`generated_at\` text,
  	\`generated_by_id\` text(36),
  	\`checksum\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	FOREIGN KEY (\`snapshot_id\`) REFERENCES \`rollup_snapshots\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`generated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_generated_reports\`("id", "title", "year", "kind", "snapshot_id", "generated_at", "generated_by_id", "checksum", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y") SELECT "id", "title", "year", "kind", "snapshot_id", "generated_at", "generated_by_id", "checksum", "updated_at", "created_at", "url", "thumbnail_u_r_l", "filename", "mime_type", "filesize", "width", "height", "focal_x", "focal_y" FROM \`generated_reports\`;`)
  await db.run(sql`DROP TABLE \`generated_reports\`;`)
  await db.run(sql`ALTER TABLE \`__new_generated_reports\` RENAME TO \`generated_reports\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`generated_reports_snapshot_idx\` ON \`generated_reports\` (\`snapshot_id\`);`)
  await db.run(sql`CREATE INDEX \`generated_reports_generated_by_idx\` ON \`generated_reports\` (\`generated_by_id\`);`)
  await db.run(sql`CREATE INDEX \`generated_reports_updated_at_idx\` ON \`generated_reports\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`generated_reports_created_at_idx\` ON \`generated_reports\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`generated_reports_filename_idx\` ON \`generated_reports\` (\`filename\`);`)
}
