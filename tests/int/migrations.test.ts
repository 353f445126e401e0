/**
 * SQLite migrations that move data, run against rows written in the schema before them (raw SQL,
 * since the current collections no longer match that schema).
 */
// First: these tests write rows in the schema before a migration, so they start from an empty file.
import '../helpers/emptyDatabase'
import config from '@payload-config'
import { sql } from '@payloadcms/db-sqlite'
import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyMigrations } from '@/lib/migrations'
import { migrateBefore } from '../helpers/migrations'
import { migrations } from '../../migrations'

const TITLES = '20261125_211530_publication_titles'

type Drizzle = { run: (query: ReturnType<typeof sql>) => Promise<unknown> }

let payload: Payload
const run = (query: ReturnType<typeof sql>) =>
  (payload.db as unknown as { drizzle: Drizzle }).drizzle.run(query)

beforeAll(async () => {
  payload = await getPayload({ config })
  await migrateBefore(payload, TITLES)
  await run(sql`INSERT INTO units (id, name, kind) VALUES ('u1', 'Báo Tây Ninh', 'newspaper')`)
  await run(sql`INSERT INTO channels (id, name, kind) VALUES ('c1', 'Cổng TTĐT tỉnh', 'webhook')`)
  await run(
    sql`INSERT INTO articles (id, title, slug) VALUES ('a1', 'Chuyển đổi số → cơ sở', 'chuyen-doi-so-co-so')`,
  )
  const at = '2026-12-01T01:00:00.000Z'
  // p1: content and channel exist; p2: its content was deleted (no link), so only the old title says what it was.
  await run(sql`INSERT INTO publications (id, title, channel_id, scheduled_at, status, idempotency_key) VALUES
    ('p1', 'Chuyển đổi số → cơ sở → Cổng TTĐT tỉnh', 'c1', ${at}, 'scheduled', 'k1'),
    ('p2', 'Bài đã xóa → Kênh cũ', 'c1', ${at}, 'cancelled', 'k2')`)
  await run(
    sql`INSERT INTO publications_rels (parent_id, path, "order", articles_id) VALUES ('p1', 'content', 1, 'a1')`,
  )
  await applyMigrations(payload)
})

afterAll(async () => {
  await payload?.destroy()
})

describe(`migration ${TITLES}`, () => {
  it('fills contentTitle and channelName from the content and the channel, even when the title itself holds an arrow', async () => {
    const pub = await payload.findByID({
      collection: 'publications',
      id: 'p1',
      depth: 0,
      overrideAccess: true,
    })
    expect(pub.contentTitle).toBe('Chuyển đổi số → cơ sở')
    expect(pub.channelName).toBe('Cổng TTĐT tỉnh')
  })

  it('falls back to the halves of the old joined title when the content is gone', async () => {
    const rows = (
      await payload.db.find({
        collection: 'publications',
        where: { id: { equals: 'p2' } },
        limit: 1,
      })
    ).docs as {
      contentTitle?: string
      channelName?: string
    }[]
    // The channel still exists, so its current name wins over the old text.
    expect(rows[0]).toMatchObject({ contentTitle: 'Bài đã xóa', channelName: 'Cổng TTĐT tỉnh' })
  })

  it('leaves no pending migration behind', async () => {
    const applied = await payload.find({
      collection: 'payload-migrations',
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    expect(applied.docs.map((d) => d.name)).toEqual(
      expect.arrayContaining(migrations.map((m) => m.name)),
    )
  })
})
