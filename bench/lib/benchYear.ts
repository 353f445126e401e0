/**
 * The bench's year (bench:rollup, bench:stall): `publications` publications over 2025-2026 (times
 * uniform), `content` content items (1 in 5 publications), their topics and campaigns, `units`
 * units each with its own channel plus `sharedChannels` shared channels (broadcast channels'
 * slots mostly aired with a duration), every published publication on a social channel observed
 * twice; written with raw SQL in one transaction, then ANALYZE.
 */
import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import {
  AiringStatus,
  BROADCAST_KINDS,
  CHANNEL_KINDS,
  CONTENT_KINDS,
  DocStatus,
  PublicationStatus,
  SOCIAL_KINDS,
} from '@/vocabulary'

type Db = {
  run: (q: unknown) => Promise<unknown>
  transaction: <T>(fn: (tx: Db) => Promise<T>) => Promise<T>
}
const uuid = (kind: number, n: string) => `printf('%08x-0000-7000-8000-%012x', ${kind}, ${n})`

export async function writeBenchYear(
  payload: Payload,
  options: { publications: number; content?: number; units?: number; sharedChannels?: number },
): Promise<void> {
  const PUBS = options.publications
  const CONTENT = options.content ?? Math.max(100, Math.round(PUBS / 5))
  const UNITS = options.units ?? 40
  const SHARED_CHANNELS = options.sharedChannels ?? 5
  const db = (payload.db as unknown as { drizzle: Db }).drizzle
  const channelKinds = CHANNEL_KINDS.filter((k) => k !== 'webhook')
  await db.transaction(async (tx) => {
    const run = (q: string) => tx.run(sql.raw(q))
    const series = (n: number) =>
      `WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < ${n - 1})`
    await run(
      `${series(UNITS)} INSERT INTO units (id, name, kind, active) SELECT ${uuid(1, 'i')}, 'Đơn vị ' || (i + 1), 'department', 1 FROM s`,
    )
    await run(
      `${series(12)} INSERT INTO topics (id, title, slug) SELECT ${uuid(2, 'i')}, 'Chủ đề ' || (i + 1), 'chu-de-' || (i + 1) FROM s`,
    )
    await run(
      `${series(6)} INSERT INTO campaigns (id, name, starts_on, ends_on, lead_unit_id, status) SELECT ${uuid(3, 'i')}, 'Chiến dịch ' || (i + 1), '2024-12-31T17:00:00.000Z', '2026-12-30T17:00:00.000Z', ${uuid(1, 'i')}, 'active' FROM s`,
    )
    await run(
      `${series(12)} INSERT INTO campaigns_budgets (_order, _parent_id, id, year, planned, spent) SELECT i / 6, ${uuid(3, 'i % 6')}, ${uuid(4, 'i')}, 2025 + i / 6, 100000000, 50000000 FROM s`,
    )
    // Channel i < UNITS belongs to unit i; the kinds cycle so every kind exists; the last ones are shared.
    const kindCase = `CASE i % ${channelKinds.length} ${channelKinds.map((k, j) => `WHEN ${j} THEN '${k}'`).join(' ')} END`
    await run(
      `${series(UNITS + SHARED_CHANNELS)} INSERT INTO channels (id, name, kind, owner_unit_id, status) SELECT ${uuid(5, 'i')}, 'Kênh ' || (i + 1), ${kindCase}, CASE WHEN i < ${UNITS} THEN ${uuid(1, 'i')} END, 'active' FROM s`,
    )
    // Content: i % 20 → 10 articles, 5 videos, 3 infographics, 2 events; created uniformly over 2025-2026.
    const created = `strftime('%Y-%m-%dT%H:%M:%fZ', '2024-12-31T17:00:00', '+' || (abs(random()) % ${730 * 86400}) || ' seconds')`
    await run(`CREATE TEMP TABLE bench_content AS ${series(CONTENT)} SELECT i, ${uuid(10, 'i')} AS id,
        CASE WHEN i % 20 < 10 THEN 'articles' WHEN i % 20 < 15 THEN 'videos' WHEN i % 20 < 18 THEN 'infographics' ELSE 'events' END AS kind,
        ${uuid(1, `abs(random()) % ${UNITS}`)} AS unit, ${created} AS created FROM s`)
    for (const kind of CONTENT_KINDS) {
      const extra =
        kind === 'events'
          ? ', starts_at, ends_at, status, actual_participants, audience_citizens'
          : ''
      const extraValues =
        kind === 'events'
          ? `, created, created, CASE WHEN abs(random()) % 3 > 0 THEN 'held' ELSE 'planned' END, abs(random()) % 300, abs(random()) % 100`
          : ''
      await run(`INSERT INTO "${kind}" (id, title, owner_unit_id, created_at, updated_at, published_at, _status${extra})
        SELECT id, 'Nội dung ' || i, unit, created, created, CASE WHEN abs(random()) % 10 < 8 THEN created END, CASE WHEN abs(random()) % 10 < 8 THEN '${DocStatus.Published}' ELSE '${DocStatus.Draft}' END${extraValues}
        FROM bench_content WHERE kind = '${kind}'`)
      // 1-2 topics and 0-2 campaigns each.
      await run(
        `INSERT INTO "${kind}_rels" ("order", parent_id, path, topics_id) SELECT 1, id, 'topics', ${uuid(2, 'abs(random()) % 12')} FROM bench_content WHERE kind = '${kind}'`,
      )
      await run(
        `INSERT INTO "${kind}_rels" ("order", parent_id, path, topics_id) SELECT 2, id, 'topics', ${uuid(2, '(i + 5) % 12')} FROM bench_content WHERE kind = '${kind}' AND i % 2 = 0`,
      )
      await run(
        `INSERT INTO "${kind}_rels" ("order", parent_id, path, campaigns_id) SELECT 1, id, 'campaigns', ${uuid(3, 'i % 6')} FROM bench_content WHERE kind = '${kind}' AND i % 3 > 0`,
      )
      await run(
        `INSERT INTO "${kind}_rels" ("order", parent_id, path, campaigns_id) SELECT 2, id, 'campaigns', ${uuid(3, '(i + 1) % 6')} FROM bench_content WHERE kind = '${kind}' AND i % 3 = 2`,
      )
    }
    // Publications: content i % CONTENT; half on the unit's own channel, half on a shared one; 85% published.
    await run(`CREATE TEMP TABLE bench_pubs AS ${series(PUBS)} SELECT s.i AS i, ${uuid(20, 's.i')} AS id, c.id AS content, c.kind AS kind, c.unit AS unit,
        CASE WHEN s.i % 2 = 0 THEN (SELECT id FROM channels WHERE owner_unit_id = c.unit) ELSE ${uuid(5, `${UNITS} + abs(random()) % ${SHARED_CHANNELS}`)} END AS channel,
        strftime('%Y-%m-%dT%H:%M:%fZ', c.created, '+' || (abs(random()) % 864000) || ' seconds') AS at
      FROM s JOIN bench_content c ON c.i = s.i % ${CONTENT}`)
    await run(`INSERT INTO publications (id, content_title, channel_name, content_kind, content_id, channel_id, channel_kind, campaign_id, scheduled_at, status, owner_unit_id, idempotency_key, published_at, airing_status, airing_actual_duration_seconds)
      SELECT p.id, 'Nội dung', ch.name, p.kind, p.content, p.channel, ch.kind, CASE WHEN abs(random()) % 10 < 7 THEN ${uuid(3, 'abs(random()) % 6')} END, p.at,
        CASE WHEN abs(random()) % 100 < 85 THEN '${PublicationStatus.Published}' ELSE '${PublicationStatus.Cancelled}' END, p.unit, p.id, p.at,
        CASE WHEN ch.kind IN (${BROADCAST_KINDS.map((k) => `'${k}'`).join(', ')}) THEN CASE WHEN abs(random()) % 10 < 8 THEN '${AiringStatus.Aired}' ELSE '${AiringStatus.Pending}' END ELSE '${AiringStatus.Pending}' END,
        CASE WHEN ch.kind IN (${BROADCAST_KINDS.map((k) => `'${k}'`).join(', ')}) THEN 60 + abs(random()) % 1740 END
      FROM bench_pubs p JOIN channels ch ON ch.id = p.channel`)
    await run(
      `UPDATE publications SET published_at = NULL WHERE status <> '${PublicationStatus.Published}'`,
    )
    await run(`INSERT INTO publications_rels ("order", parent_id, path, ${CONTENT_KINDS.map((k) => `${k}_id`).join(', ')})
      SELECT NULL, id, 'content', ${CONTENT_KINDS.map((k) => `CASE WHEN kind = '${k}' THEN content END`).join(', ')} FROM bench_pubs`)
    // Engagement where the platforms give it (the social channels): every published publication
    // observed twice (a day and a week after), the later observation the one that counts.
    await run(`INSERT INTO engagement_observations (id, publication_id, observed_at, views, reach, reactions, shares, comments, watch_time_seconds, source, channel_id, owner_unit_id)
      SELECT ${uuid(30, 'p.rowid * 2 + (d.days > 1)')}, p.id, strftime('%Y-%m-%dT%H:%M:%fZ', p.published_at, '+' || d.days || ' days'),
        d.days * (100 + abs(random()) % 900), d.days * (80 + abs(random()) % 700), abs(random()) % 50 * d.days, abs(random()) % 10 * d.days, abs(random()) % 20 * d.days,
        CASE WHEN p.channel_kind IN ('youtube', 'tiktok') THEN d.days * (abs(random()) % 3600) END, 'manual', p.channel_id, p.owner_unit_id
      FROM publications p CROSS JOIN (SELECT 1 AS days UNION ALL SELECT 7) d WHERE p.status = '${PublicationStatus.Published}' AND p.channel_kind IN (${SOCIAL_KINDS.map((k) => `'${k}'`).join(', ')})`)
    await run('DROP TABLE bench_pubs')
    await run('DROP TABLE bench_content')
  })
  await db.run(sql.raw('ANALYZE'))
}
