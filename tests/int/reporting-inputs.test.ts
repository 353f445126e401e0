/**
 * The inputs of the campaign totals: trainings, engagement observations (by hand and from CSV), and
 * a campaign's training plan as data. Bad input gets a Vietnamese error and nothing is saved.
 */
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { computeTrainingPlan } from '@/reporting/trainingPlan'
import { loadTrainingsAgainstPlan } from '@/admin/reports/trainingsAgainstPlan'
import {
  engagementTemplate,
  importEngagementCsv,
} from '../../collections/EngagementObservations/endpoints/importCsv'
import { loose, type LooseApi } from '../helpers/accessMatrix'
import { createUnit, createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'
import { BEN_TRE_PLAN, BEN_TRE_UNITS } from '../helpers/benTre'

let payload: Payload
let api: LooseApi
const ids: Record<string, string> = {}
const users: Record<string, Awaited<ReturnType<typeof createUser>>> = {}

const soon = () => new Date(Date.now() + 86_400_000).toISOString()

/** A publication that went out at `publishedAt` (the dispatcher's write, done directly). */
async function published(unit: 'A' | 'B', publishedAt: string, status = 'published') {
  const pub = await api.create({
    collection: 'publications',
    data: {
      content: { relationTo: 'articles', value: ids[`article${unit}`] },
      channel: ids[`channel${unit}`],
      scheduledAt: soon(),
    },
    overrideAccess: true,
  })
  await payload.db.updateOne({
    collection: 'publications',
    id: pub.id,
    data: { status, publishedAt },
    returning: false,
  })
  return String(pub.id)
}

const observations = async (publication: string) =>
  (
    await payload.find({
      collection: 'engagement-observations',
      where: { publication: { equals: publication } },
      sort: 'observedAt',
      overrideAccess: true,
      depth: 0,
    })
  ).docs

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p
  } catch (err) {
    const e = err as { message: string; data?: { errors?: { message: string; path: string }[] } }
    return e.data?.errors?.map((x) => `${x.path}: ${x.message}`).join(' | ') ?? e.message
  }
  throw new Error('expected a refusal')
}

beforeAll(async () => {
  payload = await testPayload()
  api = loose(payload)
  const a = await createUnit(payload, 'Báo Bến Tre', 'newspaper')
  const b = await createUnit(payload, 'Đài PT-TH Bến Tre', 'radio-tv')
  ids.unitA = String(a.id)
  ids.unitB = String(b.id)
  users.editor = await createUser(payload, 'editor', a.id)
  users.manager = await createUser(payload, 'campaign-manager', null)
  users.viewer = await createUser(payload, 'viewer', null)
  for (const u of ['A', 'B'] as const) {
    const unit = ids[`unit${u}`]
    ids[`channel${u}`] = String(
      (
        await api.create({
          collection: 'channels',
          data: { name: `Trang Facebook ${u}`, kind: 'feed', ownerUnit: unit },
          overrideAccess: true,
        })
      ).id,
    )
    ids[`article${u}`] = String(
      (
        await api.create({
          collection: 'articles',
          data: { title: `Tin chuyển đổi số ${u}`, ownerUnit: unit, _status: 'published' },
          overrideAccess: true,
        })
      ).id,
    )
  }
})

