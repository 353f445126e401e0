/**
 * Plan tasks end to end on one database: Vĩnh Long's plan 618 imported from a faithful CSV of its
 * task table (refused, row and column named, nothing saved), then as an XLSX written by SheetJS
 * with the leads made concrete (preview saves nothing, confirm saves, re-import updates); other
 * refusals; Tây Ninh's 1155 seeded; progress counts by year and state against hand-computed
 * figures, in the export's XLSX (read by SheetJS) and .docx (read through LibreOffice); evidence
 * picked and tagged, with figures, resolving; due-date reminders over real SMTP, once each; overdue.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { parse } from 'csv-parse/sync'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { exportToFile } from '@/reporting/export'
import { taskEvidence } from '@/reporting/tasks/evidence'
import { importTaskTable } from '@/reporting/tasks/import'
import { sendTaskReminders } from '@/reporting/tasks/reminders'
import { loadTaskData, overdueTasks, reviewCounts } from '@/reporting/tasks/review'
import { seedPlanTasks } from '../../scripts/seed-data/planTasks'
import { createUnit, createUser, fileOf, pngBuffer } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'
import { startSmtp } from '../helpers/smtp'

const run = promisify(execFile)
let payload: Payload
let smtp: Awaited<ReturnType<typeof startSmtp>>
const unit: Record<string, string> = {}
const email: Record<string, string> = {}
const plan: Record<string, string> = {}
const dir = path.join(process.env.TEST_TMP_DIR ?? '/tmp', 'plan-tasks')
const FIXTURE = path.resolve(__dirname, '../fixtures/vinh-long-618-tasks.csv')

const countTasks = async (campaign: string) =>
  (
    await payload.count({
      collection: 'plan-tasks',
      where: { campaign: { equals: campaign } },
      overrideAccess: true,
    })
  ).totalDocs

const taskId = async (campaign: string, number: string) =>
  String(
    (
      await payload.find({
        collection: 'plan-tasks',
        where: { and: [{ campaign: { equals: campaign } }, { number: { equals: number } }] },
        overrideAccess: true,
        depth: 0,
      })
    ).docs[0].id,
  )

beforeAll(async () => {
  smtp = await startSmtp()
  process.env.SMTP_HOST = '127.0.0.1'
  process.env.SMTP_PORT = String(smtp.port)
  payload = await testPayload()
  fs.mkdirSync(dir, { recursive: true })
  const u = async (key: string, name: string, kind: string, shortName?: string) => {
    const doc = await createUnit(payload, name, kind)
    if (shortName)
      await payload.update({
        collection: 'units',
        id: doc.id,
        data: { shortName },
        overrideAccess: true,
      })
    unit[key] = String(doc.id)
  }
  await u('stttt', 'Sở Thông tin và Truyền thông', 'dic', 'Sở TT&TT')
  await u('snv', 'Sở Nội vụ', 'department')
  await u('gd', 'Sở Giáo dục và Đào tạo', 'department')
  await u('bao', 'Báo Tây Ninh', 'newspaper')
  await u('dai', 'Đài Phát thanh và Truyền hình Tây Ninh', 'radio-tv')
  await u('baoVl', 'Báo Vĩnh Long', 'newspaper')
  email.so1 = (await createUser(payload, 'editor', unit.stttt)).email
  email.so2 = (await createUser(payload, 'editor', unit.stttt)).email
  await createUser(payload, 'contributor', unit.stttt)
  email.bao = (await createUser(payload, 'editor', unit.bao)).email
  const campaign = async (key: string, name: string, planReference: string, startsOn: string) => {
    plan[key] = String(
      (
        await payload.create({
          collection: 'campaigns',
          overrideAccess: true,
          data: {
            name,
            planReference,
            startsOn,
            endsOn: '2025-12-31T00:00:00+07:00',
            leadUnit: unit.stttt,
          } as never,
        })
      ).id,
    )
  }
  await campaign('tn', 'Kế hoạch 1155 Tây Ninh', '1155/QĐ-UBND', '2022-05-24T00:00:00+07:00')
  await campaign('vl', 'Kế hoạch 618 Vĩnh Long', '618/QĐ-UBND', '2022-03-30T00:00:00+07:00')
}, 120_000)

afterAll(async () => smtp?.close())

/** The fixture's cells, as a spreadsheet holds them. */
const fixtureRows = () => parse(fs.readFileSync(FIXTURE, 'utf8')) as string[][]

