/**
 * The one calendar and comments in Chromium, as a campaign manager: every kind on its day with a
 * legend that filters per kind; a publication dragged to another day (accepted: stored at the
 * same time of day on the new day; refused by the server's schedule checks: the Vietnamese reason
 * shows and the entry snaps back); and a comment with an "@" mention and a reply in an article's
 * edit view.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, startOfWeek } from '@/admin/calendar/dates'
import { formatDateTimeVn, vnDayKey } from '@/lib/time'
import type { RunningServer } from '@/server'
import { adminLogin, launchBrowser } from '../helpers/browser'
import { createUnit, createUser } from '../helpers/fixtures'
import { stopTestServer, testServer } from '../helpers/server'

let server: RunningServer
let browser: Browser
let page: Page
let managerEmail: string
const ids: Record<string, string> = {}
const shots = path.resolve(__dirname, '../../test-results')
const shot = (name: string) => page.screenshot({ path: path.join(shots, name), fullPage: true })

// Next week, Monday to Sunday: every day ahead of now, so each move is to a time still to come.
const monday = startOfWeek(addDays(vnDayKey(new Date()), 7))
const day = (n: number) => addDays(monday, n)
const at = (d: string, hm: string) => new Date(`${d}T${hm}:00+07:00`).toISOString()
const weekUrl = () => `${server.url}/admin/calendar?view=week&date=${monday}`

beforeAll(async () => {
  server = await testServer()
  const { payload } = server
  const create = async (collection: string, data: Record<string, unknown>) =>
    String(
      (
        (await payload.create({
          collection: collection as 'articles',
          data: data as never,
          overrideAccess: true,
        })) as { id: string }
      ).id,
    )
  const so = String((await createUnit(payload, 'Sở Thông tin và Truyền thông', 'dic')).id)
  const bao = String((await createUnit(payload, 'Báo Tây Ninh', 'newspaper')).id)
  ids.bao = bao
  const manager = await createUser(payload, 'campaign-manager', so)
  managerEmail = manager.email as string
  await payload.update({
    collection: 'users',
    id: manager.id,
    data: { fullName: 'Trần Quản Lý' } as never,
    overrideAccess: true,
  })
  const editor = await createUser(payload, 'editor', bao)
  await payload.update({
    collection: 'users',
    id: editor.id,
    data: { fullName: 'Nguyễn Biên Tập' } as never,
    overrideAccess: true,
  })
  ids.editor = String(editor.id)
  const portal = await create('channels', {
    name: 'Cổng thông tin tỉnh',
    kind: 'feed',
    ownerUnit: so,
  })
  const paused = await create('channels', { name: 'Kênh tạm dừng', kind: 'feed', ownerUnit: so })
  const article = (title: string) =>
    create('articles', { title, ownerUnit: bao, _status: 'published', sapo: 'Tóm tắt' })
  ids.moved = await article('Bài dời được')
  ids.stuck = await article('Bài trên kênh tạm dừng')
  ids.draft = await create('articles', {
    title: 'Bản nháp cần góp ý',
    ownerUnit: bao,
    _status: 'draft',
  })
  ids.campaign = await create('campaigns', {
    name: 'Tháng cao điểm',
    startsOn: at(day(0), '00:00'),
    endsOn: at(day(27), '00:00'),
    leadUnit: so,
    phases: [
      {
        name: 'Đợt truyền thông cao điểm',
        startsOn: at(day(0), '00:00'),
        endsOn: at(day(1), '00:00'),
      },
    ],
  })
  ids.pubMoved = await create('publications', {
    content: { relationTo: 'articles', value: ids.moved },
    channel: portal,
    scheduledAt: at(day(2), '09:30'),
  })
  ids.pubStuck = await create('publications', {
    content: { relationTo: 'articles', value: ids.stuck },
    channel: paused,
    scheduledAt: at(day(3), '10:00'),
  })
  // Paused after it was scheduled: any change of its time is refused by the schedule checks.
  await payload.update({
    collection: 'channels',
    id: paused,
    data: { status: 'disabled' } as never,
    overrideAccess: true,
  })
  await create('events', {
    title: 'Hội thảo chuyển đổi số',
    ownerUnit: so,
    startsAt: at(day(1), '08:00'),
    endsAt: at(day(1), '11:00'),
    _status: 'published',
  })
  await create('trainings', {
    title: 'Lớp bồi dưỡng kỹ năng số',
    ownerUnit: so,
    startsOn: at(day(4), '00:00'),
    status: 'planned',
  })
  await payload.create({
    collection: 'commissions',
    data: {
      title: 'Phóng sự một cửa',
      brief: '1.000 chữ',
      kind: 'articles',
      assigneeUnit: bao,
      dueAt: at(day(3), '17:00'),
    } as never,
    user: manager,
    overrideAccess: false,
  })

  browser = await launchBrowser()
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 1440, height: 1000 },
  })
  page = await context.newPage()
  page.setDefaultTimeout(30_000)
  fs.mkdirSync(shots, { recursive: true })
  await adminLogin(page, server.url, managerEmail, '/admin')
})

afterAll(async () => {
  if (page) await shot('calendar-drag-last.png').catch(() => {})
  await browser?.close()
  await stopTestServer()
})

const cell = (d: string) => page.locator(`[data-day="${d}"]`)
const entry = (d: string, kind: string, name: RegExp) =>
  cell(d).locator(`a[data-kind="${kind}"]`, { hasText: name })

/** Drags a publication's handle onto a day with the mouse (dnd-kit's pointer sensor). */
async function drag(title: RegExp, to: string) {
  const handle = page.getByRole('button', { name: title })
  await handle.scrollIntoViewIfNeeded()
  const from = (await handle.boundingBox())!
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  // Past the 5 px activation distance, then in steps so the droppable under the pointer is seen.
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 3 })
  // The target measured once the drag has begun (a slow page may still move under the pointer),
  // and the pointer rests on it before the drop.
  const target = (await cell(to).boundingBox())!
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 15 })
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2 + 2, { steps: 2 })
  await page.mouse.up()
}

