/**
 * "Việc cần làm" on the dashboard, per role, read with each user's own access on this file's
 * database: Sở TT&TT's approvals, failed publications, channels needing attention, reports handed in
 * and units overdue; an editor's drafts, returned and coming publications, and the unit's report
 * with its deadline. Each item links where it is done. Dates are relative to the real today.
 */
import type { Payload } from 'payload'
import { parse } from 'qs-esm'
import { beforeAll, describe, expect, it } from 'vitest'
import { todoProviders } from '@/admin/dashboard/providers'
import { loadTodo, type TodoItem, type TodoProvider } from '@/admin/dashboard/todo'
import { addDays, formatDay, vnDayKey, vnYearMonth } from '@/lib/time'
import type { User } from '@/payload-types'
import { Role } from '@/vocabulary'
import { createUnit, createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'

let payload: Payload
const users: Record<string, User> = {}
const now = new Date()
const today = vnDayKey(now)
const { year } = vnYearMonth(now)

const todo = (who: string, providers: TodoProvider[] = todoProviders) =>
  loadTodo({ payload, user: users[who] as never, now, adminRoute: '/admin' }, providers)
const byKey = (items: TodoItem[]) => Object.fromEntries(items.map((i) => [i.key, i]))

beforeAll(async () => {
  payload = await testPayload()
  const unitA = String((await createUnit(payload, 'Báo Tây Ninh thử', 'newspaper')).id)
  const unitB = String((await createUnit(payload, 'Đài PT-TH thử', 'radio-tv')).id)
  users.manager = (await createUser(payload, Role.CampaignManager)) as User
  users.editor = (await createUser(payload, Role.Editor, unitA)) as User
  users.viewer = (await createUser(payload, Role.Viewer)) as User
  const sys = { overrideAccess: true } as const
  const channelB = await payload.create({
    collection: 'channels',
    data: { name: 'Kênh B', kind: 'feed', ownerUnit: unitB } as never,
    ...sys,
  })
  await payload.create({
    collection: 'channels',
    data: { name: 'Fanpage hỏng', kind: 'feed', status: 'needs-attention' } as never,
    ...sys,
  })
  const article = await payload.create({
    collection: 'articles',
    data: { title: 'Tin đã đăng', ownerUnit: unitA, _status: 'published' } as never,
    ...sys,
  })
  for (const title of ['Nháp 1', 'Nháp 2'])
    await payload.create({
      collection: 'articles',
      data: { title, ownerUnit: unitA, _status: 'draft' } as never,
      draft: true,
      ...sys,
    })
  const schedule = (hours: number) =>
    payload.create({
      collection: 'publications',
      user: users.editor,
      overrideAccess: false,
      data: {
        channel: channelB.id,
        content: { relationTo: 'articles', value: article.id },
        scheduledAt: new Date(now.getTime() + hours * 3600_000).toISOString(),
      } as never,
    })
  // Two wait for approval (one of them is returned below), one more waits past the week.
  const [p1, p2] = [await schedule(24), await schedule(48)]
  await schedule(24 * 10)
  await payload.update({
    collection: 'publications',
    id: p2.id,
    user: users.manager,
    overrideAccess: false,
    data: { status: 'draft', approval: { returnReason: 'Thiếu nguồn ảnh.' } } as never,
  })
  void p1
  // The units' deadline passed yesterday (today's year), and no unit has handed its report in.
  await payload.create({
    collection: 'report-deadlines',
    data: {
      year,
      unitsDueOn: `${addDays(today, -1)}T00:00:00+07:00`,
      provinceDueOn: `${addDays(today, 10)}T00:00:00+07:00`,
    } as never,
    ...sys,
  })
})

describe('Việc cần làm', () => {
  it('Sở TT&TT: approvals waiting, channels needing attention, units overdue, each with its link', async () => {
    const items = byKey(await todo('manager'))
    // Waiting: the 24 h one and the 10-day one (the 48 h one was returned).
    expect(items.approvals.count).toBe(2)
    const query = parse(items.approvals.href.split('?')[1])
    expect(query).toMatchObject({ where: { status: { equals: 'awaiting-approval' } } })
    expect(items['channels-attention'].count).toBe(1)
    expect(items['failed-publications']).toBeUndefined()
    expect(items['reports-overdue'].count).toBeGreaterThanOrEqual(2)
    expect(items['reports-overdue'].detail).toBe(`hạn ${formatDay(addDays(today, -1))}`)
    expect(items['reports-overdue'].href).toBe(`/admin/report-submissions?year=${year}`)
    expect(items['drafts-articles']).toBeUndefined()
  })

  it("an editor: the unit's drafts, the returned publication, the week's publications, the overdue report", async () => {
    const items = byKey(await todo('editor'))
    expect(items.approvals).toBeUndefined()
    expect(items['drafts-articles'].count).toBe(2)
    expect(items['returned-publications'].count).toBe(1)
    // Within 7 days: the one still waiting at 24 h (the returned one is a draft, the other is at 10 days).
    expect(items['next-publications'].count).toBe(1)
    expect(items['unit-report']).toMatchObject({
      label: `Báo cáo năm ${year} của đơn vị: chưa lập`,
      detail: `quá hạn 1 ngày (hạn ${formatDay(addDays(today, -1))})`,
      href: '/admin/collections/unit-reports/create',
      tone: 'urgent',
    })
  })

  it('a viewer has nothing to do', async () => {
    expect(await todo('viewer')).toEqual([])
  })

  it('another source of work is one more provider; one that fails leaves the others', async () => {
    const tasks: TodoProvider = async () => [
      { key: 'tasks-overdue', label: 'Nhiệm vụ quá hạn', count: 3, href: '/admin', tone: 'urgent' },
    ]
    const broken: TodoProvider = async () => {
      throw new Error('hỏng')
    }
    const items = await todo('viewer', [...todoProviders, broken, tasks])
    expect(items.map((i) => i.key)).toEqual(['tasks-overdue'])
  })
})
