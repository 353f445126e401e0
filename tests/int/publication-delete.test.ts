/**
 * Deleting a publication: one with engagement observations is history (its reach is in the yearly
 * totals), so its deletion is refused with a Vietnamese 400 and nothing changes; one without is
 * deleted as before.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  attempt,
  expectForbidden,
  expectSuccess,
  loose,
  type LooseApi,
} from '../helpers/accessMatrix'
import { createUnit, createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'
import { publication } from '../helpers/rollup'

let payload: Payload
let api: LooseApi
let editor: Awaited<ReturnType<typeof createUser>>
const ids: Record<string, string> = {}

const REFUSAL = 'Không thể xoá lịch đăng đã có số liệu tương tác (2 lần ghi nhận).'

const exists = async (collection: string, id: string) =>
  (await api.count({ collection, where: { id: { equals: id } }, overrideAccess: true }))
    .totalDocs === 1

/** A publication of the unit's article on its channel, as the dispatcher writes it. */
const pub = (rest: Record<string, unknown>) =>
  publication(payload, {
    content: { relationTo: 'articles', value: ids.article },
    channel: ids.channel,
    channelKind: 'feed',
    ownerUnit: ids.unit,
    ...rest,
  })

beforeAll(async () => {
  payload = await testPayload()
  api = loose(payload)
  const unit = await createUnit(payload, 'Báo Đồng Khởi')
  ids.unit = String(unit.id)
  editor = await createUser(payload, 'editor', unit.id)
  ids.channel = String(
    (
      await api.create({
        collection: 'channels',
        data: { name: 'Trang Facebook Báo Đồng Khởi', kind: 'feed', ownerUnit: unit.id },
        overrideAccess: true,
      })
    ).id,
  )
  ids.article = String(
    (
      await api.create({
        collection: 'articles',
        data: { title: 'Chuyển đổi số ở xã', ownerUnit: unit.id, _status: 'published' },
        overrideAccess: true,
      })
    ).id,
  )
})

describe('deleting a publication', () => {
  it('refuses one with engagement observations, with a Vietnamese 400, and keeps it and its figures', async () => {
    const id = await pub({
      status: 'published',
      scheduledAt: '2026-05-01T02:00:00.000Z',
      publishedAt: '2026-05-01T02:00:00.000Z',
    })
    const observations: string[] = []
    for (const [observedAt, views] of [
      ['2026-05-02T02:00:00.000Z', 1200],
      ['2026-05-09T02:00:00.000Z', 2500],
    ] as const) {
      const doc = await api.create({
        collection: 'engagement-observations',
        data: { publication: id, observedAt, views },
        user: editor,
        overrideAccess: false,
      })
      observations.push(String(doc.id))
    }
    const refused = (result: Awaited<ReturnType<typeof attempt>>, advice: string) => {
      expect(result.ok, 'expected the deletion to be refused').toBe(false)
      const err = (result as { error: { status?: number; message?: string } }).error
      expect(err.status, err.message).toBe(400)
      expect(err.message).toBe(`${REFUSAL} ${advice}`)
    }

    // Published: people may not delete it at all (access); the system's own delete is refused too.
    expectForbidden(
      await attempt(() =>
        api.delete({ collection: 'publications', id, user: editor, overrideAccess: false }),
      ),
    )
    refused(
      await attempt(() => api.delete({ collection: 'publications', id, overrideAccess: true })),
      'Hãy huỷ lịch đăng thay vì xoá.',
    )

    // Once cancelled, access lets the editor delete it; its figures still stop the deletion.
    await api.update({
      collection: 'publications',
      id,
      data: { status: 'cancelled' },
      user: editor,
      overrideAccess: false,
    })
    refused(
      await attempt(() =>
        api.delete({ collection: 'publications', id, user: editor, overrideAccess: false }),
      ),
      'Lịch đăng đã huỷ được giữ lại làm lịch sử.',
    )

    expect(await exists('publications', id)).toBe(true)
    for (const o of observations) expect(await exists('engagement-observations', o)).toBe(true)
    const stored = await api.findByID({ collection: 'publications', id, overrideAccess: true })
    expect(stored.status).toBe('cancelled')
  })

  it('deletes one without observations as before', async () => {
    const id = await pub({ status: 'scheduled', scheduledAt: '2030-01-01T02:00:00.000Z' })
    expectSuccess(
      await attempt(() =>
        api.delete({ collection: 'publications', id, user: editor, overrideAccess: false }),
      ),
    )
    expect(await exists('publications', id)).toBe(false)
  })
})
