import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * By hand: the province's sums of every indicator and year over the complete facts (Σ numerators,
 * Σ denominators, how many reported), kept by triggers on `indicator_facts`, so the province's
 * indicator panel reads a few dozen rows instead of adding up every unit's facts (400,000 rows at
 * 10,000 units × 5 years: 200 ms of SQLite's own time). Triggers, not application code, keep it:
 * every writer of facts (a form's save, the catalogue's rebuild, the seed, a restore, the bench's
 * SQL) goes through them. Entered values are whole numbers, so the sums stay exact. Not a Payload
 * collection: nothing but src/db/sqlite/figures.ts reads it.
 */
const SIDES = `COALESCE(NEW.numerator, 0), COALESCE(NEW.denominator, 0), 1`
const ADD = `ON CONFLICT (indicator, year) DO UPDATE SET n = n + excluded.n, d = d + excluded.d, c = c + 1`
const SUBTRACT = `UPDATE indicator_fact_sums SET n = n - COALESCE(OLD.numerator, 0),
  d = d - COALESCE(OLD.denominator, 0), c = c - 1 WHERE indicator = OLD.indicator AND year = OLD.year`

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(
    sql.raw(`CREATE TABLE IF NOT EXISTS indicator_fact_sums (indicator text NOT NULL,
      year numeric NOT NULL, n numeric NOT NULL DEFAULT 0, d numeric NOT NULL DEFAULT 0,
      c integer NOT NULL DEFAULT 0, PRIMARY KEY (indicator, year)) WITHOUT ROWID`),
  )
  await db.run(
    sql.raw(`CREATE TRIGGER IF NOT EXISTS indicator_facts_sums_insert AFTER INSERT ON indicator_facts
      WHEN NEW.complete = 1 BEGIN
        INSERT INTO indicator_fact_sums (indicator, year, n, d, c) VALUES (NEW.indicator, NEW.year, ${SIDES}) ${ADD};
      END`),
  )
  await db.run(
    sql.raw(`CREATE TRIGGER IF NOT EXISTS indicator_facts_sums_delete AFTER DELETE ON indicator_facts
      WHEN OLD.complete = 1 BEGIN ${SUBTRACT}; END`),
  )
  await db.run(
    sql.raw(`CREATE TRIGGER IF NOT EXISTS indicator_facts_sums_update AFTER UPDATE ON indicator_facts BEGIN
        ${SUBTRACT} AND OLD.complete = 1;
        INSERT INTO indicator_fact_sums (indicator, year, n, d, c) SELECT NEW.indicator, NEW.year, ${SIDES}
          WHERE NEW.complete = 1 ${ADD};
      END`),
  )
  await db.run(sql.raw('DELETE FROM indicator_fact_sums'))
  await db.run(
    sql.raw(`INSERT INTO indicator_fact_sums (indicator, year, n, d, c)
      SELECT indicator, year, COALESCE(SUM(numerator), 0), COALESCE(SUM(denominator), 0), COUNT(*)
      FROM indicator_facts WHERE complete = 1 GROUP BY indicator, year`),
  )
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const t of ['insert', 'delete', 'update'])
    await db.run(sql.raw(`DROP TRIGGER IF EXISTS indicator_facts_sums_${t}`))
  await db.run(sql.raw('DROP TABLE IF EXISTS indicator_fact_sums'))
}
