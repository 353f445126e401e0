import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '@/dispatch/dispatcher'
import { foldText, foldedWords, highlightParts } from '@/content/fold'
import { findBySlug, listPublic, searchPublic } from '@/content/public'
import { refreshPublicFields } from '@/content/refreshPublicFields'
import { nextVisibilityChange, publicWhere } from '@/content/visibility'
import { safeHref } from '@/app/(frontend)/_components/RichText'
import { createUnit, createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

/**
 * The public page's rule (src/content/visibility.ts) and its search (src/content/fold.ts,
 * src/content/public.ts) on a real SQLite database: published, and the dedicated page's schedule
 * has come; search folded on both sides.
 */

let payload: Payload
const ids: Record<string, any> = {}
const DAY = 86_400_000

const text = (t: string) => ({
  root: {
    type: 'root',
    version: 1,
    direction: 'ltr',
    format: '',
    indent: 0,
    children: [
      {
        type: 'paragraph',
        version: 1,
        direction: 'ltr',
        format: '',
        indent: 0,
        children: [
          { type: 'text', version: 1, text: t, format: 0, mode: 'normal', style: '', detail: 0 },
        ],
      },
    ],
  },
})

async function article(title: string, extra: Record<string, unknown> = {}) {
  const doc = await payload.create({
    collection: 'articles',
    data: {
      title,
      ownerUnit: ids.unit,
      _status: 'published',
      body: text(`Nội dung: ${title}`),
      ...extra,
    } as never,
    draft: extra._status === 'draft',
    overrideAccess: true,
  })
  return String(doc.id)
}

const schedule = (id: string, data: Record<string, unknown>) =>
  payload.create({
    collection: 'publications',
    // Hiding a live item until its page time is what these tests are about: confirmed
    // (the refusal without it: schedule-hides-live.test.ts).
    data: {
      content: { relationTo: 'articles', value: id },
      channel: ids.web,
      hideLiveUntilScheduled: true,
      ...data,
    } as never,
    user: ids.manager,
    overrideAccess: false,
  })

const visibleTitles = async (now?: Date) => {
  const found = await payload.find({
    collection: 'articles',
    where: publicWhere(now),
    limit: 0,
    pagination: false,
    // At a simulated later instant the rule alone is tested: anonymous access applies the real now.
    overrideAccess: now !== undefined,
    depth: 0,
  })
  return found.docs.map((d) => d.title).sort()
}

const stored = async (id: string) =>
  (await payload.findByID({ collection: 'articles', id, depth: 0, overrideAccess: true }))
    .webVisibleFrom ?? null

beforeAll(async () => {
  payload = await testPayload()
  const unit = await createUnit(payload, 'Báo Đắk Lắk')
  ids.unit = String(unit.id)
  ids.manager = await createUser(payload, 'campaign-manager', unit.id)
  const channel = (data: Record<string, unknown>) =>
    payload.create({ collection: 'channels', data: data as never, overrideAccess: true })
  ids.web = String((await channel({ name: 'Chuyên trang Chuyển đổi số', kind: 'web-page' })).id)
  ids.feed = String((await channel({ name: 'Nguồn tin RSS', kind: 'feed' })).id)
})

describe('visibility: published, and the web-page schedule has come', () => {
  it('an item published directly with no web-page publication is public at once', async () => {
    const id = await article('Tin xuất bản ngay')
    expect(await stored(id)).toBeNull()
    expect(await visibleTitles()).toContain('Tin xuất bản ngay')
  })

  it('a draft is never public, whatever its publications', async () => {
    await article('Bản nháp chưa xuất bản', { _status: 'draft' })
    expect(await visibleTitles(new Date(Date.now() + 365 * DAY))).not.toContain(
      'Bản nháp chưa xuất bản',
    )
  })

  it('published directly while a web-page publication is due tomorrow: hidden until its time, then public', async () => {
    const id = await article('Tin xuất bản trước lịch chuyên trang')
    const at = new Date(Date.now() + DAY).toISOString()
    const pub = await schedule(id, { scheduledAt: at })
    expect(await stored(id)).toBe(at)
    expect(await visibleTitles()).not.toContain('Tin xuất bản trước lịch chuyên trang')
    // The same query when that time has come: visible, with no write in between.
    expect(await visibleTitles(new Date(Date.parse(at) + 1))).toContain(
      'Tin xuất bản trước lịch chuyên trang',
    )
    expect(await visibleTitles(new Date(Date.parse(at) - 1000))).not.toContain(
      'Tin xuất bản trước lịch chuyên trang',
    )
    expect((await nextVisibilityChange(payload))?.toISOString()).toBe(at)

    // Moved to the day after: follows the publication.
    const later = new Date(Date.now() + 2 * DAY).toISOString()
    await payload.update({
      collection: 'publications',
      id: pub.id,
      data: { scheduledAt: later } as never,
      overrideAccess: true,
    })
    expect(await stored(id)).toBe(later)
    // An editor's later save of the item recomputes the same value (nothing stale carried in by a form).
    await payload.update({
      collection: 'articles',
      id,
      data: { sapo: 'Sapo mới', webVisibleFrom: null } as never,
      overrideAccess: true,
    })
    expect(await stored(id)).toBe(later)
    // Cancelled: the schedule no longer holds it back.
    await payload.update({
      collection: 'publications',
      id: pub.id,
      data: { status: 'cancelled' } as never,
      overrideAccess: true,
    })
    expect(await stored(id)).toBeNull()
    expect(await visibleTitles()).toContain('Tin xuất bản trước lịch chuyên trang')
  })

  it('a deleted web-page publication releases its item; other channels never hold an item back', async () => {
    const id = await article('Tin có lịch đăng RSS tuần sau')
    await schedule(id, {
      channel: ids.feed,
      scheduledAt: new Date(Date.now() + 7 * DAY).toISOString(),
    })
    expect(await stored(id)).toBeNull()
    const pub = await schedule(id, { scheduledAt: new Date(Date.now() + 7 * DAY).toISOString() })
    expect(await stored(id)).not.toBeNull()
    await payload.delete({ collection: 'publications', id: pub.id, overrideAccess: true })
    expect(await stored(id)).toBeNull()
  })

  it('a draft scheduled on the web page is published by the dispatcher at its time and shows from then', async () => {
    const id = await article('Bản nháp lên lịch chuyên trang', { _status: 'draft' })
    const at = new Date(Date.now() + 2500)
    await schedule(id, { scheduledAt: at.toISOString() })
    expect(await visibleTitles()).not.toContain('Bản nháp lên lịch chuyên trang')
    expect(await findBySlug(payload, 'articles', 'ban-nhap-len-lich-chuyen-trang')).toBeNull()
    await new Promise((r) => setTimeout(r, at.getTime() - Date.now() + 200))
    await createDispatcher(payload, { workerId: 'visibility-test', log: () => {} }).drain()
    const doc = await findBySlug(payload, 'articles', 'ban-nhap-len-lich-chuyen-trang')
    expect(doc?.title).toBe('Bản nháp lên lịch chuyên trang')
    expect(doc?.publishedAt).toBe(at.toISOString())
    // Still held by the (now published) publication's time, which has come.
    expect(doc?.webVisibleFrom).toBe(at.toISOString())
  })

  it('a newer draft revision of a published item changes nothing the public reads', async () => {
    const id = await article('Tin có bản sửa nháp')
    await payload.update({
      collection: 'articles',
      id,
      draft: true,
      data: { title: 'BẢN SỬA NHÁP BÍ MẬT' } as never,
      overrideAccess: true,
    })
    const hits = await searchPublic(payload, { q: 'ban sua nhap bi mat' })
    expect(hits.totalDocs).toBe(0)
    expect((await findBySlug(payload, 'articles', 'tin-co-ban-sua-nhap'))?.title).toBe(
      'Tin có bản sửa nháp',
    )
  })
})

describe('search ignores diacritics and case', () => {
  it('folds Vietnamese text: đ → d, marks dropped, lower case, punctuation as spaces', () => {
    expect(foldText('Chuyển đổi số')).toBe('chuyen doi so')
    expect(foldText('ĐẮK LẮK: “Ngày Chuyển đổi số” 10/10!')).toBe(
      'dak lak ngay chuyen doi so 10 10',
    )
    expect(foldedWords('  Dak  LAK dak ')).toEqual(['dak', 'lak'])
  })

  it('highlights the matches in the original text', () => {
    const parts = highlightParts('Người dân Đắk Lắk học kỹ năng số', ['dak', 'lak'])
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['Đắk', 'Lắk'])
    expect(parts.map((p) => p.text).join('')).toBe('Người dân Đắk Lắk học kỹ năng số')
  })

  it('finds items typed without diacritics, in any case, on the stored folded field', async () => {
    const a = await article('Chuyển đổi số ở Đắk Lắk: chợ 4.0')
    const b = await article('Hội nghị chuyển đổi số tỉnh Tây Ninh')
    await article('Tập huấn kỹ năng số cho cán bộ xã')
    const row = await payload.findByID({
      collection: 'articles',
      id: a,
      depth: 0,
      overrideAccess: true,
    })
    expect(row.searchText).toContain('chuyen doi so o dak lak cho 4 0')

    const one = await searchPublic(payload, { q: 'dak lak' })
    expect(one.hits.map((h) => h.doc.id)).toEqual([a])
    const two = await searchPublic(payload, { q: 'CHUYEN DOI SO' })
    expect(two.hits.map((h) => String(h.doc.id)).sort()).toEqual([a, b].sort())
    // Words in any order, with diacritics typed the other way.
    expect(
      (await searchPublic(payload, { q: 'tây ninh hoi nghi' })).hits.map((h) => h.doc.id),
    ).toEqual([b])
    // The body is searched too.
    expect((await searchPublic(payload, { q: 'noi dung hoi nghi' })).totalDocs).toBe(1)
    // LIKE's wildcards typed by a reader are folded away, not obeyed.
    expect((await searchPublic(payload, { q: '%' })).totalDocs).toBe(0)
    expect((await searchPublic(payload, { q: 'chuyen_doi' })).totalDocs).toBe(2)
  })

  it('keeps the folded field up to date on edit, and paginates over every kind', async () => {
    const id = await article('Tiêu đề cũ về dịch vụ công', { body: text('Hướng dẫn từng bước.') })
    await payload.update({
      collection: 'articles',
      id,
      data: { title: 'Đăng ký khai sinh trực tuyến' } as never,
      overrideAccess: true,
    })
    expect((await searchPublic(payload, { q: 'dich vu cong' })).totalDocs).toBe(0)
    expect((await searchPublic(payload, { q: 'dang ky khai sinh' })).totalDocs).toBe(1)

    await payload.create({
      collection: 'videos',
      data: {
        title: 'Phóng sự: nông dân Krông Pắc bán sầu riêng qua sàn',
        externalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        ownerUnit: ids.unit,
        _status: 'published',
      } as never,
      overrideAccess: true,
    })
    for (let i = 0; i < 3; i++) await article(`Krông Pắc số hóa chợ ${i}`)
    const first = await searchPublic(payload, { q: 'krong pac', limit: 3 })
    expect(first.totalDocs).toBe(4)
    expect(first.totalPages).toBe(2)
    const second = await searchPublic(payload, { q: 'krong pac', limit: 3, page: 2 })
    const all = [...first.hits, ...second.hits]
    expect(new Set(all.map((h) => `${h.kind}:${h.doc.id}`)).size).toBe(4)
    expect(all.map((h) => h.kind).sort()).toEqual(['articles', 'articles', 'articles', 'videos'])
    expect((await searchPublic(payload, { q: 'krong pac', kinds: ['videos'] })).totalDocs).toBe(1)
  })

  it('lists filter by unit and year (Vietnam time)', async () => {
    const other = await createUnit(payload, 'Đài Phát thanh và Truyền hình Đắk Lắk', 'radio-tv')
    await payload.create({
      collection: 'articles',
      data: {
        title: 'Tin của Đài',
        ownerUnit: other.id,
        _status: 'published',
        publishedAt: '2025-12-31T17:30:00.000Z',
      } as never,
      overrideAccess: true,
    })
    const byUnit = await listPublic(payload, 'articles', { filters: { unit: String(other.id) } })
    expect(byUnit.docs.map((d) => d.title)).toEqual(['Tin của Đài'])
    // 00:30 on 01/01/2026 in Vietnam is a 2026 item, not 2025.
    expect(
      (await listPublic(payload, 'articles', { filters: { unit: String(other.id), year: 2026 } }))
        .totalDocs,
    ).toBe(1)
    expect(
      (await listPublic(payload, 'articles', { filters: { unit: String(other.id), year: 2025 } }))
        .totalDocs,
    ).toBe(0)
  })
})

