import { frozenFacts } from '@/reporting/indicators/frozen'
import { indicatorSection, indicatorSheet } from '@/reporting/indicators/sheet'
import type { Payload } from 'payload'
import { vnDate } from '@/lib/time'
import {
  CHANNEL_METRICS,
  byChannel,
  byUnit,
  dashboardCells,
  kpiProgress,
  shareOfYearElapsed,
  UNIT_COLUMNS,
  yearCounters,
  yearTargets,
  type DashCell,
} from '../dashboard'
import { computeTrainingPlan, countUnitsByKind } from '../trainingPlan'
import { channelNames } from '../readCells'
import { figureRows } from '../unitReports/figures'
import { loadBoard } from '../unitReports/board'
import { snapshotCellPages, type UnitFilter } from '../snapshot'
import { unitTree } from '@/units/load'
import { restateCells } from '@/units/restate'
import { scanSnapshot, type YearFigures } from './scan'
import type { Column, ReportSection, Sheet, Value } from './shapes'
import { trainingTables } from './tables'
import { taskSheets } from '../tasks/sheets'
import {
  dashboardCounters,
  figureGroups,
  kpiStates,
  Metric,
  metrics,
  planSubtotals,
  submissionStates,
  trainingProgrammes,
  unitKinds,
  YEARLY_METRICS,
} from '@/vocabulary'

export type SnapshotInfo = {
  id: string
  year: number
  takenAt: string
  /** The newest change the snapshot includes (null: taken before this was recorded). */
  dataAsOf: string | null
  checksum: string
  cellCount: number
}
export type ExportModel = {
  /** The first year; `to` the last (the same for a yearly export). */
  year: number
  to: number
  /** "năm 2026", or "giai đoạn 2022-2025" for a period. */
  label: string
  /** The last year's snapshot; `snapshots` lists every year's. */
  snapshot: SnapshotInfo
  snapshots: SnapshotInfo[]
  /** Set when the export covers one unit's figures only (a unit's own export). */
  unit: { id: string; name: string } | null
  /** The figures of units merged or split since are shown under today's units. */
  restated?: boolean
  empty: boolean
  sheets: Sheet[]
  /**
   * The province report's tables that are not sheets (the .docx prints them after its summary, a
   * numbered heading per section; the XLSX has the same figures in its sheets): the trainings in
   * the annexe's two shapes. Left out of the JSON (its sheets hold the figures).
   */
  reportSections: ReportSection[]
}

const text = (header: string, width = 40): Column => ({ header, kind: 'text', width })
const int = (header: string, width = 16): Column => ({ header, kind: 'integer', width })
const dec = (header: string, width = 16): Column => ({ header, kind: 'decimal', width })
const pct = (header: string, width = 12): Column => ({ header, kind: 'percent', width })
const date = (header: string, width = 14): Column => ({ header, kind: 'date', width })

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1)
const round2 = (n: number) => Math.round(n * 100) / 100

/** Snapshot errors, in Vietnamese, for the CLI and the admin. */
export type { Column, ColumnKind, ReportSection, Sheet, Value } from './shapes'

export class ExportError extends Error {}

