/**
 * Units' yearly reports: figures pre-filled from the rollup of the hand-known dataset (see
 * tests/int/rollup.test.ts for how each total was worked out), the workflow draft → submitted →
 * returned → draft → submitted → accepted with who may do what, and the deadlines' rules. Every
 * refusal is a Vietnamese message and leaves the stored report as it was.
 */
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { rebuildYear } from '@/reporting/engine'
import { deadlinesOf } from '@/reporting/unitReports/deadlines'
import { dashboardCounters, kpiMetrics, metrics, traineeProgrammeMetric } from '@/vocabulary'
import { attempt, loose, type Doc, type LooseApi } from '../helpers/accessMatrix'
import { createUser } from '../helpers/fixtures'
import { testPayload } from '../helpers/payload'
import { handDataset } from '../helpers/rollup'

let payload: Payload
let api: LooseApi
let id: Record<string, string>
const u: Record<string, Doc> = {}

beforeAll(async () => {
  payload = await testPayload()
  api = loose(payload)
  id = await handDataset(payload)
  await payload.update({
    collection: 'campaigns',
    id: id.C1,
    overrideAccess: true,
    data: {
      kpiTargets: [
        { metric: 'items-published', year: 2026, target: 5 },
        { metric: 'broadcasts-aired', year: 2026, target: 4 },
      ],
    } as never,
  })
  await rebuildYear(payload, 2026)
  u.editor1 = (await createUser(payload, 'editor', id.U1)) as unknown as Doc
  u.contributor1 = (await createUser(payload, 'contributor', id.U1)) as unknown as Doc
  u.editor2 = (await createUser(payload, 'editor', id.U2)) as unknown as Doc
  u.manager = (await createUser(payload, 'campaign-manager', null)) as unknown as Doc
  u.admin = (await createUser(payload, 'admin', null)) as unknown as Doc
}, 120_000)

const as = (who: string) => ({ user: u[who], overrideAccess: false })
const stored = (reportId: string) =>
  api.findByID({ collection: 'unit-reports', id: reportId, overrideAccess: true })
const save = (who: string, reportId: string, data: Record<string, unknown>) =>
  attempt(() => api.update({ collection: 'unit-reports', id: reportId, ...as(who), data }))
/** The refusal's message, with a ValidationError's per-field messages (what the admin shows). */
const messageOf = (r: { ok: boolean; error?: unknown }) => {
  if (r.ok) return ''
  const err = r.error as Error & { data?: { errors?: { message: string }[] } }
  return [err.message, ...(err.data?.errors ?? []).map((e) => e.message)].join(' | ')
}

describe('a unit report pre-filled from the totals', () => {
  it("holds U1's 2026 figures as the rollup counts them", async () => {
    const report = await api.create({
      collection: 'unit-reports',
      ...as('editor1'),
      data: { year: 2026, results: 'Đã đăng tin bài, phát sóng và tổ chức hội nghị.' },
    })
    expect(report.title).toBe('Báo cáo năm 2026 – Báo Tây Ninh')
    expect(String(report.ownerUnit?.id ?? report.ownerUnit)).toBe(id.U1)
    expect(report.status).toBe('draft')
    const figure = (label: string) =>
      report.figures.find((f: { label: string }) => f.label === label)
    const value = (label: string) => figure(label)?.value
    expect(value(dashboardCounters.label('content-published'))).toBe(1)
    expect(value(dashboardCounters.label('publications-published'))).toBe(2)
    expect(value(dashboardCounters.label('broadcasts-aired'))).toBe(1)
    expect(value(dashboardCounters.label('broadcast-minutes'))).toBe(5)
    expect(value(dashboardCounters.label('loudspeaker-broadcasts'))).toBe(0)
    expect(value(dashboardCounters.label('events-held'))).toBe(1)
    expect(value(dashboardCounters.label('participants'))).toBe(120)
    expect(value(dashboardCounters.label('budget-planned'))).toBe(100_000_000)
    expect(value(dashboardCounters.label('budget-spent'))).toBe(40_000_000)
    expect(value(metrics.label('trainings-held'))).toBe(1)
    expect(value(metrics.label('trainees'))).toBe(40)
    expect(value(metrics.label(traineeProgrammeMetric('dx-staff')))).toBe(25)
    expect(value(metrics.label(traineeProgrammeMetric('leaders')))).toBe(10)
    expect(figure(metrics.label(traineeProgrammeMetric('citizens')))).toBeUndefined()
    expect(value(metrics.label('engagement-reach'))).toBe(1000)
    expect(value(metrics.label('engagement-views'))).toBe(0)
    // Against C1's targets: U1's share of C1's published items (A1) and broadcasts (P2).
    const targets = report.figures.filter((f: { group: string }) => f.group === 'targets')
    const c1 = 'Chiến dịch tuyên truyền CĐS 2026'
    expect(targets.map((t: Doc) => [t.label, t.value, t.target])).toEqual([
      [`${c1}: ${kpiMetrics.label('items-published')}`, 1, 5],
      [`${c1}: ${kpiMetrics.label('broadcasts-aired')}`, 1, 4],
    ])
  })
})

