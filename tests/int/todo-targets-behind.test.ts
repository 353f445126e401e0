/**
 * "Việc cần làm" for Sở TT&TT: this year's plan targets falling behind, from the rollup built over
 * real rows, judged on 02/07/2025 at 12:00 in Vietnam: 182.5 of 365 days, exactly half the year.
 *
 * Campaign C1 (2025 targets): items published 5, articles published 2, broadcasts aired on the
 *   loudspeaker L 2. Campaign C2: items published 1. A C1 target of 2026 (not this year).
 *   A1, A2 articles [C1] published in March; V1 a video [C1] still a draft (no item published)
 *   whose publication on L [C1] aired in May.
 * By hand: C1 items 2/5 = 40 % < 50 % → behind; C1 articles 2/2 → reached; C1 broadcasts on L
 *   1/2 = 50 % = the share elapsed → on track (not behind); C2 items 0/1 = 0 % → behind.
 *   So two items, C1's first, each linking to the reports page of its campaign and year.
 */
import type { Payload, TypedUser } from 'payload'
import { parse } from 'qs-esm'
import { beforeAll, describe, expect, it } from 'vitest'
import { managerTargets } from '@/admin/dashboard/providers'
import { loadTodo } from '@/admin/dashboard/todo'
import { shareOfYearElapsed } from '@/reporting/dashboard'
import { rebuildYear } from '@/reporting/engine'
import { createUnit, createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'
import { content, publication } from '../helpers/rollup'

let payload: Payload
const id: Record<string, string> = {}
const users: Record<string, TypedUser> = {}
const NOW = new Date('2025-07-02T12:00:00+07:00')

beforeAll(async () => {
  payload = await testPayload()
  id.U1 = String((await createUnit(payload, 'Báo Tây Ninh')).id)
  id.U2 = String((await createUnit(payload, 'Đài PT-TH Tây Ninh', 'radio-tv')).id)
  id.L = String(
    (
      await payload.create({
        collection: 'channels',
        data: { name: 'Loa xã Tân Bình', kind: 'loudspeaker', ownerUnit: id.U2 } as never,
        overrideAccess: true,
      })
    ).id,
  )
  const campaign = async (name: string, kpiTargets: Record<string, unknown>[]) =>
    String(
      (
        await payload.create({
          collection: 'campaigns',
          data: {
            name,
            leadUnit: id.U1,
            startsOn: '2025-01-01T00:00:00+07:00',
            endsOn: '2026-12-31T00:00:00+07:00',
            kpiTargets,
          } as never,
          overrideAccess: true,
        })
      ).id,
    )
  id.C1 = await campaign('Chiến dịch CĐS 2025', [
    { metric: 'items-published', year: 2025, target: 5 },
    { metric: 'items-published', contentType: 'articles', year: 2025, target: 2 },
    { metric: 'broadcasts-aired', channel: id.L, year: 2025, target: 2 },
    { metric: 'items-published', year: 2026, target: 100 },
  ])
  id.C2 = await campaign('Tháng chuyển đổi số', [
    { metric: 'items-published', year: 2025, target: 1 },
  ])
  for (const [title, day] of [
    ['Bài A1', '10'],
    ['Bài A2', '20'],
  ])
    await content(
      payload,
      'articles',
      {
        title,
        ownerUnit: id.U1,
        campaigns: [id.C1],
        _status: 'published',
        publishedAt: `2025-03-${day}T03:00:00.000Z`,
      },
      '2025-03-01T03:00:00.000Z',
    )
  id.V1 = await content(
    payload,
    'videos',
    {
      title: 'Video V1',
      externalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      ownerUnit: id.U2,
      campaigns: [id.C1],
      _status: 'draft',
    },
    '2025-05-01T03:00:00.000Z',
  )
  await publication(payload, {
    content: { relationTo: 'videos', value: id.V1 },
    channel: id.L,
    channelKind: 'loudspeaker',
    ownerUnit: id.U2,
    campaign: id.C1,
    status: 'published',
    scheduledAt: '2025-05-06T01:00:00.000Z',
    publishedAt: '2025-05-06T01:00:00.000Z',
    airing: { status: 'aired', actualDurationSeconds: 120 },
  })
  await rebuildYear(payload, 2025)
  for (const [key, role, unit] of [
    ['manager', 'campaign-manager', null],
    ['admin', 'admin', null],
    ['editor', 'editor', id.U1],
    ['viewer', 'viewer', null],
  ] as const) {
    const u = await createUser(payload, role, unit)
    users[key] = {
      ...(await payload.findByID({
        collection: 'users',
        id: u.id,
        depth: 0,
        overrideAccess: true,
      })),
      collection: 'users',
    } as TypedUser
  }
}, 120_000)

const todo = (who: string) =>
  loadTodo({ payload, user: users[who], now: NOW, adminRoute: '/admin' }, [managerTargets])

describe('targets behind on Sở TT&TT’s dashboard', () => {
  it('judges on exactly half of 2025 elapsed', () => {
    expect(shareOfYearElapsed(2025, NOW)).toBe(0.5)
  })

  it('lists the two targets behind, with their figures, each linking to its campaign’s KPI table', async () => {
    const items = await todo('manager')
    expect(items.map((i) => [i.label, i.detail])).toEqual([
      [
        'Chỉ tiêu chậm tiến độ: Số tin, bài, sản phẩm đã đăng – Chiến dịch CĐS 2025',
        'đạt 2/5 (40%), đã qua 50% thời gian năm 2025',
      ],
      [
        'Chỉ tiêu chậm tiến độ: Số tin, bài, sản phẩm đã đăng – Tháng chuyển đổi số',
        'đạt 0/1 (0%), đã qua 50% thời gian năm 2025',
      ],
    ])
    const [c1, c2] = items
    for (const [item, campaign] of [
      [c1, id.C1],
      [c2, id.C2],
    ] as const) {
      const [path, query] = item.href.split('?')
      expect(path).toBe('/admin/reports')
      const [search, hash] = query.split('#')
      expect(parse(search)).toEqual({ year: '2025', campaign })
      expect(hash).toBe('report-kpi')
      expect(item.count).toBeNull()
      expect(item.tone).toBe('warning')
    }
    expect((await todo('admin')).length).toBe(2)
  })

  it('shows nothing to editors and viewers (the province’s targets are Sở TT&TT’s)', async () => {
    expect(await todo('editor')).toEqual([])
    expect(await todo('viewer')).toEqual([])
  })

  it('shows nothing once the figures catch up: on 02/07/2025 two more C1 articles make 4/5', async () => {
    for (const title of ['Bài A3', 'Bài A4'])
      await content(
        payload,
        'articles',
        {
          title,
          ownerUnit: id.U1,
          campaigns: [id.C1, id.C2],
          _status: 'published',
          publishedAt: '2025-06-15T03:00:00.000Z',
        },
        '2025-06-01T03:00:00.000Z',
      )
    await rebuildYear(payload, 2025)
    // C1: 4/5 = 80 % ≥ 50 %; C2: 2/1 reached.
    expect(await todo('manager')).toEqual([])
  })
})