describe('import of a plan’s task table', () => {
  it('refuses Vĩnh Long’s table as printed: group leads named by row and column, nothing saved', async () => {
    const result = await importTaskTable(payload, plan.vl, fs.readFileSync(FIXTURE), {
      confirm: true,
    })
    expect(result.saved).toBe(false)
    const lead = 'cột “Đơn vị chủ trì” (D)'
    const notAUnit = (row: number, text: string) =>
      `Dòng ${row}, ${lead}: “${text}” không phải một đơn vị trong danh mục đơn vị: ghi đúng tên (hoặc tên viết tắt) của một đơn vị.`
    expect(result.problems).toEqual([
      `Dòng 3, ${lead}: Ghi 2 đơn vị chủ trì (Sở Thông tin và Truyền thông; các cơ quan thông tấn báo chí): mỗi nhiệm vụ một đơn vị chủ trì trong danh mục, các đơn vị khác ghi vào cột phối hợp.`,
      notAUnit(4, 'Các cơ quan thông tấn, báo chí'),
      notAUnit(5, 'UBND các huyện, thị xã, thành phố'),
      notAUnit(6, 'Các cơ quan thông tấn, báo chí'),
      notAUnit(13, 'Các Sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố'),
    ])
    expect(await countTasks(plan.vl)).toBe(0)
  })

  it('previews, then saves, the table with concrete leads (XLSX by SheetJS); re-import updates', async () => {
    const rows = fixtureRows()
    const set = (number: string, lead: string, coordinating?: string) => {
      const r = rows.find((x) => x[0] === number)!
      r[3] = lead
      if (coordinating) r[4] = coordinating
    }
    set('1.1', 'Sở Thông tin và Truyền thông', 'Báo Vĩnh Long, các cơ quan, đơn vị liên quan')
    set('1.2', 'Báo Vĩnh Long')
    set('1.3', 'Sở TT&TT', 'UBND các huyện, thị xã, thành phố')
    set('1.4', 'Báo Vĩnh Long')
    set('3.1.b', 'Sở TT&TT', 'Các Sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố')
    const book = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([['Phụ lục: nhiệm vụ Kế hoạch 618/QĐ-UBND'], [], ...rows]),
      'Nhiệm vụ',
    )
    const file = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer

    const preview = await importTaskTable(payload, plan.vl, file)
    expect(preview.problems).toEqual([])
    expect(preview).toMatchObject({ ok: true, saved: false, created: 11, updated: 0 })
    expect(await countTasks(plan.vl)).toBe(0)
    // The title row and a blank row sit above the header: rows as Excel numbers them.
    expect(preview.rows.map((r) => `${r.row}:${r.number}`)).toEqual([
      '5:1.1',
      '6:1.2',
      '7:1.3',
      '8:1.4',
      '9:1.5',
      '11:2.1',
      '12:2.2',
      '14:3.1.a',
      '15:3.1.b',
      '16:3.2',
      '17:3.3',
    ])
    expect(preview.rows.find((r) => r.number === '2.1')).toMatchObject({
      group: '2. Nhóm các nhiệm vụ về phổ cập kỹ năng chuyển đổi số',
      lead: 'Sở Thông tin và Truyền thông',
      timeFrame: '2022 - 2025',
      timeFrameKind: 'Giai đoạn nhiều năm',
      action: 'create',
    })
    expect(preview.rows.find((r) => r.number === '1.5')?.timeFrameKind).toBe('Hằng năm')
    expect(preview.rows.find((r) => r.number === '3.3')?.lead).toBe('Sở Giáo dục và Đào tạo')

    const saved = await importTaskTable(payload, plan.vl, file, { confirm: true })
    expect(saved).toMatchObject({ saved: true, created: 11, updated: 0 })
    expect(await countTasks(plan.vl)).toBe(11)
    const t11 = await payload.findByID({
      collection: 'plan-tasks',
      id: await taskId(plan.vl, '1.1'),
      overrideAccess: true,
      depth: 0,
    })
    expect(t11.leadUnit).toBe(unit.stttt)
    expect(t11.coordinatingUnits).toEqual([unit.baoVl])
    expect(t11.coordinatingText).toBe('các cơ quan, đơn vị liên quan')
    expect(t11.timeFrame).toMatchObject({ kind: 'range', fromYear: 2022, toYear: 2030 })
    expect(t11.group).toBe('1. Nhóm các nhiệm vụ nâng cao nhận thức về chuyển đổi số')

    const again = await importTaskTable(payload, plan.vl, file, { confirm: true })
    expect(again).toMatchObject({ saved: true, created: 0, updated: 11 })
    expect(await countTasks(plan.vl)).toBe(11)
  })

  it('refuses a file with every problem by row and column, and saves none of it', async () => {
    const csv = [
      'Bảng nhiệm vụ thử',
      'STT;Nhiệm vụ;Đơn vị chủ trì;Thời gian thực hiện;Kinh phí dự kiến (VNĐ)',
      '9.1;Việc một;Sở TT&TT;Quý V/2022;',
      '9.1;Việc hai;Sở TT&TT;Hằng năm;1.170.385.000',
      '9.2;;Sở TT&TT;31/02/2023;1.2.3',
      '9.3;Việc bốn;;;',
      '9.4;Việc năm;Sở TT&TT;Thường xuyên;',
    ].join('\n')
    const result = await importTaskTable(payload, plan.vl, Buffer.from(csv), { confirm: true })
    expect(result.problems).toEqual([
      'Dòng 3, cột “Thời gian thực hiện” (D): Quý "V" không hợp lệ: quý phải từ I đến IV.',
      'Dòng 4, cột “STT” (A): Số thứ tự “9.1” trùng với dòng 3.',
      'Dòng 5, cột “Nhiệm vụ” (B): Chưa có tên nhiệm vụ.',
      'Dòng 5, cột “Thời gian thực hiện” (D): Ngày 31/02/2023 không có trong lịch.',
      'Dòng 5, cột “Kinh phí dự kiến (VNĐ)” (E): “1.2.3” không phải một số tiền (ví dụ 1.170.385.000).',
      'Dòng 6: Dòng này được hiểu là tên nhóm nhưng không có nhiệm vụ nào theo sau; nếu là một nhiệm vụ, cần ghi đơn vị chủ trì và thời gian thực hiện.',
    ])
    expect(await countTasks(plan.vl)).toBe(11)
    const noLead = await importTaskTable(
      payload,
      plan.vl,
      Buffer.from('STT,Nhiệm vụ,Thời gian thực hiện\n1,Việc,Hằng năm'),
    )
    expect(noLead.problems).toEqual(['Dòng 1: Thiếu cột “Đơn vị chủ trì”.'])
    const broken = await importTaskTable(
      payload,
      plan.vl,
      Buffer.from('PK\u0003\u0004 không phải zip'),
    )
    expect(broken.problems).toEqual([
      'Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không phải .xlsx.',
    ])
  })

  it('seeds Tây Ninh’s plan 1155 from its data module, once', async () => {
    expect(await seedPlanTasks(payload)).toBe(8)
    expect(await seedPlanTasks(payload)).toBe(0)
    const data = await loadTaskData(payload, { campaign: plan.tn })
    expect(data.tasks.map((t) => t.number)).toEqual([
      '1.a',
      '1.b',
      '1.c',
      '1.d',
      '1.đ',
      '2',
      '3.a',
      '3.b',
    ])
    const t = (n: string) => data.tasks.find((x) => x.number === n)!
    expect(t('1.b').timeFrame).toMatchObject({
      kind: 'quarter',
      year: 2022,
      quarter: 2,
      dueOn: '2022-06-30',
      repeatsYearly: true,
    })
    expect(t('1.b').coordinating).toEqual([
      'Báo Tây Ninh',
      'các Sở ban ngành tỉnh, UBND cấp huyện, UBND cấp xã',
    ])
    expect(t('1.c').coordinating[0]).toBe('Đài Phát thanh và Truyền hình Tây Ninh')
    expect(t('1.đ').coordinating).toEqual(['Sở Nội vụ'])
    expect(t('3.b').timeFrame.kind).toBe('when-asked')
    expect(t('1.a').timeFrame.kind).toBe('continuous')
    expect(data.progress.size).toBe(9)
  })
})

