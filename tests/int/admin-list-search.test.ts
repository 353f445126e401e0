/**
 * The admin's list search folds Vietnamese (issue 18): capitals, no diacritics and the decomposed
 * (NFD) form all find "chuyển đổi số" in every list that searches, with the very `where` the admin's
 * list view builds (payload/shared mergeListSearchAndWhere: an `or` of `like` on
 * `admin.listSearchableFields`), on the drafts table where the list reads it. Also the backfill
 * migration: a row stored before the field existed is found once it has run.
 */
import { sql } from '@payloadcms/db-sqlite'
import type { CollectionSlug, Payload } from 'payload'
import { mergeListSearchAndWhere } from 'payload/shared'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { up as backfill } from '../../migrations/20261205_005959_list_search_backfill'
import { testPayload } from '../helpers/payload'

let payload: Payload
const ids: Partial<Record<CollectionSlug, string>> = {}
const PHRASE = 'Chuyển đổi số'

const QUERIES = [
  'CHUYỂN ĐỔI SỐ',
  'chuyen doi so',
  'chuyển đổi số'.normalize('NFD'),
  'Chuyển Đổi'.normalize('NFC'),
]

/** What the admin's list finds for `search` (drafts included where the collection has drafts). */
async function listSearch(collection: CollectionSlug, search: string) {
  const config = payload.collections[collection].config
  const where = mergeListSearchAndWhere({ collectionConfig: config, search })
  const found = await payload.find({
    collection,
    where,
    draft: !!config.versions && typeof config.versions === 'object' && !!config.versions.drafts,
    depth: 0,
    limit: 50,
    overrideAccess: true,
  })
  return found.docs.map((d) => String(d.id))
}

beforeAll(async () => {
  payload = await testPayload()
  const unit = await payload.create({
    collection: 'units',
    overrideAccess: true,
    data: { name: `Trung tâm ${PHRASE} tỉnh`, shortName: 'TT CĐS', kind: 'department' } as never,
  })
  ids.units = String(unit.id)
  await payload.create({
    collection: 'units',
    overrideAccess: true,
    data: { name: 'Sở Tài chính', kind: 'department' } as never,
  })
  ids.users = String(
    (
      await payload.create({
        collection: 'users',
        overrideAccess: true,
        data: {
          email: 'chuyen-vien@demo.vn',
          password: 'MatKhau@2026!',
          fullName: `Tổ ${PHRASE} Nguyễn Văn An`,
          role: 'admin',
        } as never,
      })
    ).id,
  )
  ids.campaigns = String(
    (
      await payload.create({
        collection: 'campaigns',
        overrideAccess: true,
        data: {
          name: `Tuyên truyền ${PHRASE} 2026`,
          leadUnit: ids.units,
          startsOn: '2026-01-01T00:00:00+07:00',
          endsOn: '2026-12-31T00:00:00+07:00',
        } as never,
      })
    ).id,
  )
  const png = await sharp({
    create: { width: 8, height: 8, channels: 3, background: '#0a6' },
  })
    .png()
    .toBuffer()
  const image = await payload.create({
    collection: 'media',
    overrideAccess: true,
    data: { alt: 'Ảnh minh hoạ chuyển đổi số', credit: 'Sở TT&TT', ownerUnit: ids.units } as never,
    file: { data: png, mimetype: 'image/png', name: 'cds.png', size: png.length },
  })
  const own: Record<string, Record<string, unknown>> = {
    articles: {},
    videos: { externalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
    infographics: {
      kind: 'infographic',
      file: image.id,
      alt: 'Các bước',
      longDescription: 'Bước 1, bước 2.',
    },
    events: { startsAt: '2026-05-01T02:00:00.000Z', endsAt: '2026-05-01T04:00:00.000Z' },
  }
  for (const kind of ['articles', 'videos', 'infographics', 'events'] as const) {
    const doc = await payload.create({
      collection: kind,
      overrideAccess: true,
      draft: true,
      data: {
        title: `${PHRASE}: ${kind}`,
        ownerUnit: ids.units,
        _status: 'draft',
        ...own[kind],
      } as never,
    })
    ids[kind] = String(doc.id)
  }
}, 60_000)

afterAll(async () => {
  await payload?.destroy()
})

describe('admin list search', () => {
  it('finds "chuyển đổi số" however it is typed, in every searched list', async () => {
    for (const [collection, id] of Object.entries(ids) as [CollectionSlug, string][]) {
      for (const q of QUERIES)
        expect(await listSearch(collection, q), `${collection} ${q}`).toContain(id)
      // Not everything: another phrase finds nothing of these.
      expect(await listSearch(collection, 'chuyển đổi xanh'), collection).not.toContain(id)
    }
    // Only the matching unit.
    expect(await listSearch('units', 'CHUYỂN ĐỔI SỐ')).toEqual([ids.units])
    // A user found by a part of the email, as typed.
    expect(await listSearch('users', 'chuyen-vien@demo')).toContain(ids.users)
  }, 60_000)

  it('keeps the folded text on update and fills rows stored before the field (migration)', async () => {
    await payload.update({
      collection: 'units',
      id: ids.units!,
      overrideAccess: true,
      data: { name: 'Trung tâm Đổi mới sáng tạo' } as never,
    })
    expect(await listSearch('units', 'CHUYỂN ĐỔI SỐ')).toEqual([])
    expect(await listSearch('units', 'ĐỔI MỚI')).toEqual([ids.units])
    // As before the migration: no folded text stored.
    const db = (payload.db as unknown as { drizzle: { run: (q: unknown) => Promise<unknown> } })
      .drizzle
    for (const t of ['units', 'users', 'campaigns'])
      await db.run(sql.raw(`UPDATE ${t} SET list_search = NULL`))
    expect(await listSearch('units', 'đổi mới')).toEqual([])
    await backfill({ db, payload, req: {} } as never)
    expect(await listSearch('units', 'ĐỔI MỚI')).toEqual([ids.units])
    expect(await listSearch('campaigns', 'chuyen doi so')).toEqual([ids.campaigns])
    expect(await listSearch('users', 'NGUYỄN VĂN AN')).toEqual([ids.users])
  }, 60_000)
})