describe('trainings', () => {
  const course = (extra: Record<string, unknown>) => ({
    title: 'Lớp bồi dưỡng kỹ năng số cho cán bộ xã',
    ownerUnit: ids.unitA,
    status: 'held',
    startsOn: '2026-03-02T00:00:00+07:00',
    endsOn: '2026-03-04T00:00:00+07:00',
    ...extra,
  })

  it('stores trainees by programme and unit type within the course total', async () => {
    const doc = await api.create({
      collection: 'trainings',
      data: course({
        totalTrainees: 45,
        trainees: [
          { programme: 'dx-staff', unitKind: 'commune', count: 30 },
          { programme: 'leaders', unitKind: 'district', count: 15 },
        ],
      }),
      user: users.editor,
      overrideAccess: false,
      depth: 0,
    })
    expect(doc.trainees?.map((t: { count: number }) => t.count)).toEqual([30, 15])
    expect(doc.ownerUnit).toBe(ids.unitA)
  })

  it('refuses rows that add up to more than the course total, in Vietnamese, and saves nothing', async () => {
    const before = (await payload.count({ collection: 'trainings', overrideAccess: true }))
      .totalDocs
    const message = await errorOf(
      api.create({
        collection: 'trainings',
        data: course({
          totalTrainees: 40,
          trainees: [
            { programme: 'dx-staff', unitKind: 'commune', count: 30 },
            { programme: 'citizens', unitKind: 'commune', count: 15 },
          ],
        }),
        user: users.editor,
        overrideAccess: false,
      }),
    )
    expect(message).toContain(
      'Tổng số học viên theo chương trình (45) vượt tổng số học viên của khóa (40)',
    )
    expect((await payload.count({ collection: 'trainings', overrideAccess: true })).totalDocs).toBe(
      before,
    )
  })

  it('refuses negative and fractional counts, a held course without a total, and another unit', async () => {
    expect(
      await errorOf(
        api.create({
          collection: 'trainings',
          data: course({ totalTrainees: -3 }),
          overrideAccess: true,
        }),
      ),
    ).toContain('số nguyên không âm')
    expect(
      await errorOf(
        api.create({
          collection: 'trainings',
          data: course({
            totalTrainees: 10,
            trainees: [{ programme: 'leaders', unitKind: 'province', count: 2.5 }],
          }),
          overrideAccess: true,
        }),
      ),
    ).toContain('số nguyên không âm')
    expect(
      await errorOf(
        api.create({ collection: 'trainings', data: course({}), overrideAccess: true }),
      ),
    ).toContain('Khóa đã tổ chức cần có tổng số học viên')
    expect(
      await errorOf(
        api.create({
          collection: 'trainings',
          data: course({ ownerUnit: ids.unitB, totalTrainees: 5 }),
          user: users.editor,
          overrideAccess: false,
        }),
      ),
    ).toContain('đơn vị mình')
  })
})

describe('engagement observations', () => {
  it('keeps every observation of a publication (growth), copying its unit and channel', async () => {
    const pub = await published('A', '2026-05-01T02:00:00.000Z')
    await api.create({
      collection: 'engagement-observations',
      data: { publication: pub, observedAt: '2026-05-02T02:00:00.000Z', views: 1200, reach: 3000 },
      user: users.editor,
      overrideAccess: false,
    })
    await api.create({
      collection: 'engagement-observations',
      data: {
        publication: pub,
        observedAt: '2026-05-09T02:00:00.000Z',
        views: 2500,
        reach: 5100,
        shares: 40,
      },
      user: users.editor,
      overrideAccess: false,
    })
    const rows = await observations(pub)
    expect(rows.map((r) => [r.views, r.reach, r.shares ?? null])).toEqual([
      [1200, 3000, null],
      [2500, 5100, 40],
    ])
    expect(rows[0]).toMatchObject({
      ownerUnit: ids.unitA,
      channel: ids.channelA,
      channelName: 'Trang Facebook A',
      publicationTitle: 'Tin chuyển đổi số A',
      source: 'manual',
    })
  })

  it('refuses figures for a publication not yet published, negative figures, an empty observation and another unit', async () => {
    const waiting = await published('A', '2026-05-01T02:00:00.000Z', 'scheduled')
    const out = await published('A', '2026-05-01T02:00:00.000Z')
    const other = await published('B', '2026-05-01T02:00:00.000Z')
    const make = (publication: string, figures: Record<string, unknown>) =>
      api.create({
        collection: 'engagement-observations',
        data: { publication, observedAt: '2026-05-03T00:00:00.000Z', ...figures },
        user: users.editor,
        overrideAccess: false,
      })
    expect(await errorOf(make(waiting, { views: 10 }))).toContain(
      'chưa được đăng (Đã lên lịch) nên chưa có số liệu tương tác',
    )
    expect(await errorOf(make(out, { views: -1 }))).toContain('số nguyên không âm')
    expect(await errorOf(make(out, {}))).toContain('Cần nhập ít nhất một số liệu')
    expect(await errorOf(make(other, { views: 5 }))).toContain('thuộc đơn vị khác')
    expect(await observations(waiting)).toHaveLength(0)
    expect(await observations(out)).toHaveLength(0)
    expect(await observations(other)).toHaveLength(0)
  })
})