/** The snapshot asked for (by id), or the year's latest; a clear error when there is none. */
export async function findSnapshot(payload: Payload, which: { id?: string; year?: number }) {
  if (which.id) {
    const doc = await payload.findByID({
      collection: 'rollup-snapshots',
      id: which.id,
      overrideAccess: true,
      disableErrors: true,
      depth: 0,
    })
    if (!doc) throw new ExportError(`Không tìm thấy bản chốt số liệu "${which.id}".`)
    return doc
  }
  const found = await payload.find({
    collection: 'rollup-snapshots',
    where: { year: { equals: which.year } },
    sort: '-takenAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  if (!found.docs[0])
    throw new ExportError(
      `Năm ${which.year} chưa có bản chốt số liệu: hãy chốt số liệu năm trước khi xuất báo cáo.`,
    )
  return found.docs[0]
}

/**
 * Which units an export covers, and how: one unit (`unit`), the unit with every unit under it in
 * each year's tree (`subtree`), or all; and whether the figures are restated on today's units
 * (`restate`: predecessors summed into their successors; for the whole province only).
 */
export type ExportOptions = {
  unit?: string | null
  subtree?: boolean
  restate?: boolean
  onProgress?: (cells: number) => void
}

/** The export's unit filter of a year, and the restatement of its folded cells (or none). */
export async function exportScope(payload: Payload, options: ExportOptions) {
  const unit = options.unit ?? null
  if (options.restate && unit)
    throw new ExportError(
      'Quy về các đơn vị hiện nay chỉ áp dụng cho số liệu toàn tỉnh: bỏ chọn đơn vị, hoặc bỏ quy đổi.',
    )
  const tree = options.subtree || options.restate ? await unitTree(payload) : null
  return {
    unitsOf: (year: number): UnitFilter =>
      unit && options.subtree && tree ? tree.unitsUnderInYear(unit, year) : unit,
    restate: (f: YearFigures): YearFigures =>
      options.restate && tree ? { ...f, cells: restateCells(f.cells, tree) } : f,
  }
}

/** What every export reads besides the cells: campaigns (names, targets, plans), channel names, units per kind. */
async function context(payload: Payload, unit: string | null, subtree = false) {
  const [campaigns, names, unitCounts, unitDoc] = await Promise.all([
    payload.find({
      collection: 'campaigns',
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      sort: 'name',
    }),
    channelNames(payload),
    countUnitsByKind(payload),
    unit
      ? payload.findByID({
          collection: 'units',
          id: unit,
          depth: 0,
          overrideAccess: true,
          disableErrors: true,
        })
      : null,
  ])
  if (unit && !unitDoc) throw new ExportError(`Không tìm thấy đơn vị "${unit}".`)
  return {
    campaigns: campaigns.docs,
    campaignNames: new Map(campaigns.docs.map((c) => [String(c.id), c.name])),
    names,
    unitCounts,
    unit: unit
      ? {
          id: unit,
          name: `${unitDoc?.name ?? unit}${subtree ? ' và các đơn vị trực thuộc' : ''}`,
        }
      : null,
  }
}
type Context = Awaited<ReturnType<typeof context>>

const infoOf = (s: Awaited<ReturnType<typeof findSnapshot>>): SnapshotInfo => ({
  id: String(s.id),
  year: s.year,
  takenAt: String(s.takenAt),
  dataAsOf: s.dataAsOf ?? null,
  checksum: s.checksum ?? '',
  cellCount: s.cellCount ?? 0,
})

/**
 * One year's export tables from its frozen snapshot (`which.id`, or `which.year`'s latest; a
 * period is periodModel's, and exportModel in build.ts picks between the two). With
 * `options.unit` only that unit's figures (a unit's own export). A snapshot that does not exist:
 * an ExportError in Vietnamese.
 */
export async function yearModel(
  payload: Payload,
  which: { id?: string; year?: number },
  options: ExportOptions = {},
): Promise<ExportModel> {
  const unit = options.unit ?? null
  const scope = await exportScope(payload, options)
  const snapshot = await findSnapshot(payload, which)
  const [ctx, scanned] = await Promise.all([
    context(payload, unit, !!options.subtree),
    scanSnapshot(payload, String(snapshot.id), scope.unitsOf(snapshot.year), options.onProgress),
  ])
  const figures = scope.restate(scanned)
  const info = infoOf(snapshot)
  const label = `năm ${info.year}`
  const indicators = await indicatorSheet(payload, [info.year], unit, frozenFacts(snapshot))
  return {
    year: info.year,
    to: info.year,
    label,
    snapshot: info,
    snapshots: [info],
    unit: ctx.unit,
    restated: !!options.restate,
    empty: figures.count === 0,
    sheets: [
      ...(await yearSheets(payload, info, figures, ctx)),
      indicators,
      detailSheet(payload, [info], ctx, scope.unitsOf, options.onProgress),
    ],
    reportSections: [
      trainingSection(
        ctx,
        [{ year: info.year, cells: dashboardCells(figures.cells, null) }],
        label,
      ),
      ...indicatorSection(indicators),
    ],
  }
}

/** The report's section on trainings (tables.ts) over the years' folded cells. */
export const trainingSection = (
  ctx: Context,
  done: { year: number; cells: readonly DashCell[] }[],
  label: string,
): ReportSection => ({
  title: 'Đào tạo, bồi dưỡng',
  tables: trainingTables(ctx.campaigns, ctx.unitCounts, done, label),
})

export { context as exportContext, infoOf as snapshotInfo }
export type { Context as ExportContext }

/** The yearly tables of one snapshot's figures (every sheet but the detail rows). */
async function yearSheets(
  payload: Payload,
  snapshot: SnapshotInfo,
  figures: YearFigures,
  ctx: Context,
): Promise<Sheet[]> {
  const year = snapshot.year
  const all = figures.cells
  const cells = dashboardCells(all, null)
  const takenAt = snapshot.takenAt
  const campaigns = { docs: ctx.campaigns }
  const { names, unitCounts } = ctx
  // A past year is judged as a whole; the current one against the share elapsed when it was frozen.
  const share = shareOfYearElapsed(year, new Date(takenAt))
  const scope = { year, campaign: null, unit: ctx.unit?.id ?? null }
  const targets = yearTargets(campaigns.docs, year, names)
  const kpi = kpiProgress(targets, all, share, { unit: ctx.unit?.id ?? null })
  const title = (what: string) =>
    `${what} – năm ${year}${ctx.unit ? ` – ${ctx.unit.name}` : ''} (bản chốt ${vnDate(takenAt)})`

  const summary: Sheet = {
    name: 'Tổng hợp',
    title: title('TỔNG HỢP KẾT QUẢ TUYÊN TRUYỀN CHUYỂN ĐỔI SỐ'),
    columns: [text('Nhóm', 28), text('Chỉ số', 50), dec('Thực hiện', 18), dec('Chỉ tiêu', 18)],
    rows: figures.count
      ? figureRows(cells, kpi).map((r) => [figureGroups.label(r.group), r.label, r.value, r.target])
      : [['', `Năm ${year} chưa có số liệu nào trong bản chốt.`, null, null]],
  }

  const byCampaign: Sheet = {
    name: 'Theo chiến dịch',
    title: title('KẾT QUẢ THEO CHIẾN DỊCH'),
    columns: [text('Chiến dịch'), ...dashboardCountersColumns()],
    rows: campaigns.docs
      .map((c) => {
        const own = dashboardCells(all, String(c.id))
        return own.length ? [c.name, ...yearCounters(own, scope).map((k) => k.value)] : null
      })
      .filter((r) => r !== null) as Value[][],
  }

  const units: Sheet = {
    name: 'Theo đơn vị',
    title: title('KẾT QUẢ THEO ĐƠN VỊ'),
    columns: [
      text('Đơn vị'),
      ...UNIT_COLUMNS.map((c) => (c.metric === Metric.BroadcastMinutes ? dec : int)(c.label)),
    ],
    rows: byUnit(cells, scope).map((r) => [
      r.name,
      ...UNIT_COLUMNS.map((c) => r.figures[c.id].value),
    ]),
  }

  const channelSheet: Sheet = {
    name: 'Theo kênh',
    title: title('KẾT QUẢ THEO KÊNH'),
    columns: [
      text('Kênh'),
      text('Loại kênh', 20),
      ...CHANNEL_METRICS.map((m) => (m === Metric.BroadcastMinutes ? dec : int)(metrics.label(m))),
    ],
    rows: byChannel(cells, scope, names).map((r) => [
      r.name,
      r.kind,
      ...CHANNEL_METRICS.map((m) => r.figures[m].value),
    ]),
  }

  const monthly = figures.monthly
  const byMonth: Sheet = {
    name: 'Theo tháng',
    title: title('KẾT QUẢ THEO THÁNG'),
    columns: [text('Chỉ số', 50), ...MONTHS.map((m) => dec(`Tháng ${m}`, 11)), dec('Cả năm', 14)],
    rows: metrics.values
      .filter((m) => !YEARLY_METRICS.includes(m) && monthly.has(m))
      .map((m) => {
        const v = monthly.get(m)!.map(round2)
        return [metrics.label(m), ...MONTHS.map((i) => v[i]), round2(v.reduce((a, b) => a + b, 0))]
      }),
  }

  const trainings: Sheet = {
    name: 'Đào tạo',
    title: title('ĐÀO TẠO, BỒI DƯỠNG: KẾ HOẠCH VÀ THỰC HIỆN'),
    columns: [
      text('Nội dung', 50),
      text('Năm / loại', 16),
      dec('Số lượng', 14),
      text('Ghi chú', 60),
    ],
    rows: trainingRows(campaigns.docs, unitCounts, cells),
  }

  const kpiSheet: Sheet = {
    name: 'Chỉ tiêu KPI',
    title: title('TIẾN ĐỘ THỰC HIỆN CHỈ TIÊU'),
    columns: [
      text('Chiến dịch'),
      text('Chỉ tiêu', 40),
      dec('Kế hoạch'),
      dec('Thực hiện'),
      pct('Tỷ lệ (%)'),
      text('Đánh giá', 20),
    ],
    rows: kpi.map((k) => [
      k.campaignName,
      k.label,
      k.target,
      k.actual,
      k.percent,
      k.state ? kpiStates.label(k.state) : null,
    ]),
  }

  const budget: Sheet = {
    name: 'Kinh phí',
    title: title('KINH PHÍ (VNĐ)'),
    columns: [
      text('Chiến dịch'),
      int('Dự toán', 20),
      int('Đã chi', 20),
      pct('Tỷ lệ giải ngân (%)', 16),
    ],
    rows: campaigns.docs
      .map((c) => {
        const own = dashboardCells(all, String(c.id))
        const planned = own.reduce(
          (n, x) => (x.metric === Metric.BudgetPlanned ? n + x.value : n),
          0,
        )
        const spent = own.reduce((n, x) => (x.metric === Metric.BudgetSpent ? n + x.value : n), 0)
        return planned || spent
          ? [c.name, planned, spent, planned ? Math.round((spent / planned) * 1000) / 10 : null]
          : null
      })
      .filter((r) => r !== null) as Value[][],
  }

  const board = await loadBoard(payload, year)
  const status: Sheet = {
    name: 'Tình trạng báo cáo',
    title: `${title('TÌNH HÌNH NỘP BÁO CÁO CỦA CÁC ĐƠN VỊ')}: tỷ lệ báo cáo ${board.reportingRate}%, đúng hạn ${board.onTimeRate}%`,
    columns: [text('Đơn vị'), text('Tình trạng', 24), date('Ngày nộp')],
    rows: board.rows
      .filter((r) => !ctx.unit || r.unit === ctx.unit.id)
      .map((r) => [
        r.name,
        submissionStates.label(r.state),
        r.submittedAt ? new Date(r.submittedAt) : null,
      ]),
  }

  return [
    summary,
    byCampaign,
    units,
    channelSheet,
    byMonth,
    trainings,
    kpiSheet,
    budget,
    status,
    ...(await taskSheets(payload, year, year, ctx.unit?.id ?? null, title)),
  ]
}

/**
 * Cells per page of the detail rows. Smaller than the snapshot's usual page: a page and the rows
 * made of it live until they are written and compressed, long enough to outlive the young
 * generation's collections; 5,000 at a time left ~150 MB of them in the old generation between two
 * full collections (the bench's export: 520 MB at its peak, 361-378 MB with 1,000, no slower).
 */
const DETAIL_PAGE = 1000

/**
 * The detail rows: every frozen cell of the snapshots (a year column first for a period), read
 * and written a page at a time.
 */
export function detailSheet(
  payload: Payload,
  snapshots: SnapshotInfo[],
  ctx: Context,
  unitsOf: (year: number) => UnitFilter,
  onProgress?: (cells: number) => void,
): Sheet {
  const period = snapshots.length > 1
  const first = snapshots[0].year
  const last = snapshots[snapshots.length - 1].year
  return {
    name: 'Số liệu chi tiết',
    title: `SỐ LIỆU CHI TIẾT (CÁC Ô TỔNG HỢP) – ${period ? `giai đoạn ${first}-${last}` : `năm ${first}`}${ctx.unit ? ` – ${ctx.unit.name}` : ''}`,
    columns: [
      ...(period ? [int('Năm', 8)] : []),
      int('Tháng', 8),
      text('Chỉ số', 40),
      text('Đơn vị', 30),
      text('Chiến dịch', 30),
      text('Loại nội dung', 14),
      text('Kênh', 24),
      text('Chủ đề', 14),
      dec('Giá trị'),
    ],
    rows: [],
    more: async function* () {
      for (const s of snapshots)
        for await (const page of snapshotCellPages(payload, s.id, {
          unit: unitsOf(s.year),
          pageSize: DETAIL_PAGE,
        })) {
          onProgress?.(page.length)
          yield page.map((c) => [
            ...(period ? [c.year] : []),
            c.month,
            metrics.label(c.metric),
            c.unitName,
            c.campaign ? (ctx.campaignNames.get(c.campaign) ?? c.campaign) : null,
            c.contentType,
            c.channel ? (ctx.names.get(c.channel) ?? c.channel) : null,
            c.topic,
            c.value,
          ])
        }
    },
  }
}

function dashboardCountersColumns(): Column[] {
  return dashboardCounters.values.map((id) =>
    id === 'broadcast-minutes'
      ? dec(dashboardCounters.label(id))
      : int(dashboardCounters.label(id)),
  )
}

/**
 * The training sheet: for each campaign with a plan, the annexe's two shapes (need by unit type =
 * units × need per unit; people per programme and year with the subtotals computed from the detail
 * rows, a typed subtotal that disagrees flagged in the note), then the trainees of the year by
 * programme as the snapshot counts them.
 */
function trainingRows(
  campaigns: Parameters<typeof computeTrainingPlan>[0][] & { name: string }[],
  unitCounts: Awaited<ReturnType<typeof countUnitsByKind>>,
  cells: readonly DashCell[],
): Value[][] {
  const rows: Value[][] = []
  for (const c of campaigns) {
    if (!c.unitKindNeeds?.length && !c.traineeTargets?.length) continue
    const plan = computeTrainingPlan(c, unitCounts)
    rows.push([`Kế hoạch: ${c.name}`, null, null, null])
    for (const n of plan.needs) {
      const kind = unitKinds.label(n.unitKind)
      rows.push([
        `Chuyên gia CĐS – ${kind}`,
        `${n.units} đơn vị`,
        n.experts,
        `${n.units} × ${n.expertsPerUnit}`,
      ])
      rows.push([
        `Bồi dưỡng ngắn hạn – ${kind}`,
        `${n.units} đơn vị`,
        n.trainees,
        `${n.units} × ${n.traineesPerUnit}`,
      ])
    }
    if (plan.needs.length) {
      rows.push(['Tổng nhu cầu chuyên gia CĐS', null, plan.needTotals.experts, null])
      rows.push(['Tổng nhu cầu bồi dưỡng ngắn hạn', null, plan.needTotals.trainees, null])
      rows.push(['Tổng cộng nhu cầu', null, plan.needTotals.all, null])
    }
    for (const [programme, perYear] of plan.byProgramme)
      for (const y of plan.years)
        rows.push([trainingProgrammes.label(programme), String(y), perYear.get(y) ?? 0, null])
    for (const [row, sub] of Object.entries(plan.subtotals) as [
      keyof typeof plan.subtotals,
      (typeof plan.subtotals)[keyof typeof plan.subtotals],
    ][]) {
      const flag = (y: number | null) =>
        plan.disagreements
          .filter((d) => d.row === row && d.year === y)
          .map((d) => `Số ghi trong kế hoạch: ${d.typed}, tính từ các dòng chi tiết: ${d.computed}`)
          .join('; ') || null
      for (const y of plan.years)
        rows.push([planSubtotals.label(row), String(y), sub.byYear.get(y) ?? 0, flag(y)])
      rows.push([planSubtotals.label(row), 'Cả giai đoạn', sub.total, flag(null)])
    }
  }
  rows.push(['Thực hiện trong năm', null, null, null])
  rows.push([
    metrics.label(Metric.TrainingsHeld),
    null,
    sumMetric(cells, Metric.TrainingsHeld),
    null,
  ])
  rows.push([metrics.label(Metric.Trainees), null, sumMetric(cells, Metric.Trainees), null])
  for (const p of trainingProgrammes.values)
    rows.push([
      trainingProgrammes.label(p),
      null,
      sumMetric(cells, `trainees-programme-${p}`),
      null,
    ])
  for (const k of unitKinds.values)
    rows.push([
      `Học viên đến từ: ${unitKinds.label(k)}`,
      null,
      sumMetric(cells, `trainees-unit-kind-${k}`),
      null,
    ])
  return rows
}

const sumMetric = (cells: readonly DashCell[], metric: string) =>
  cells.reduce((n, c) => (c.metric === metric ? n + c.value : n), 0)
