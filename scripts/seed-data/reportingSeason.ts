/**
 * The demo's reporting season (issue 18): the units' yearly reports in every state of the
 * submission board, a frozen snapshot and the province's generated draft report, so the board
 * (/admin/submissions), the export's report-status sheet and the export page (/admin/export) show
 * real data on first start. The season is the latest year whose units' deadline passed at least
 * three days ago (a late submission lies between the deadline and today). Idempotent: a unit that
 * has its report, or a year that has its draft report, is left as it is.
 */
import type { Payload } from 'payload'
import { vnDayKey } from '@/lib/time'
import { generateProvinceReport } from '@/reporting/export/generate'
import { deadlinePassesAt, deadlinesOf } from '@/reporting/unitReports/deadlines'
import {
  GeneratedReportKind,
  REPORTING_UNIT_KINDS,
  Role,
  UnitReportStatus,
  type SubmissionState,
} from '@/vocabulary'

const DAY = 86_400_000

/** The demo's story, by unit (short name), in the order the states are handed out. */
const STORY: {
  unit: string
  state: Exclude<SubmissionState, 'not-started'>
  results: string
  returnReason?: string
}[] = [
  {
    unit: 'Báo Tây Ninh',
    state: 'returned',
    results:
      'Đăng 412 tin, bài về chuyển đổi số; mở chuyên mục "Chuyển đổi số" trên báo in và báo điện tử.',
    returnReason:
      'Thiếu số liệu lượt xem trên mạng xã hội quý IV; đề nghị bổ sung và nộp lại trước 10/12.',
  },
  {
    unit: 'Đài PT-TH Tây Ninh',
    state: 'draft',
    results: 'Sản xuất 48 phóng sự và 24 chương trình đối thoại về chuyển đổi số (đang tổng hợp).',
  },
  {
    unit: 'Sở NV',
    state: 'accepted',
    results: 'Tổ chức 6 lớp bồi dưỡng kỹ năng số cho 420 cán bộ, công chức.',
  },
  {
    unit: 'Sở TC',
    state: 'on-time',
    results: 'Giải ngân 92% kinh phí tuyên truyền chuyển đổi số được giao.',
  },
  {
    unit: 'Sở GD&ĐT',
    state: 'late',
    results: 'Lồng ghép nội dung chuyển đổi số vào hoạt động ngoại khoá tại 120 trường học.',
  },
]

/** The season's year: the latest whose units' deadline (default 30/11) passed 3 days ago or more. */
export async function seasonYear(payload: Payload, now: Date) {
  const thisYear = Number(vnDayKey(now).slice(0, 4))
  const d = await deadlinesOf(payload, thisYear)
  return now.getTime() >= deadlinePassesAt(d.units).getTime() + 2 * DAY ? thisYear : thisYear - 1
}

export async function seedReportingSeason(payload: Payload, now = new Date()): Promise<string> {
  const year = await seasonYear(payload, now)
  const deadline = deadlinePassesAt((await deadlinesOf(payload, year)).units).getTime()
  const units = await payload.find({
    collection: 'units',
    where: { kind: { in: [...REPORTING_UNIT_KINDS] } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const manager = (
    await payload.find({
      collection: 'users',
      where: { role: { equals: Role.CampaignManager } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
  ).docs[0]
  let created = 0
  for (const [i, story] of STORY.entries()) {
    const unit = units.docs.find((u) => u.shortName === story.unit)
    if (!unit) continue
    const exists = await payload.count({
      collection: 'unit-reports',
      where: { and: [{ ownerUnit: { equals: unit.id } }, { year: { equals: year } }] },
      overrideAccess: true,
    })
    if (exists.totalDocs) continue
    // A draft through the Local API (the title and the figures filled by the hooks), then the
    // workflow's outcome written through the adapter: the workflow stamps submissions with "now",
    // and the demo needs some before the deadline and one after.
    const report = await payload.create({
      collection: 'unit-reports',
      overrideAccess: true,
      data: {
        ownerUnit: unit.id,
        year,
        results: story.results,
        difficulties: 'Kinh phí còn hạn chế; nhân lực phụ trách chuyển đổi số kiêm nhiệm.',
        proposals: 'Đề nghị tỉnh bố trí kinh phí tập huấn kỹ năng số năm sau.',
      } as never,
    })
    created++
    if (story.state === 'draft') continue
    const editor = (
      await payload.find({
        collection: 'users',
        where: { and: [{ role: { equals: Role.Editor } }, { unit: { equals: unit.id } }] },
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
    ).docs[0]
    // On time: some days before the deadline, one unit after another; late: a day after it.
    const submittedAt = new Date(
      story.state === 'late' ? deadline + DAY : deadline - (6 - i) * DAY - 3 * 3_600_000,
    )
    const reviewed = story.state === 'accepted' || story.state === 'returned'
    await payload.db.updateOne({
      collection: 'unit-reports',
      id: report.id,
      data: {
        status:
          story.state === 'accepted'
            ? UnitReportStatus.Accepted
            : story.state === 'returned'
              ? UnitReportStatus.Returned
              : UnitReportStatus.Submitted,
        submittedAt: submittedAt.toISOString(),
        submittedBy: editor?.id ?? null,
        reviewedAt: reviewed ? new Date(submittedAt.getTime() + DAY).toISOString() : null,
        reviewedBy: reviewed ? (manager?.id ?? null) : null,
        returnReason: story.returnReason ?? null,
      },
      returning: false,
    })
  }
  // The province's draft report (it freezes the year first: the snapshot the export page shows).
  const drafts = await payload.count({
    collection: 'generated-reports',
    where: {
      and: [{ year: { equals: year } }, { kind: { equals: GeneratedReportKind.Draft } }],
    },
    overrideAccess: true,
  })
  if (!drafts.totalDocs) await generateProvinceReport(payload, year, GeneratedReportKind.Draft)
  return `Mùa báo cáo năm ${year}: ${created} báo cáo đơn vị mới (${STORY.length} trạng thái), ${
    drafts.totalDocs
      ? 'dự thảo báo cáo của tỉnh đã có'
      : 'đã chốt số liệu và lập dự thảo báo cáo của tỉnh'
  }.`
}
