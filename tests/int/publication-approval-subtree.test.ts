/**
 * A unit manager decides on publications of the units below theirs onto their own subtree's
 * channels, and on nothing else. Tree: P ─┬─ D1 (the manager's unit) ── C1
 *                                         └─ D2 ── C2
 * Channels of D1 and of P (the province's), none open to all units. Each decision goes through the
 * Local API as the manager with access enforced, as the admin's buttons send it
 * (src/admin/publications/decision.ts), and is read back with overrideAccess.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { APPROVE, returnWith } from '@/admin/publications/decision'
import { relationId } from '@/lib/relation'
import type { Publication, User } from '@/payload-types'
import { PublicationStatus, Role } from '@/vocabulary'
import { createUnit, createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

let payload: Payload
const unit: Record<string, string> = {}
const channel: Record<string, string> = {}
const article: Record<string, string> = {}
const editor: Record<string, User> = {}
let manager: User

const ask = async (from: 'C1' | 'C2' | 'D1', onto: 'D1' | 'P') =>
  (await payload.create({
    collection: 'publications',
    user: editor[from],
    overrideAccess: false,
    data: {
      channel: channel[onto],
      content: { relationTo: 'articles', value: article[from] },
      scheduledAt: new Date(Date.now() + 48 * 3600_000).toISOString(),
    } as never,
  })) as Publication

const asManager = (id: string, data: Record<string, unknown>) =>
  payload.update({
    collection: 'publications',
    id,
    data: data as never,
    user: manager,
    overrideAccess: false,
  })

const stored = (id: string) =>
  payload.findByID({ collection: 'publications', id, depth: 0, overrideAccess: true })

beforeAll(async () => {
  payload = await testPayload()
  unit.P = String((await createUnit(payload, 'UBND tỉnh', 'province')).id)
  const child = async (key: string, name: string, kind: string, parent: string) => {
    unit[key] = String(
      (
        await payload.create({
          collection: 'units',
          overrideAccess: true,
          data: { name, kind, parent: unit[parent] } as never,
        })
      ).id,
    )
  }
  await child('D1', 'UBND huyện Một', 'district', 'P')
  await child('D2', 'UBND huyện Hai', 'district', 'P')
  await child('C1', 'UBND xã Một', 'commune', 'D1')
  await child('C2', 'UBND xã Hai', 'commune', 'D2')
  manager = (await createUser(payload, Role.UnitManager, unit.D1)) as User
  for (const key of ['C1', 'C2', 'D1']) {
    editor[key] = (await createUser(payload, Role.Editor, unit[key])) as User
    article[key] = String(
      (
        await payload.create({
          collection: 'articles',
          data: { title: `Tin của ${key}`, ownerUnit: unit[key], _status: 'published' } as never,
          overrideAccess: true,
        })
      ).id,
    )
  }
  for (const key of ['D1', 'P'])
    channel[key] = String(
      (
        await payload.create({
          collection: 'channels',
          data: { name: `Trang của ${key}`, kind: 'feed', ownerUnit: unit[key] } as never,
          overrideAccess: true,
        })
      ).id,
    )
})

describe('a unit manager deciding on publications', () => {
  it("approves a commune's publication onto the district's own channel, recorded as theirs", async () => {
    const p = await ask('C1', 'D1')
    expect(p.status).toBe(PublicationStatus.AwaitingApproval)
    await asManager(p.id, APPROVE)
    const after = await stored(p.id)
    expect(after.status).toBe(PublicationStatus.Scheduled)
    expect(relationId(after.approval?.approvedBy)).toBe(String(manager.id))
    expect(after.approval?.approvedAt).toBeTruthy()
  })

  it('returns one with a reason the commune reads; a return without a reason is refused', async () => {
    const p = await ask('C1', 'D1')
    await expect(asManager(p.id, returnWith('  '))).rejects.toThrow(/lý do/)
    expect((await stored(p.id)).status).toBe(PublicationStatus.AwaitingApproval)
    await asManager(p.id, returnWith('Ảnh chưa có chú thích.'))
    const after = await stored(p.id)
    expect(after.status).toBe(PublicationStatus.Draft)
    expect(after.approval?.returnReason).toBe('Ảnh chưa có chú thích.')
  })

  it('changes nothing but the decision: a new time sent with the approval is not kept', async () => {
    const p = await ask('C1', 'D1')
    const later = new Date(Date.now() + 96 * 3600_000).toISOString()
    await asManager(p.id, { ...APPROVE, scheduledAt: later, message: 'Sửa lời dẫn' })
    const after = await stored(p.id)
    expect(after.status).toBe(PublicationStatus.Scheduled)
    expect(new Date(after.scheduledAt).getTime()).toBe(new Date(p.scheduledAt).getTime())
    expect(after.message ?? '').toBe(p.message ?? '')
  })

  it("cannot approve onto the province's channel: that stays with Sở TT&TT", async () => {
    const p = await ask('C1', 'P')
    await expect(asManager(p.id, APPROVE)).rejects.toThrow(/Quản lý đơn vị chỉ được duyệt/)
    expect((await stored(p.id)).status).toBe(PublicationStatus.AwaitingApproval)
  })

  it("cannot reach a sibling district's commune, even onto the manager's own channel", async () => {
    const p = await ask('C2', 'D1')
    await expect(asManager(p.id, APPROVE)).rejects.toThrow()
    expect((await stored(p.id)).status).toBe(PublicationStatus.AwaitingApproval)
  })

  it("cannot decide on the own unit's publications (the parent decides those)", async () => {
    const p = await ask('D1', 'P')
    await expect(asManager(p.id, APPROVE)).rejects.toThrow()
    expect((await stored(p.id)).status).toBe(PublicationStatus.AwaitingApproval)
  })

  it('cannot change a publication once it is scheduled, nor create one', async () => {
    const p = await ask('C1', 'D1')
    await asManager(p.id, APPROVE)
    await expect(asManager(p.id, { status: PublicationStatus.Draft })).rejects.toThrow()
    expect((await stored(p.id)).status).toBe(PublicationStatus.Scheduled)
    await expect(
      payload.create({
        collection: 'publications',
        user: manager,
        overrideAccess: false,
        data: {
          channel: channel.D1,
          content: { relationTo: 'articles', value: article.C1 },
          scheduledAt: new Date(Date.now() + 48 * 3600_000).toISOString(),
        } as never,
      }),
    ).rejects.toThrow()
  })

  it('in bulk, approves only what is theirs among everything waiting', async () => {
    const mine = await ask('C1', 'D1')
    const province = await ask('C1', 'P')
    const sibling = await ask('C2', 'D1')
    const result = await payload.update({
      collection: 'publications',
      where: { status: { equals: PublicationStatus.AwaitingApproval } },
      data: APPROVE as never,
      user: manager,
      overrideAccess: false,
    })
    expect(result.docs.map((d) => String(d.id))).toContain(String(mine.id))
    expect((await stored(mine.id)).status).toBe(PublicationStatus.Scheduled)
    expect((await stored(province.id)).status).toBe(PublicationStatus.AwaitingApproval)
    expect((await stored(sibling.id)).status).toBe(PublicationStatus.AwaitingApproval)
  })
})
