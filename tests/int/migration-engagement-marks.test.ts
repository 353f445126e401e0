/**
 * Migration 20261126_091500_engagement_with_publications: months marked stale for the old
 * engagement source, written before it ran, become the publications source's (which now counts
 * engagement), so the next incremental run still recomputes them.
 */
// First: these tests write rows in the schema before a migration, so they start from an empty file.
import '../helpers/emptyDatabase'
import config from '@payload-config'
import { sql } from '@payloadcms/db-sqlite'
import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { applyMigrations } from '@/lib/migrations'
import { migrateBefore } from '../helpers/migrations'
import { refreshDirty } from '@/reporting/engine'

const MIGRATION = '20261126_091500_engagement_with_publications'
type Drizzle = { run: (query: ReturnType<typeof sql>) => Promise<unknown> }

let payload: Payload
const run = (query: ReturnType<typeof sql>) =>
  (payload.db as unknown as { drizzle: Drizzle }).drizzle.run(query)

beforeAll(async () => {
  payload = await getPayload({ config })
  await migrateBefore(payload, MIGRATION)
  await run(sql`INSERT INTO rollup_dirty (id, year, month, source) VALUES
    ('d1', 2026, 11, 'engagement'), ('d2', 2026, 10, 'events')`)
  await applyMigrations(payload)
})

afterAll(async () => {
  await payload?.destroy()
})

it('turns the engagement marks into publications marks, and leaves the others', async () => {
  const marks = await payload.find({
    collection: 'rollup-dirty',
    sort: 'id',
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  expect(marks.docs.map((m) => [m.id, m.year, m.month, m.source])).toEqual([
    ['d1', 2026, 11, 'publications'],
    ['d2', 2026, 10, 'events'],
  ])
  // The incremental run folds both in (an unknown source would have been skipped and cleared).
  const refreshed = await refreshDirty(payload)
  expect(refreshed.folded.map((f) => [f.source, f.months])).toEqual(
    expect.arrayContaining([
      ['publications', [11]],
      ['events', [10]],
    ]),
  )
})