describe('the workflow: draft → submitted → returned → draft → submitted → accepted', () => {
  let reportId: string
  beforeAll(async () => {
    reportId = (
      await api.create({
        collection: 'unit-reports',
        ...as('editor2'),
        data: { year: 2026, results: 'Phát sóng trên loa truyền thanh.' },
      })
    ).id
  })

  it('refuses a second report of the same unit and year', async () => {
    const again = await attempt(() =>
      api.create({ collection: 'unit-reports', ...as('editor2'), data: { year: 2026 } }),
    )
    expect(messageOf(again)).toMatch(/Đơn vị đã có báo cáo năm 2026/)
  })

  it('only the unit’s editors submit; campaign managers cannot submit for them', async () => {
    const byManager = await save('manager', reportId, { status: 'submitted' })
    expect(messageOf(byManager)).toMatch(/Chỉ biên tập viên của đơn vị mới được nộp/)
    expect((await stored(reportId)).status).toBe('draft')
    const accepted = await save('manager', reportId, { status: 'accepted' })
    expect(messageOf(accepted)).toMatch(/Chỉ chấp nhận hoặc trả lại được báo cáo đã nộp/)
    const submitted = await save('editor2', reportId, { status: 'submitted' })
    expect(submitted.ok, messageOf(submitted)).toBe(true)
    const doc = await stored(reportId)
    expect(doc.status).toBe('submitted')
    expect(doc.submittedAt).toBeTruthy()
    expect(String(doc.submittedBy?.id ?? doc.submittedBy)).toBe(String(u.editor2.id))
    // U2's figures at submission: V1 published, 4 publications, 2 loudspeaker broadcasts of 4 minutes.
    const value = (label: string) =>
      doc.figures.find((f: { label: string }) => f.label === label)?.value
    expect(value(dashboardCounters.label('content-published'))).toBe(2)
    expect(value(dashboardCounters.label('loudspeaker-broadcasts'))).toBe(2)
    expect(value(dashboardCounters.label('broadcast-minutes'))).toBe(4)
  })

  it('a submitted report is read-only for the unit, and Sở TT&TT cannot rewrite it', async () => {
    const before = await stored(reportId)
    const byEditor = await save('editor2', reportId, { results: 'Sửa sau khi nộp' })
    expect(messageOf(byEditor)).toMatch(/Báo cáo đã nộp, đang chờ Sở TT&TT xem xét/)
    const backToDraft = await save('editor2', reportId, { status: 'draft' })
    expect(backToDraft.ok).toBe(false)
    const byManager = await save('manager', reportId, { results: 'Sở sửa giúp' })
    expect(messageOf(byManager)).toMatch(/chỉ có thể chấp nhận hoặc trả lại/)
    const otherUnit = await save('editor1', reportId, { results: 'Đơn vị khác' })
    expect(otherUnit.ok).toBe(false)
    const after = await stored(reportId)
    expect(after.results).toBe(before.results)
    expect(after.status).toBe('submitted')
    expect(after.updatedAt).toBe(before.updatedAt)
  })

  it('a return needs a reason; the unit then edits it as a draft and submits again', async () => {
    const noReason = await save('manager', reportId, { status: 'returned' })
    expect(messageOf(noReason)).toMatch(/lý do trả lại/i)
    expect((await stored(reportId)).status).toBe('submitted')
    const byEditor = await save('editor2', reportId, { status: 'returned', returnReason: 'x' })
    expect(byEditor.ok).toBe(false)
    const returned = await save('manager', reportId, {
      status: 'returned',
      returnReason: 'Bổ sung số liệu tương tác trên mạng xã hội.',
    })
    expect(returned.ok, messageOf(returned)).toBe(true)
    expect((await stored(reportId)).reviewedBy).toBeTruthy()

    const edited = await save('editor2', reportId, {
      difficulties: 'Thiếu nhân lực cập nhật số liệu.',
    })
    expect(edited.ok, messageOf(edited)).toBe(true)
    const draft = await stored(reportId)
    expect(draft.status).toBe('draft')
    expect(draft.returnReason).toBe('Bổ sung số liệu tương tác trên mạng xã hội.')
    // The unit cannot rewrite the reason it was given.
    await save('editor2', reportId, { returnReason: 'Không có gì' })
    expect((await stored(reportId)).returnReason).toBe(
      'Bổ sung số liệu tương tác trên mạng xã hội.',
    )
    const contributor = await attempt(() =>
      api.update({
        collection: 'unit-reports',
        id: reportId,
        user: u.contributor1,
        overrideAccess: false,
        data: { status: 'submitted' },
      }),
    )
    expect(contributor.ok).toBe(false)
    expect((await save('editor2', reportId, { status: 'submitted' })).ok).toBe(true)
  })

  it('only Sở TT&TT accepts; an accepted report cannot be edited by anybody', async () => {
    const byEditor = await save('editor2', reportId, { status: 'accepted' })
    expect(byEditor.ok).toBe(false)
    const accepted = await save('manager', reportId, { status: 'accepted' })
    expect(accepted.ok, messageOf(accepted)).toBe(true)
    const before = await stored(reportId)
    for (const who of ['admin', 'manager', 'editor2']) {
      const edit = await save(who, reportId, { proposals: 'Sửa sau khi chấp nhận' })
      expect(edit.ok).toBe(false)
      if (who !== 'editor2') expect(messageOf(edit)).toMatch(/đã được chấp nhận nên không thể sửa/)
    }
    const reopen = await save('manager', reportId, { status: 'returned', returnReason: 'Mở lại' })
    expect(reopen.ok).toBe(false)
    const after = await stored(reportId)
    expect(after.status).toBe('accepted')
    expect(after.proposals ?? null).toBe(before.proposals ?? null)
  })
})