describe('engagement CSV import', () => {
  const upload = async (user: object | null, csv: string) => {
    const req = (await createLocalReq(
      { user: (user ?? undefined) as never },
      payload,
    )) as PayloadRequest
    req.headers = new Headers({ 'content-type': 'text/csv; charset=utf-8' })
    req.text = async () => csv
    const res = await importEngagementCsv.handler(req)
    return {
      status: res.status,
      body: (await res.json()) as {
        created?: number
        skippedLines?: number[]
        message?: string
        errors?: { message: string; line?: number }[]
      },
    }
  }

  it('imports a file with BOM, semicolons and Vietnamese thousands separators, and skips blank template rows', async () => {
    const p1 = await published('A', '2026-06-01T01:00:00.000Z')
    const p2 = await published('A', '2026-06-02T01:00:00.000Z')
    const csv = `\ufeffMã lịch đăng;Nội dung;Kênh;Ngày ghi nhận;Lượt xem;Lượt tiếp cận;Bình luận\n${p1};Tin A;Trang;05/06/2026;1.234.567;2.000.000;12\n${p2};Tin B;Trang;06/06/2026 08:30;;;\n`
    const { status, body } = await upload(users.editor, csv)
    expect(status).toBe(201)
    expect(body).toMatchObject({ created: 1, skippedLines: [3] })
    const [row] = await observations(p1)
    expect(row).toMatchObject({ views: 1234567, reach: 2000000, comments: 12, source: 'csv' })
    // 05/06/2026 with no time means as at the end of that day in Vietnam.
    expect(row.observedAt).toBe('2026-06-05T16:59:00.000Z')
  })

  it('refuses the whole file when one line is bad, naming every bad line, and saves nothing', async () => {
    const ok = await published('A', '2026-06-01T01:00:00.000Z')
    const waiting = await published('A', '2026-06-01T01:00:00.000Z', 'scheduled')
    const csv = [
      'Mã lịch đăng,Ngày ghi nhận,Lượt xem,Lượt chia sẻ',
      `${ok},07/06/2026,100,3`,
      `${ok},31/02/2026,100,3`,
      `${waiting},07/06/2026,5,0`,
      `${ok},07/06/2026,-4,1`,
      `khong-co,07/06/2026,1,1`,
    ].join('\r\n')
    const { status, body } = await upload(users.editor, csv)
    expect(status).toBe(400)
    expect(body.message).toContain('chưa lưu dòng nào')
    expect(body.errors?.map((e) => e.line)).toEqual([3, 4, 5, 6])
    expect(body.errors?.[0].message).toContain('Dòng 3: Ngày ghi nhận "31/02/2026" không hợp lệ')
    expect(body.errors?.[1].message).toContain('chưa được đăng')
    expect(body.errors?.[2].message).toContain('"-4" không phải số nguyên không âm')
    expect(body.errors?.[3].message).toContain('Không có lịch đăng mã "khong-co"')
    expect(await observations(ok)).toHaveLength(0)
  })

  it('refuses wrong columns with line 1, and anonymous or viewer uploads', async () => {
    const wrong = await upload(users.editor, 'Mã bài,Ngày,Views\nx,01/01/2026,1\n')
    expect(wrong.status).toBe(400)
    expect(wrong.body.errors?.[0].message).toContain(
      'Dòng 1: Cột không nhận ra: "Mã bài", "Ngày", "Views"',
    )
    expect(wrong.body.errors?.map((e) => e.message).join(' ')).toContain(
      'Thiếu cột bắt buộc: "Mã lịch đăng", "Ngày ghi nhận"',
    )
    expect((await upload(null, 'x')).status).toBe(401)
    expect((await upload(users.viewer, 'x')).status).toBe(403)
  })

  it('gives a template (UTF-8 with BOM) listing the unit’s published publications, which imports once filled in', async () => {
    const pub = await published('A', new Date(Date.now() - 3 * 86_400_000).toISOString())
    const otherUnit = await published('B', new Date(Date.now() - 3 * 86_400_000).toISOString())
    const req = (await createLocalReq({ user: users.editor as never }, payload)) as PayloadRequest
    const res = await engagementTemplate.handler(req)
    expect(res.headers.get('content-type')).toContain('text/csv')
    const bytes = Buffer.from(await res.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.subarray(3).toString('utf8').trim().split('\n')
    expect(lines[0]).toBe(
      'Mã lịch đăng,Nội dung,Kênh,Ngày ghi nhận,Lượt xem,Lượt tiếp cận,"Lượt tương tác (thích, cảm xúc)",Lượt chia sẻ,Bình luận,Thời gian xem (giây)',
    )
    const mine = lines.find((l) => l.startsWith(pub))
    expect(mine).toBeDefined()
    expect(lines.some((l) => l.startsWith(otherUnit))).toBe(false)
    const filled = `${lines[0]}\n${mine!.replace(/,,,,,,$/, ',500,900,20,5,2,3600')}`
    const { status, body } = await upload(users.editor, filled)
    expect(body.errors ?? []).toEqual([])
    expect(status).toBe(201)
    expect(body.created).toBe(1)
    expect((await observations(pub))[0]).toMatchObject({
      views: 500,
      reach: 900,
      reactions: 20,
      shares: 5,
      comments: 2,
      watchTimeSeconds: 3600,
    })
  })
})

describe('a campaign’s training plan', () => {
  it('computes the need by unit type from units × need per unit: 473 experts, 3,945 trainees', () => {
    const plan = computeTrainingPlan(BEN_TRE_PLAN as never, BEN_TRE_UNITS)
    expect(plan.needs.map((n) => [n.unitKind, n.experts, n.trainees])).toEqual([
      ['province', 7, 50],
      ['district', 45, 900],
      ['dic', 7, 40],
      ['department', 100, 600],
      ['commune', 314, 2355],
    ])
    expect(plan.needTotals).toEqual({ experts: 473, trainees: 3945, all: 4418 })
  })

  it('computes the yearly rows from the detail rows and shows where the printed row 2 disagrees', () => {
    const plan = computeTrainingPlan(BEN_TRE_PLAN as never, BEN_TRE_UNITS)
    expect([...plan.subtotals['short-courses'].byYear.values()]).toEqual([220, 880, 880, 880, 1085])
    expect(plan.subtotals['short-courses'].total).toBe(3945)
    expect([...plan.subtotals['grand-total'].byYear.values()]).toEqual([270, 980, 980, 980, 1208])
    expect(plan.subtotals['grand-total'].total).toBe(4418)
    expect(plan.disagreements).toEqual([
      { row: 'short-courses', year: 2021, typed: 120, computed: 220 },
      { row: 'short-courses', year: 2022, typed: 890, computed: 880 },
      { row: 'short-courses', year: 2023, typed: 890, computed: 880 },
      { row: 'short-courses', year: 2024, typed: 890, computed: 880 },
    ])
  })

  it('stores the plan as data, disagreeing subtotal included, and refuses a target year outside the campaign', async () => {
    const base = {
      name: 'Kế hoạch 2021-2025 Bến Tre',
      startsOn: '2021-01-01T00:00:00+07:00',
      endsOn: '2025-12-31T00:00:00+07:00',
      leadUnit: ids.unitA,
    }
    const saved = await api.create({
      collection: 'campaigns',
      data: { ...base, ...BEN_TRE_PLAN } as never,
      user: users.manager,
      overrideAccess: false,
    })
    expect(saved.typedSubtotals).toHaveLength(8)
    const message = await errorOf(
      api.create({
        collection: 'campaigns',
        data: {
          ...base,
          name: 'Sai năm',
          kpiTargets: [{ metric: 'trainees', year: 2030, target: 10 }],
        } as never,
        user: users.manager,
        overrideAccess: false,
      }),
    )
    expect(message).toBe(
      'kpiTargets.0.year: Chỉ tiêu, dòng 1: năm 2030 nằm ngoài thời gian của chiến dịch (2021–2025).',
    )
    expect(
      (
        await payload.count({
          collection: 'campaigns',
          where: { name: { equals: 'Sai năm' } },
          overrideAccess: true,
        })
      ).totalDocs,
    ).toBe(0)
  })
})

describe('trainings against plan on the reports page', () => {
  it('sums the year’s held courses per programme against the campaigns’ targets, per unit when asked', async () => {
    const campaign = await api.create({
      collection: 'campaigns',
      overrideAccess: true,
      data: {
        name: 'Kế hoạch 2027',
        startsOn: '2027-01-01T00:00:00+07:00',
        endsOn: '2027-12-31T00:00:00+07:00',
        leadUnit: ids.unitA,
        traineeTargets: [
          { programme: 'leaders', year: 2027, target: 100 },
          { programme: 'citizens', year: 2027, target: 500 },
        ],
      },
    })
    const course = (
      unit: string,
      startsOn: string,
      status: string,
      trainees: { programme: string; unitKind: string; count: number }[],
    ) =>
      api.create({
        collection: 'trainings',
        overrideAccess: true,
        data: {
          title: 'Lớp',
          ownerUnit: unit,
          campaign: campaign.id,
          status,
          startsOn,
          totalTrainees: 1000,
          trainees,
        },
      })
    await course(ids.unitA, '2027-03-01T00:00:00+07:00', 'held', [
      { programme: 'leaders', unitKind: 'district', count: 40 },
      { programme: 'citizens', unitKind: 'commune', count: 120 },
    ])
    await course(ids.unitB, '2027-12-31T00:00:00+07:00', 'held', [
      { programme: 'citizens', unitKind: 'commune', count: 80 },
      { programme: 'students', unitKind: 'other', count: 30 },
    ])
    // Not counted: planned only, and one held on 1 January 2028 (Vietnam time).
    await course(ids.unitA, '2027-06-01T00:00:00+07:00', 'planned', [
      { programme: 'leaders', unitKind: 'district', count: 999 },
    ])
    await course(ids.unitA, '2028-01-01T00:00:00+07:00', 'held', [
      { programme: 'leaders', unitKind: 'district', count: 999 },
    ])
    const req = (await createLocalReq({ user: users.manager as never }, payload)) as PayloadRequest
    const all = await loadTrainingsAgainstPlan(req, {
      year: 2027,
      campaign: String(campaign.id),
      unit: null,
    })
    // Worked out by hand: leaders 40 of 100; citizens 120 + 80 = 200 of 500; students 30 of none
    // planned; and what the totals count beyond the rows: (1000 - 160) + (1000 - 110) = 1730.
    expect(all).toEqual([
      { programme: 'Bồi dưỡng ngắn hạn: lãnh đạo, quản lý chủ chốt', planned: 100, actual: 40 },
      { programme: 'Người dân', planned: 500, actual: 200 },
      { programme: 'Học sinh, sinh viên', planned: 0, actual: 30 },
      { programme: 'Chưa phân theo chương trình', planned: 0, actual: 1730 },
    ])
    expect(all!.reduce((n, r) => n + r.actual, 0)).toBe(2000)
    const unitB = await loadTrainingsAgainstPlan(req, {
      year: 2027,
      campaign: String(campaign.id),
      unit: ids.unitB,
    })
    expect(unitB?.map((r) => r.actual)).toEqual([0, 80, 30, 890])
  })
})