describe('review counts', () => {
  it('counts tasks × years × state as computed by hand (Tây Ninh 1155, 2022-2025)', async () => {
    const rows = reviewCounts(
      await loadTaskData(payload, { campaign: plan.tn }),
      [2022, 2023, 2024, 2025],
    )
    const shape = rows.map((r) => [
      r.year,
      r.tasks,
      r.counts.done,
      r.counts['done-late'],
      r.counts['in-progress'],
      r.counts['not-done'],
      r.counts['not-started'],
    ])
    // Every task is expected every year (continuous, yearly, Q2/2022 then yearly, when asked).
    expect(shape).toEqual([
      [2022, 8, 0, 1, 0, 0, 7],
      [2023, 8, 0, 0, 0, 0, 8],
      [2024, 8, 2, 0, 0, 0, 6],
      [2025, 8, 2, 1, 2, 1, 2],
      [null, 32, 4, 2, 2, 1, 23],
    ])
    expect(rows[3].percent).toEqual({
      done: 25,
      'done-late': 12.5,
      'in-progress': 25,
      'not-done': 12.5,
      'not-started': 25,
    })
    expect(rows[4].percent).toEqual({
      done: 12.5,
      'done-late': 6.3,
      'in-progress': 6.3,
      'not-done': 3.1,
      'not-started': 71.9,
    })
  })

  it('puts the task tables in the yearly and period exports (XLSX read by SheetJS, .docx through LibreOffice)', async () => {
    for (const year of [2022, 2023, 2024, 2025])
      await payload.create({ collection: 'rollup-snapshots', overrideAccess: true, data: { year } })
    const sheet = (file: string, name: string) =>
      XLSX.utils
        .sheet_to_json<unknown[]>(XLSX.readFile(file).Sheets[name], { header: 1, blankrows: false })
        .slice(1)
    const yearly = path.join(dir, '2025.xlsx')
    await exportToFile(payload, { year: 2025 }, 'xlsx', yearly)
    // Both plans: Tây Ninh's 8 tasks and Vĩnh Long's 11 (none recorded: not started), all expected in 2025.
    expect(sheet(yearly, 'Nhiệm vụ')).toEqual([
      ['Tình trạng', 'Số nhiệm vụ', 'Tỷ lệ (%)'],
      ['Tổng số nhiệm vụ', 19, 100],
      ['Hoàn thành đúng hạn', 2, 10.5],
      ['Hoàn thành chậm', 1, 5.3],
      ['Đang thực hiện', 2, 10.5],
      ['Không hoàn thành', 1, 5.3],
      ['Chưa triển khai', 13, 68.4],
    ])
    const detail = sheet(yearly, 'Kết quả nhiệm vụ')
    expect(detail).toHaveLength(20)
    expect(detail.find((r) => r[0] === '1.đ')).toEqual([
      '1.đ',
      'Biểu dương, tôn vinh và khen thưởng',
      'Sở Thông tin và Truyền thông',
      'Hàng năm',
      'Không hoàn thành',
      'Lý do: Chưa ban hành Hướng dẫn liên ngành khen thưởng với Sở Nội vụ.',
    ])

    const period = path.join(dir, '2022-2025.xlsx')
    await exportToFile(payload, { year: 2022, to: 2025 }, 'xlsx', period)
    const total = sheet(period, 'Nhiệm vụ').map((r) => r.slice(-2))
    // 19 tasks × 4 years = 76 task-years: 4 done, 2 late, 2 in progress, 1 not done, 67 not started.
    expect(total).toEqual([
      ['Cả giai đoạn: số', 'Cả giai đoạn: %'],
      [76, 100],
      [4, 5.3],
      [2, 2.6],
      [2, 2.6],
      [1, 1.3],
      [67, 88.2],
    ])
    expect(sheet(period, 'Nhiệm vụ')[1].slice(1, 9)).toEqual([19, 100, 19, 100, 19, 100, 19, 100])

    // A unit's own export lists only the tasks it leads.
    const own = path.join(dir, 'gd-2025.xlsx')
    await exportToFile(payload, { year: 2025 }, 'xlsx', own, { unit: unit.gd })
    expect(
      sheet(own, 'Kết quả nhiệm vụ')
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['3.3'])

    const docx = path.join(dir, '2025.docx')
    await exportToFile(payload, { year: 2025 }, 'docx', docx)
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'txt:Text (encoded):UTF8',
        '--outdir',
        dir,
        docx,
      ],
      { timeout: 120_000 },
    )
    const text = fs.readFileSync(path.join(dir, '2025.txt'), 'utf8')
    expect(text).toContain('Kết quả thực hiện các nhiệm vụ')
    expect(text).toMatch(/Hoàn thành chậm\s+1\s+5,3/)
    expect(text).toMatch(/Chưa triển khai\s+13\s+68,4/)
    expect(text).toContain('Chưa ban hành Hướng dẫn liên ngành khen thưởng với Sở Nội vụ.')
  }, 240_000)
})

