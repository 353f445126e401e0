/**
 * Commissions ("đặt bài") through the Local API, acting as each role: who commissions (Sở TT&TT, a
 * unit manager for their own subtree only), each state and move (assigned → accepted → fulfilled,
 * cancelled by the commissioning side), who makes each move, the content that fulfils it, overdue
 * as derived from the due date (the list's filter and the events), and who reads what. Every
 * refusal leaves the stored commission as it was.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { commissionSavedEvents, overdueCommissionEvents } from '@/commissions/events'
import { isOverdue, overdueWhere } from '@/commissions/overdue'
import type { Commission } from '@/payload-types'
import { attempt, expectForbidden, loose, type Doc, type LooseApi } from '../helpers/accessMatrix'
import { createUnit, createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

let payload: Payload
let api: LooseApi
const f: Record<string, string> = {}
const u: Record<string, Doc> = {}
const DAY = 86_400_000
const ahead = (days: number) => new Date(Date.now() + days * DAY).toISOString()

beforeAll(async () => {
  payload = await testPayload()
  api = loose(payload)
  f.so = String((await createUnit(payload, 'Sở Thông tin và Truyền thông', 'dic')).id)
  f.bao = String((await createUnit(payload, 'Báo Tây Ninh', 'newspaper')).id)
  f.dai = String((await createUnit(payload, 'Đài PT-TH Tây Ninh', 'radio-tv')).id)
  f.district = String((await createUnit(payload, 'UBND huyện Một', 'district')).id)
  f.commune = String(
    (
      await payload.create({
        collection: 'units',
        overrideAccess: true,
        data: { name: 'UBND xã Một', kind: 'commune', parent: f.district } as never,
      })
    ).id,
  )
  u.admin = (await createUser(payload, 'admin', f.so)) as unknown as Doc
  u.manager = (await createUser(payload, 'campaign-manager', f.so)) as unknown as Doc
  u.baoEditor = (await createUser(payload, 'editor', f.bao)) as unknown as Doc
  u.baoWriter = (await createUser(payload, 'contributor', f.bao)) as unknown as Doc
  u.baoWriter2 = (await createUser(payload, 'contributor', f.bao)) as unknown as Doc
  u.daiEditor = (await createUser(payload, 'editor', f.dai)) as unknown as Doc
  u.viewer = (await createUser(payload, 'viewer', f.so)) as unknown as Doc
  u.districtManager = (await createUser(payload, 'unit-manager', f.district)) as unknown as Doc
  u.communeEditor = (await createUser(payload, 'editor', f.commune)) as unknown as Doc
  f.campaign = String(
    (
      await api.create({
        collection: 'campaigns',
        overrideAccess: true,
        data: {
          name: 'Tháng cao điểm chuyển đổi số',
          startsOn: '2026-01-01T00:00:00+07:00',
          endsOn: '2026-12-31T00:00:00+07:00',
          leadUnit: f.so,
        },
      })
    ).id,
  )
})

const as = (user: Doc) => ({ user, overrideAccess: false })
const brief = (more: Record<string, unknown> = {}) => ({
  title: 'Phóng sự: dịch vụ công trực tuyến ở xã',
  brief: 'Khoảng 1.200 chữ, 3 ảnh; phỏng vấn cán bộ một cửa.',
  kind: 'articles',
  campaign: f.campaign,
  assigneeUnit: f.bao,
  dueAt: ahead(7),
  ...more,
})
const commission = (more: Record<string, unknown> = {}, by: Doc = u.manager) =>
  api.create({
    collection: 'commissions',
    data: brief(more),
    depth: 0,
    ...as(by),
  }) as Promise<Commission>
const stored = (id: string) =>
  api.findByID({
    collection: 'commissions',
    id,
    depth: 0,
    overrideAccess: true,
  }) as Promise<Commission>
const update = (id: string, data: Record<string, unknown>, by: Doc) =>
  attempt(() => api.update({ collection: 'commissions', id, data, ...as(by) }))
const refusal = (r: Awaited<ReturnType<typeof update>>) =>
  r.ok ? '' : String((r.error as Error).message)
const article = async (unit: string, title = 'Một cửa ở xã Một') =>
  String(
    (
      await api.create({
        collection: 'articles',
        overrideAccess: true,
        data: { title, ownerUnit: unit, _status: 'draft' },
      })
    ).id,
  )

describe('commissioning', () => {
  it('a campaign manager commissions a unit: assigned, stamped with who and which unit', async () => {
    const c = await commission({ status: 'fulfilled', commissionedBy: u.viewer.id })
    expect(c.status).toBe('assigned')
    expect(String(c.commissionedBy)).toBe(String(u.manager.id))
    expect(String(c.commissioningUnit)).toBe(f.so)
    expect(c.overdue).toBe(false)
  })

  it('a person assigned makes the unit theirs; a person of another unit is refused', async () => {
    const c = await commission({ assigneeUnit: undefined, assigneeUser: u.baoWriter.id })
    expect(String(c.assigneeUnit)).toBe(f.bao)
    const wrong = await attempt(() =>
      commission({ assigneeUnit: f.dai, assigneeUser: u.baoWriter.id }),
    )
    expect(wrong.ok).toBe(false)
    expect(String((wrong as { error: Error }).error.message)).toBe(
      'Người thực hiện không thuộc đơn vị được giao.',
    )
  })

  it('refuses a due date in the past and a missing assignee, in Vietnamese, storing nothing', async () => {
    const before = (await api.count({ collection: 'commissions', overrideAccess: true })).totalDocs
    const past = await attempt(() => commission({ dueAt: ahead(-1) }))
    expect(String((past as { error: Error }).error.message)).toMatch(/^Hạn nộp .* đã qua\./)
    const none = await attempt(() => commission({ assigneeUnit: undefined }))
    expect(String((none as { error: Error }).error.message)).toBe(
      'Cần chọn đơn vị hoặc người thực hiện.',
    )
    expect((await api.count({ collection: 'commissions', overrideAccess: true })).totalDocs).toBe(
      before,
    )
  })

  it('editors, contributors and viewers cannot commission', async () => {
    for (const who of [u.baoEditor, u.baoWriter, u.viewer])
      expectForbidden(await attempt(() => commission({}, who)))
  })

  it('a unit manager commissions the units below their own, not another unit', async () => {
    const c = await commission({ assigneeUnit: f.commune }, u.districtManager)
    expect(String(c.commissioningUnit)).toBe(f.district)
    const other = await attempt(() => commission({ assigneeUnit: f.bao }, u.districtManager))
    expect(String((other as { error: Error }).error.message)).toBe(
      'Lãnh đạo đơn vị chỉ được đặt bài cho đơn vị mình và các đơn vị trực thuộc.',
    )
    // The manager cancels what they gave; the commune's editor accepts it.
    const accepted = await update(String(c.id), { status: 'accepted' }, u.communeEditor)
    expect(refusal(accepted)).toBe('')
    expect(refusal(await update(String(c.id), { status: 'cancelled' }, u.districtManager))).toBe('')
    expect((await stored(String(c.id))).status).toBe('cancelled')
  })
})

describe('states and who moves them', () => {
  it('assigned → accepted by the assignee unit (stamped), not by another unit or the viewer', async () => {
    const c = await commission()
    const id = String(c.id)
    expectForbidden(await update(id, { status: 'accepted' }, u.daiEditor))
    expectForbidden(await update(id, { status: 'accepted' }, u.viewer))
    expect((await stored(id)).status).toBe('assigned')
    expect(refusal(await update(id, { status: 'accepted' }, u.baoWriter))).toBe('')
    const after = await stored(id)
    expect(after.status).toBe('accepted')
    expect(String(after.acceptedBy)).toBe(String(u.baoWriter.id))
    expect(after.acceptedAt).toBeTruthy()
  })

  it('one person assigned: another contributor of the unit cannot accept it, the unit editor can', async () => {
    const c = await commission({ assigneeUser: u.baoWriter.id })
    const id = String(c.id)
    const other = await update(id, { status: 'accepted' }, u.baoWriter2)
    expect(refusal(other)).toBe('Chỉ đơn vị hoặc người được giao mới nhận được bài đặt này.')
    expect(refusal(await update(id, { status: 'accepted' }, u.baoEditor))).toBe('')
  })

  it('the assignee cannot rewrite the brief, the due date or the assignee, nor cancel', async () => {
    const c = await commission()
    const id = String(c.id)
    for (const change of [{ brief: 'Ngắn hơn' }, { dueAt: ahead(30) }, { assigneeUnit: f.dai }])
      expect(refusal(await update(id, change, u.baoEditor))).toMatch(
        /^Đơn vị được giao chỉ được nhận bài và gắn nội dung hoàn thành/,
      )
    expect(refusal(await update(id, { status: 'cancelled' }, u.baoEditor))).toBe(
      'Chỉ bên đặt bài mới hủy được bài đặt này.',
    )
    const after = await stored(id)
    expect([after.brief, after.status, String(after.assigneeUnit)]).toEqual([
      c.brief,
      'assigned',
      f.bao,
    ])
  })

  it('fulfilled needs linked content of the kind, from the assignee unit; then it is final', async () => {
    const c = await commission()
    const id = String(c.id)
    // Not before accepting.
    expect(refusal(await update(id, { status: 'fulfilled' }, u.baoEditor))).toBe(
      'Không thể chuyển đặt bài từ "Đã giao" sang "Đã hoàn thành".',
    )
    await update(id, { status: 'accepted' }, u.baoEditor)
    expect(refusal(await update(id, { status: 'fulfilled' }, u.baoEditor))).toBe(
      'Cần gắn nội dung hoàn thành bài đặt trước khi báo hoàn thành.',
    )
    const daiArticle = await article(f.dai)
    expect(
      refusal(
        await update(
          id,
          { fulfilledBy: { relationTo: 'articles', value: daiArticle } },
          u.baoEditor,
        ),
      ),
    ).toBe('Nội dung gắn vào phải thuộc đơn vị được giao.')
    const event = String(
      (
        await api.create({
          collection: 'events',
          overrideAccess: true,
          data: {
            title: 'Tọa đàm một cửa',
            ownerUnit: f.bao,
            startsAt: ahead(3),
            endsAt: ahead(4),
            _status: 'draft',
          },
        })
      ).id,
    )
    expect(
      refusal(
        await update(id, { fulfilledBy: { relationTo: 'events', value: event } }, u.baoEditor),
      ),
    ).toBe('Bài đặt là "Tin, bài", nội dung gắn vào phải cùng loại.')
    expect((await stored(id)).fulfilledBy ?? null).toBeNull()

    const own = await article(f.bao)
    const done = await update(
      id,
      { status: 'fulfilled', fulfilledBy: { relationTo: 'articles', value: own } },
      u.baoWriter,
    )
    expect(refusal(done)).toBe('')
    const after = await stored(id)
    expect(after.status).toBe('fulfilled')
    expect(after.fulfilledAt).toBeTruthy()
    expect(refusal(await update(id, { status: 'cancelled' }, u.manager))).toBe(
      'Không thể chuyển đặt bài từ "Đã hoàn thành" sang "Đã hủy".',
    )
    expect(refusal(await update(id, { brief: 'Sửa sau khi xong' }, u.manager))).toBe(
      'Bài đặt đã "Đã hoàn thành", không sửa được nữa.',
    )
  })

  it('the commissioning side cancels an open commission; cancelled is final', async () => {
    const c = await commission()
    const id = String(c.id)
    expect(refusal(await update(id, { status: 'cancelled' }, u.manager))).toBe('')
    expect((await stored(id)).cancelledAt).toBeTruthy()
    expect(refusal(await update(id, { status: 'accepted' }, u.baoEditor))).toBe(
      'Không thể chuyển đặt bài từ "Đã hủy" sang "Đã nhận".',
    )
  })

  it('only an admin deletes one', async () => {
    const c = await commission()
    expectForbidden(
      await attempt(() => api.delete({ collection: 'commissions', id: c.id, ...as(u.manager) })),
    )
    expect(
      (await attempt(() => api.delete({ collection: 'commissions', id: c.id, ...as(u.admin) }))).ok,
    ).toBe(true)
  })
})

describe('reading', () => {
  it('the assignee unit and the commissioning side read it; another unit does not', async () => {
    const c = await commission({ title: 'Chỉ Báo và Sở thấy' })
    const seen = async (who: Doc) =>
      (
        await api.find({
          collection: 'commissions',
          where: { id: { equals: c.id } },
          ...as(who),
        })
      ).docs.length
    expect(await seen(u.baoWriter)).toBe(1)
    expect(await seen(u.baoEditor)).toBe(1)
    expect(await seen(u.manager)).toBe(1)
    expect(await seen(u.viewer)).toBe(1)
    expect(await seen(u.daiEditor)).toBe(0)
    expect(await seen(u.communeEditor)).toBe(0)
    expect(await seen(u.districtManager)).toBe(0)
  })
})

describe('overdue', () => {
  it('is derived from the due date while open, filterable, and gives one event per commission and date', async () => {
    const now = new Date()
    // Due dates in the past cannot be typed: written as time has left them.
    const late = await commission({ title: 'Quá hạn một ngày' })
    const lateAccepted = await commission({ title: 'Đã nhận, quá hạn' })
    await update(String(lateAccepted.id), { status: 'accepted' }, u.baoEditor)
    const lateCancelled = await commission({ title: 'Đã hủy, quá hạn' })
    await update(String(lateCancelled.id), { status: 'cancelled' }, u.manager)
    const onTime = await commission({ title: 'Còn hạn' })
    for (const c of [late, lateAccepted, lateCancelled])
      await payload.db.updateOne({
        collection: 'commissions',
        where: { id: { equals: c.id } },
        data: { dueAt: new Date(now.getTime() - DAY).toISOString() },
      } as never)

    const overdueIds = (
      await api.find({
        collection: 'commissions',
        where: overdueWhere(now),
        overrideAccess: true,
        limit: 100,
      })
    ).docs.map((d: Doc) => String(d.id))
    expect(overdueIds).toContain(String(late.id))
    expect(overdueIds).toContain(String(lateAccepted.id))
    expect(overdueIds).not.toContain(String(lateCancelled.id))
    expect(overdueIds).not.toContain(String(onTime.id))
    expect((await stored(String(late.id))).overdue).toBe(true)
    expect((await stored(String(lateCancelled.id))).overdue).toBe(false)
    expect(
      isOverdue({ status: 'accepted', dueAt: new Date(now.getTime() - 1).toISOString() }, now),
    ).toBe(true)

    const events = await overdueCommissionEvents(payload, now)
    const mine = events.filter((e) =>
      [late.id, lateAccepted.id]
        .map(String)
        .includes(e.type === 'commission-overdue' ? e.commission : ''),
    )
    expect(mine).toHaveLength(2)
    expect(new Set(mine.map((e) => e.key)).size).toBe(2)
    // The same computation later names the same events (the sender sends each key once).
    const again = await overdueCommissionEvents(payload, now)
    expect(again.map((e) => e.key)).toEqual(events.map((e) => e.key))
  })

  it('"assigned" is an event on creation and on reassignment, not on acceptance', async () => {
    const c = await commission({ assigneeUser: u.baoWriter.id })
    const created = commissionSavedEvents(c, undefined, 'create')
    expect(created).toEqual([
      {
        type: 'commission-assigned',
        key: `commission-assigned:${c.id}:${u.baoWriter.id}`,
        commission: String(c.id),
        title: c.title,
        to: { user: String(u.baoWriter.id), unit: f.bao },
      },
    ])
    const accepted = { ...c, status: 'accepted' } as Commission
    expect(commissionSavedEvents(accepted, c, 'update')).toEqual([])
    const moved = { ...c, assigneeUser: null, assigneeUnit: f.dai } as Commission
    expect(commissionSavedEvents(moved, c, 'update').map((e) => e.key)).toEqual([
      `commission-assigned:${c.id}:${f.dai}`,
    ])
  })
})
