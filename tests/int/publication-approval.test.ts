/**
 * Sở TT&TT's decision on publications waiting for approval, as the admin's "Duyệt" and "Trả lại"
 * buttons send it (src/admin/publications/decision.ts): one at a time and in bulk (Payload's
 * update by `where`, what the list's bulk buttons call), a return needing a reason the unit reads,
 * and an approval clearing it.
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
let manager: User
let editor: User
let channelOfB: string
let articleA: string

const waiting = async () =>
  (await payload.create({
    collection: 'publications',
    user: editor,
    overrideAccess: false,
    data: {
      channel: channelOfB,
      content: { relationTo: 'articles', value: articleA },
      scheduledAt: new Date(Date.now() + 48 * 3600_000).toISOString(),
    } as never,
  })) as Publication

const stored = (id: string) =>
  payload.findByID({ collection: 'publications', id, depth: 0, overrideAccess: true })

beforeAll(async () => {
  payload = await testPayload()
  const unitA = String((await createUnit(payload)).id)
  const unitB = String((await createUnit(payload)).id)
  manager = (await createUser(payload, Role.CampaignManager)) as User
  editor = (await createUser(payload, Role.Editor, unitA)) as User
  channelOfB = String(
    (
      await payload.create({
        collection: 'channels',
        data: { name: 'Kênh của đơn vị B', kind: 'feed', ownerUnit: unitB } as never,
        overrideAccess: true,
      })
    ).id,
  )
  articleA = String(
    (
      await payload.create({
        collection: 'articles',
        data: { title: 'Tin của A', ownerUnit: unitA, _status: 'published' } as never,
        overrideAccess: true,
      })
    ).id,
  )
})

describe('approving and returning publications', () => {
  it("an editor's publication on another unit's channel waits for approval", async () => {
    expect((await waiting()).status).toBe(PublicationStatus.AwaitingApproval)
  })

  it('a return without a reason is refused in Vietnamese and changes nothing', async () => {
    const p = await waiting()
    await expect(
      payload.update({
        collection: 'publications',
        id: p.id,
        user: manager,
        overrideAccess: false,
        data: returnWith('   ') as never,
      }),
    ).rejects.toThrow('Hãy ghi lý do trả lại lịch đăng.')
    expect((await stored(p.id)).status).toBe(PublicationStatus.AwaitingApproval)
  })

  it('a return goes back to the unit as a draft with its reason; approving later clears it', async () => {
    const p = await waiting()
    const back = await payload.update({
      collection: 'publications',
      id: p.id,
      user: manager,
      overrideAccess: false,
      data: returnWith('Ảnh minh hoạ chưa có bản quyền.') as never,
    })
    expect(back.status).toBe(PublicationStatus.Draft)
    expect(back.approval?.returnReason).toBe('Ảnh minh hoạ chưa có bản quyền.')
    // The unit fixes it and asks again; Sở TT&TT approves: the old reason goes.
    await payload.update({
      collection: 'publications',
      id: p.id,
      user: editor,
      overrideAccess: false,
      data: { status: PublicationStatus.AwaitingApproval } as never,
    })
    const approved = await payload.update({
      collection: 'publications',
      id: p.id,
      user: manager,
      overrideAccess: false,
      data: APPROVE as never,
    })
    expect(approved.status).toBe(PublicationStatus.Scheduled)
    expect(approved.approval?.returnReason ?? null).toBeNull()
    expect(relationId(approved.approval?.approvedBy)).toBe(String(manager.id))
  })

  it('an editor cannot approve their own request', async () => {
    const p = await waiting()
    await expect(
      payload.update({
        collection: 'publications',
        id: p.id,
        user: editor,
        overrideAccess: false,
        data: APPROVE as never,
      }),
    ).rejects.toThrow(/duyệt/)
    expect((await stored(p.id)).status).toBe(PublicationStatus.AwaitingApproval)
  })

  it('in bulk: the selected waiting publications are approved in one call, others untouched', async () => {
    const [a, b, c] = [await waiting(), await waiting(), await waiting()]
    const result = await payload.update({
      collection: 'publications',
      where: {
        and: [
          { id: { in: [a.id, b.id] } },
          { status: { equals: PublicationStatus.AwaitingApproval } },
        ],
      },
      user: manager,
      overrideAccess: false,
      data: APPROVE as never,
    })
    expect(result.errors).toEqual([])
    expect(result.docs.map((d) => d.status)).toEqual([
      PublicationStatus.Scheduled,
      PublicationStatus.Scheduled,
    ])
    expect((await stored(c.id)).status).toBe(PublicationStatus.AwaitingApproval)
  })
})