const stored = async (id: string) =>
  new Date(
    (
      await server.payload.findByID({
        collection: 'publications',
        id,
        overrideAccess: true,
        depth: 0,
      })
    ).scheduledAt,
  ).toISOString()

describe('one calendar in Chromium', () => {
  it('shows every kind on its day, with a legend that filters per kind', async () => {
    await page.goto(weekUrl())
    await entry(day(2), 'publication', /Bài dời được/).waitFor()
    await expect(entry(day(2), 'publication', /Bài dời được/).textContent()).resolves.toContain(
      '09:30',
    )
    await entry(day(1), 'event', /Hội thảo chuyển đổi số/).waitFor()
    await entry(day(4), 'training', /Lớp bồi dưỡng kỹ năng số/).waitFor()
    // The phase spans two days: it is on both.
    await entry(day(0), 'phase', /Đợt truyền thông cao điểm/).waitFor()
    await entry(day(1), 'phase', /Đợt truyền thông cao điểm/).waitFor()
    expect(await page.locator('a[data-kind="phase"]').count()).toBe(2)
    const due = entry(day(3), 'commission', /Phóng sự một cửa/)
    await expect(due.textContent()).resolves.toMatch(/17:00.*Phóng sự một cửa.*Đã giao/)
    const legend = page.getByRole('group', { name: 'Chú giải và lọc theo loại' })
    await expect(legend.textContent()).resolves.toMatch(
      /Lịch đăng 2.*Sự kiện 1.*Đào tạo, bồi dưỡng 1.*Giai đoạn chiến dịch 2.*Hạn đặt bài 1/,
    )
    await shot('calendar-all-kinds.png')

    // Only commissions: uncheck the other kinds, and the link keeps the choice.
    for (const kind of ['publication', 'event', 'training', 'phase'])
      await page.locator(`#cal-kind-${kind}`).uncheck()
    await page.getByRole('button', { name: 'Lọc' }).click()
    await page.waitForURL(/kind=commission/)
    await due.waitFor()
    expect(await page.locator('a[data-kind]').count()).toBe(1)
    expect(page.url()).not.toContain('kind=publication')
  })

  it('moves a publication by drag and drop to the same time on another day', async () => {
    await page.goto(weekUrl())
    await entry(day(2), 'publication', /Bài dời được/).waitFor()
    await drag(/Kéo để dời lịch đăng "Bài dời được"/, day(4))
    // Where it went, said in the message (a drop on another day fails here, with the day it took).
    await expect(page.locator('#calendar-move [role="status"]').textContent()).resolves.toContain(
      `Đã dời "Bài dời được" sang ${formatDateTimeVn(at(day(4), '09:30'))}.`,
    )
    await entry(day(4), 'publication', /Bài dời được/).waitFor()
    expect(await entry(day(2), 'publication', /Bài dời được/).count()).toBe(0)
    await expect.poll(() => stored(ids.pubMoved)).toBe(at(day(4), '09:30'))
    // The server's view after a reload agrees.
    await page.reload()
    await expect(entry(day(4), 'publication', /Bài dời được/).textContent()).resolves.toContain(
      '09:30',
    )
    await shot('calendar-drag-accepted.png')
  })

  it('a move the schedule checks refuse shows the reason and snaps back', async () => {
    await page.goto(weekUrl())
    await entry(day(3), 'publication', /Bài trên kênh tạm dừng/).waitFor()
    const before = await stored(ids.pubStuck)
    await drag(/Kéo để dời lịch đăng "Bài trên kênh tạm dừng"/, day(5))
    const alert = page.locator('#calendar-move [role="alert"]')
    await alert.waitFor()
    await expect(alert.textContent()).resolves.toBe(
      'Không dời được "Bài trên kênh tạm dừng": Kênh "Kênh tạm dừng" đang tạm dừng, không thể lên lịch.',
    )
    await entry(day(3), 'publication', /Bài trên kênh tạm dừng/).waitFor()
    expect(await entry(day(5), 'publication', /Bài trên kênh tạm dừng/).count()).toBe(0)
    expect(await stored(ids.pubStuck)).toBe(before)
    await shot('calendar-drag-refused.png')
  })
})