describe('deadlines', () => {
  it('default to 30/11 for units and 15/12 for the province', async () => {
    expect(await deadlinesOf(payload, 2031)).toEqual({
      year: 2031,
      units: '2031-11-30',
      province: '2031-12-15',
      draft: '2031-12-01',
      configured: false,
      throughParent: false,
    })
  })

  it('are configurable per year (Vĩnh Long: 05/12), days in Vietnam time', async () => {
    await api.create({
      collection: 'report-deadlines',
      ...as('manager'),
      // 05/12 00:00 in Vietnam is still 04/12 in UTC: the day is Vietnam's.
      data: {
        year: 2032,
        unitsDueOn: '2032-12-04T17:00:00.000Z',
        provinceDueOn: '2032-12-15T05:00:00.000Z',
      },
    })
    const d = await deadlinesOf(payload, 2032)
    expect([d.units, d.province, d.configured]).toEqual(['2032-12-05', '2032-12-15', true])
  })

  it('refuse a deadline before the year starts, or the units’ after the province’s', async () => {
    const count = async () =>
      (await api.count({ collection: 'report-deadlines', overrideAccess: true })).totalDocs
    const before = await count()
    const early = await attempt(() =>
      api.create({
        collection: 'report-deadlines',
        ...as('manager'),
        data: {
          year: 2033,
          unitsDueOn: '2032-12-30T05:00:00.000Z',
          provinceDueOn: '2033-12-15T05:00:00.000Z',
        },
      }),
    )
    expect(messageOf(early)).toMatch(/không thể trước khi năm 2033 bắt đầu/)
    const crossed = await attempt(() =>
      api.create({
        collection: 'report-deadlines',
        ...as('manager'),
        data: {
          year: 2033,
          unitsDueOn: '2033-12-20T05:00:00.000Z',
          provinceDueOn: '2033-12-15T05:00:00.000Z',
        },
      }),
    )
    expect(messageOf(crossed)).toMatch(/phải trước hoặc cùng ngày/)
    expect(await count()).toBe(before)
  })
})