describe('evidence', () => {
  it('lists what the progress picks and what is tagged with the task in the year, with figures; the links resolve', async () => {
    const t1b = await taskId(plan.tn, '1.b')
    const t1d = await taskId(plan.tn, '1.d')
    const channel = await payload.create({
      collection: 'channels',
      overrideAccess: true,
      data: { name: 'Chuyên trang', kind: 'feed', ownerUnit: unit.bao } as never,
    })
    const article = async (title: string, publishedAt: string) =>
      payload.create({
        collection: 'articles',
        overrideAccess: true,
        data: {
          title,
          ownerUnit: unit.bao,
          _status: 'published',
          publishedAt,
          planTasks: [t1b],
        } as never,
      })
    const a2025 = await article('Chuyên trang cập nhật 2025', '2025-03-10T09:00:00+07:00')
    await article('Chuyên trang năm 2024', '2024-12-31T23:30:00+07:00')
    for (const status of ['published', 'published', 'failed']) {
      const pub = await payload.create({
        collection: 'publications',
        overrideAccess: true,
        data: {
          content: { relationTo: 'articles', value: a2025.id },
          channel: channel.id,
          scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
        } as never,
      })
      await payload.db.updateOne({
        collection: 'publications',
        id: pub.id,
        data: { status, publishedAt: '2025-03-10T03:00:00.000Z' },
        returning: false,
      })
    }
    const event = await payload.create({
      collection: 'events',
      overrideAccess: true,
      data: {
        title: 'Hội thảo Ngày Chuyển đổi số',
        ownerUnit: unit.stttt,
        kind: 'conference',
        startsAt: '2025-10-10T08:00:00+07:00',
        endsAt: '2025-10-10T11:00:00+07:00',
        status: 'held',
        actualParticipants: 150,
        _status: 'published',
        planTasks: [t1d, t1b],
      } as never,
    })
    const media = await payload.create({
      collection: 'media',
      overrideAccess: true,
      data: { alt: 'Ảnh chụp chuyên trang', credit: 'Sở TT&TT', ownerUnit: unit.stttt } as never,
      file: fileOf(await pngBuffer(800, 500), 'chuyen-trang.png', 'image/png') as never,
    })
    const progress = (
      await payload.find({
        collection: 'task-progress',
        where: { and: [{ task: { equals: t1b } }, { year: { equals: 2025 } }] },
        overrideAccess: true,
        depth: 0,
      })
    ).docs[0]
    await payload.update({
      collection: 'task-progress',
      id: progress.id,
      overrideAccess: true,
      data: {
        evidence: [
          { relationTo: 'media', value: media.id },
          { relationTo: 'events', value: event.id },
        ],
      },
    })
    const stored = await payload.findByID({
      collection: 'task-progress',
      id: progress.id,
      overrideAccess: true,
      depth: 0,
    })
    const items = await taskEvidence(payload, t1b, 2025, stored.evidence as never)
    expect(
      items.map((e) => [
        e.collection,
        e.title,
        e.source,
        e.figure && `${e.figure.value} ${e.figure.label}`,
      ]),
    ).toEqual([
      ['media', 'Ảnh chụp chuyên trang', 'picked', null],
      ['events', 'Hội thảo Ngày Chuyển đổi số', 'picked', '150 người tham dự'],
      // Tagged in 2025 (the 2024 article is not): two of its three publications went out.
      ['articles', 'Chuyên trang cập nhật 2025', 'tagged', '2 lượt đăng'],
    ])
    for (const e of items) {
      expect(e.path).toBe(`/collections/${e.collection}/${e.id}`)
      const doc = await payload.findByID({
        collection: e.collection,
        id: e.id,
        overrideAccess: true,
        disableErrors: true,
        draft: true,
      } as never)
      expect(doc, e.path).toBeTruthy()
    }
    const d = await taskEvidence(payload, t1d, 2025)
    expect(d.map((e) => e.title)).toEqual(['Hội thảo Ngày Chuyển đổi số'])
    const training = await payload.create({
      collection: 'trainings',
      overrideAccess: true,
      data: {
        title: 'Lớp kỹ năng số',
        ownerUnit: unit.stttt,
        status: 'held',
        totalTrainees: 45,
        startsOn: '2025-06-02T00:00:00+07:00',
        planTasks: [t1d],
      } as never,
    })
    expect((await taskEvidence(payload, t1d, 2025)).map((e) => [e.id, e.figure?.value])).toEqual([
      [String(event.id), 150],
      [String(training.id), 45],
    ])
  })
})