describe('commissions list in Chromium', () => {
  it('"Quá hạn" lists the open commissions past their due date, flagged in their column', async () => {
    const late = await server.payload.create({
      collection: 'commissions',
      data: {
        title: 'Tin trễ hạn',
        brief: 'Tin ngắn',
        kind: 'articles',
        assigneeUnit: ids.bao,
        dueAt: at(day(1), '17:00'),
      } as never,
      overrideAccess: true,
    })
    // Due dates in the past cannot be typed: written as time has left it.
    await server.payload.db.updateOne({
      collection: 'commissions',
      where: { id: { equals: late.id } },
      data: { dueAt: new Date(Date.now() - 86_400_000).toISOString() },
    } as never)
    await page.goto(`${server.url}/admin/collections/commissions`)
    await page.getByRole('link', { name: 'Tin trễ hạn' }).waitFor()
    await page.getByRole('link', { name: 'Phóng sự một cửa' }).waitFor()
    await page.locator('#commissions-overdue').click()
    await page.waitForURL(/overdue=1/)
    await page.getByRole('link', { name: 'Tin trễ hạn' }).waitFor()
    await expect(
      page.locator('tr', { hasText: 'Tin trễ hạn' }).locator('[data-overdue="true"]').textContent(),
    ).resolves.toBe('Quá hạn')
    await expect.poll(() => page.getByRole('link', { name: 'Phóng sự một cửa' }).count()).toBe(0)
    await shot('commissions-overdue.png')
  })
})

describe('comments in Chromium', () => {
  it('comments with an @ mention and replies in the edit view; the thread is stored as written', async () => {
    await page.goto(`${server.url}/admin/collections/articles/${ids.draft}`)
    const panel = page.locator('#comments-panel')
    await panel.getByText('Chưa có bình luận.').waitFor()
    const box = panel.locator('#comment-body')
    await box.fill('Nhờ ')
    await box.pressSequentially('@Nguy')
    await panel.getByRole('option').getByRole('button', { name: 'Nguyễn Biên Tập' }).click()
    await box.pressSequentially('xem lại tít giúp.')
    expect(await box.inputValue()).toBe('Nhờ @Nguyễn Biên Tập xem lại tít giúp.')
    await panel.getByRole('button', { name: 'Gửi bình luận' }).click()
    await panel.getByRole('heading', { name: 'Bình luận (1)' }).waitFor()
    await expect(panel.locator('.cms-comments__item').first().textContent()).resolves.toMatch(
      /Trần Quản Lý.*Nhờ @Nguyễn Biên Tập xem lại tít giúp\..*Nhắc đến: Nguyễn Biên Tập/,
    )

    await panel.getByRole('button', { name: 'Trả lời' }).click()
    const reply = panel.locator('textarea[id^="reply-"]')
    await reply.fill('Đã sửa tít.')
    await panel.getByRole('button', { name: 'Gửi bình luận' }).first().click()
    await panel.getByRole('heading', { name: 'Bình luận (2)' }).waitFor()
    // The reply sits under the comment it answers.
    await panel
      .locator('.cms-comments__item .cms-comments__item', { hasText: 'Đã sửa tít.' })
      .waitFor()
    await shot('comments-panel.png')

    const docs = (
      await server.payload.find({
        collection: 'comments',
        where: { 'doc.value': { equals: ids.draft } },
        sort: 'createdAt',
        depth: 0,
        overrideAccess: true,
      })
    ).docs
    expect(docs.map((d) => d.body)).toEqual([
      'Nhờ @Nguyễn Biên Tập xem lại tít giúp.',
      'Đã sửa tít.',
    ])
    expect((docs[0].mentions ?? []).map(String)).toEqual([ids.editor])
    expect(String(docs[1].parent)).toBe(String(docs[0].id))
  })
})