describe('repair and links', () => {
  it('refreshPublicFields rewrites both fields from the live version and the publications (MongoDB back-fill)', async () => {
    const id = await article('Tin cần lập lại chỉ mục Buôn Đôn')
    await schedule(id, { scheduledAt: new Date(Date.now() + 3 * DAY).toISOString() })
    const expected = await stored(id)
    expect(expected).not.toBeNull()
    // As a database that held content before the fields existed.
    await payload.db.updateMany({
      collection: 'articles',
      where: { id: { equals: id } },
      data: { searchText: null, webVisibleFrom: null },
    })
    expect((await searchPublic(payload, { q: 'buon don' })).totalDocs).toBe(0)
    const written = await refreshPublicFields(payload)
    expect(written.articles).toBeGreaterThan(0)
    expect(await stored(id)).toBe(expected)
    // Hidden again by its web-page schedule; searchable once that time has come.
    expect((await searchPublic(payload, { q: 'buon don' })).totalDocs).toBe(0)
    const row = await payload.findByID({
      collection: 'articles',
      id,
      depth: 0,
      overrideAccess: true,
    })
    expect(row.searchText).toContain('buon don')
  })

  it('rich-text links are followed only when safe', () => {
    expect(safeHref('https://dichvucong.gov.vn')).toBe('https://dichvucong.gov.vn/')
    expect(safeHref('mailto:stttt@tinh.gov.vn')).toBe('mailto:stttt@tinh.gov.vn')
    expect(safeHref('/articles/tin-moi')).toBe('/articles/tin-moi')
    expect(safeHref('javascript:alert(1)')).toBeNull()
    expect(safeHref(' JavaScript:alert(1)')).toBeNull()
    expect(safeHref('data:text/html,<script>alert(1)</script>')).toBeNull()
    expect(safeHref('//evil.example/x')).toBeNull()
    expect(safeHref(undefined)).toBeNull()
  })
})