describe('due-date reminders and overdue tasks', () => {
  const at = (local: string) => new Date(`${local}+07:00`)
  it('emails the lead unit’s editors 30 days before a milestone, once per task and milestone', async () => {
    expect((await sendTaskReminders(payload, at('2025-11-30T23:00'))).sent).toEqual([])
    const first = await sendTaskReminders(payload, at('2025-12-01T08:00'))
    const numbers = async (ids: string[]) =>
      (
        await payload.find({
          collection: 'plan-tasks',
          where: { id: { in: ids } },
          overrideAccess: true,
          depth: 0,
          limit: 0,
        })
      ).docs
        .map((t) => `${t.campaign === plan.tn ? 'TN' : 'VL'} ${t.number}`)
        .sort()
    // Due 31/12/2025 and not done: Tây Ninh's yearly 1.c (in progress), 1.đ (not done), 3.a (no
    // progress); Vĩnh Long's 1.5 (yearly), 2.1 and 2.2 (to 2025). VL 3.3's lead has no editor.
    expect(await numbers(first.sent.map((s) => s.task))).toEqual([
      'TN 1.c',
      'TN 1.đ',
      'TN 3.a',
      'VL 1.5',
      'VL 2.1',
      'VL 2.2',
    ])
    expect(first.sent.every((s) => s.milestone === '2025-12-31' && s.unit === unit.stttt)).toBe(
      true,
    )
    expect(smtp.mails).toHaveLength(6)
    const mail = smtp.mails.find((m) => m.subject.startsWith('[Nhắc hạn nhiệm vụ] 1.đ.'))!
    expect(mail.to).toEqual([email.so1, email.so2].sort())
    expect(mail.subject).toBe(
      '[Nhắc hạn nhiệm vụ] 1.đ. Biểu dương, tôn vinh và khen thưởng: còn 30 ngày, hạn 31/12/2025',
    )
    expect(mail.text).toContain('Kính gửi Sở Thông tin và Truyền thông,')
    expect(mail.text).toContain('Tình trạng năm 2025 đang ghi nhận: Không hoàn thành.')
    expect((await sendTaskReminders(payload, at('2025-12-15T08:00'))).sent).toEqual([])
    expect(smtp.mails).toHaveLength(6)
    expect(
      (await payload.count({ collection: 'task-reminders', overrideAccess: true })).totalDocs,
    ).toBe(6)
  })

  it('flags tasks whose milestone has passed while their year is not done', async () => {
    const overdue = overdueTasks(await loadTaskData(payload, { campaign: plan.tn }), '2026-01-05')
    expect(overdue.map((o) => `${o.task.number}@${o.milestone.dueOn}`).sort()).toEqual([
      // 1.b's 2022 quarter was done late (closed); its 2023 year was never recorded.
      '1.b@2023-12-31',
      '1.c@2022-12-31',
      '1.d@2022-12-31',
      '1.đ@2022-12-31',
      '2@2022-12-31',
      '3.a@2022-12-31',
    ])
    expect(overdue.find((o) => o.task.number === '1.c')?.daysLate).toBe(1101)
  })
})
