import type { Fact } from '@/reporting/indicators/facts'
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
} from '../dashboard'
import { computeTrainingPlan } from '../trainingPlan'
import { figureRows } from '../unitReports/figures'
import { loadBoard } from '../unitReports/board'
import {
  dashboardCounters,
  figureGroups,
  Metric,
  metrics,
  planSubtotals,
  submissionStates,
  trainingProgrammes,
  unitKinds,
} from '@/vocabulary'
import {
  detailSheet,
  ExportError,
  exportContext,
  exportScope,
  type ExportOptions,
  findSnapshot,
  snapshotInfo,
  trainingSection,
  type Column,
  type ExportContext,
  type ExportModel,
  type Sheet,
  type SnapshotInfo,
  type Value,
} from './model'
import { scanSnapshot, type YearFigures } from './scan'
import { taskSheets } from '../tasks/sheets'

/** A review: the mid-term one (sơ kết) or the final one (tổng kết), by the plan's years. */
export const periodLabel = (from: number, to: number) => `giai đoạn ${from}-${to}`

const round2 = (n: number) => Math.round(n * 100) / 100

/**
 * Rows keyed by their label cells, one figure per year; the rows in the order they first appear
 * (year by year), then a column per year and the period's total (`total: false`: no total, for
 * figures that do not add up over years, such as a state).
 */
class Pivot {
  private rows = new Map<string, { labels: Value[]; values: Map<number, Value> }>()
  constructor(private years: number[]) {}
  add(labels: Value[], year: number, value: Value) {
    const key = JSON.stringify(labels)
    let row = this.rows.get(key)
    if (!row) this.rows.set(key, (row = { labels, values: new Map() }))
    const before = row.values.get(year)
    row.values.set(
      year,
      typeof before === 'number' && typeof value === 'number' ? before + value : value,
    )
  }
  build(total = true): Value[][] {
    return [...this.rows.values()].map((r) => {
      const values = this.years.map((y) => {
        const v = r.values.get(y)
        return typeof v === 'number' ? round2(v) : (v ?? (total ? 0 : null))
      })
      const sum = values.reduce<number>((n, v) => n + (typeof v === 'number' ? v : 0), 0)
      return [...r.labels, ...values, ...(total ? [round2(sum)] : [])]
    })
  }
}

const text = (header: string, width = 40): Column => ({ header, kind: 'text', width })
const dec = (header: string, width = 14): Column => ({ header, kind: 'decimal', width })

/**
 * The export of a review period (the mid-term review 2022-2023, the final review 2022-2025): each
 * year from its latest snapshot, every table with a column per year and the period's total, the
 * training plan against what was done per programme and year, the units' report state per year,
 * and the detail rows with their year. A year without a snapshot: an ExportError naming it.
 */
export async function periodModel(
  payload: Payload,
  from: number,
  to: number,
  options: ExportOptions = {},
): Promise<ExportModel> {
  const unit = options.unit ?? null
  const { onProgress } = options
  const scope = await exportScope(payload, options)
  if (to < from)
    throw new ExportError(
      `Giai đoạn không hợp lệ: năm kết thúc (${to}) trước năm bắt đầu (${from}).`,
    )
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i)
  const snapshots: SnapshotInfo[] = []
  // Each year's indicator facts as frozen; null when a year's snapshot predates them (all live then).
  let frozen: Fact[] | null = []
  for (const year of years) {
    const doc = await findSnapshot(payload, { year })
    snapshots.push(snapshotInfo(doc))
    const kept = frozenFacts(doc)
    frozen = frozen && kept ? [...frozen, ...kept] : null
  }
  const ctx = await exportContext(payload, unit, !!options.subtree)
  const figures: YearFigures[] = []
  for (const s of snapshots)
    figures.push(
      scope.restate(await scanSnapshot(payload, s.id, scope.unitsOf(s.year), onProgress)),
    )
  const label = periodLabel(from, to)
  const title = (what: string) =>
    `${what} – ${label}${ctx.unit ? ` – ${ctx.unit.name}` : ''}${options.restate ? ' – quy về các đơn vị hiện nay' : ''} (bản chốt ${snapshots.map((s) => `${s.year}: ${vnDate(s.takenAt)}`).join('; ')})`
  const yearColumns = years.map((y) => dec(`Năm ${y}`))
  const columns = (...labels: Column[]) => [...labels, ...yearColumns, dec('Cả giai đoạn', 16)]
  const pivot = () => new Pivot(years)

  const summary = pivot()
  const campaigns = pivot()
  const units = pivot()
  const channels = pivot()
  const kpi = pivot()
  const budget = pivot()
  const done = pivot()
  figures.forEach((f, i) => {
    const year = years[i]
    const cells = dashboardCells(f.cells, null)
    const scope = { year, campaign: null, unit }
    for (const r of figureRows(cells, []))
      summary.add([figureGroups.label(r.group), r.label], year, r.value)
    for (const c of ctx.campaigns) {
      const own = dashboardCells(f.cells, String(c.id))
      if (!own.length) continue
      for (const k of yearCounters(own, scope))
        campaigns.add([c.name, dashboardCounters.label(k.id)], year, k.value)
      const sum = (m: Metric) => own.reduce((n, x) => (x.metric === m ? n + x.value : n), 0)
      if (sum(Metric.BudgetPlanned) || sum(Metric.BudgetSpent)) {
        budget.add([c.name, 'Dự toán (VNĐ)'], year, sum(Metric.BudgetPlanned))
        budget.add([c.name, 'Đã chi (VNĐ)'], year, sum(Metric.BudgetSpent))
      }
    }
    for (const r of byUnit(cells, scope))
      for (const col of UNIT_COLUMNS) units.add([r.name, col.label], year, r.figures[col.id].value)
    for (const r of byChannel(cells, scope, ctx.names))
      for (const m of CHANNEL_METRICS)
        channels.add([r.name, r.kind, metrics.label(m)], year, r.figures[m].value)
    const share = shareOfYearElapsed(year, new Date(snapshots[i].takenAt))
    const targets = yearTargets(ctx.campaigns, year, ctx.names)
    for (const k of kpiProgress(targets, f.cells, share, { unit })) {
      kpi.add([k.campaignName, k.label, 'Kế hoạch'], year, k.target)
      kpi.add([k.campaignName, k.label, 'Thực hiện'], year, k.actual)
    }
    const sum = (m: string) => cells.reduce((n, c) => (c.metric === m ? n + c.value : n), 0)
    done.add([metrics.label(Metric.TrainingsHeld), 'Thực hiện'], year, sum(Metric.TrainingsHeld))
    done.add([metrics.label(Metric.Trainees), 'Thực hiện'], year, sum(Metric.Trainees))
    for (const p of trainingProgrammes.values)
      done.add([trainingProgrammes.label(p), 'Thực hiện'], year, sum(`trainees-programme-${p}`))
    for (const k of unitKinds.values)
      done.add(
        [`Học viên đến từ: ${unitKinds.label(k)}`, 'Thực hiện'],
        year,
        sum(`trainees-unit-kind-${k}`),
      )
  })

  // The plans' people per programme and year (computed from their detail rows) against what was done.
  const plan = pivot()
  const planNotes: Value[][] = []
  for (const c of ctx.campaigns) {
    if (!c.traineeTargets?.length) continue
    const p = computeTrainingPlan(c, ctx.unitCounts)
    for (const [programme, perYear] of p.byProgramme)
      for (const y of years)
        plan.add(
          [trainingProgrammes.label(programme), `Kế hoạch: ${c.name}`],
          y,
          perYear.get(y) ?? 0,
        )
    for (const [row, sub] of Object.entries(p.subtotals) as [
      keyof typeof p.subtotals,
      (typeof p.subtotals)[keyof typeof p.subtotals],
    ][])
      for (const y of years)
        plan.add([planSubtotals.label(row), `Kế hoạch: ${c.name}`], y, sub.byYear.get(y) ?? 0)
    for (const d of p.disagreements.filter((d) => d.year === null || years.includes(d.year)))
      planNotes.push([
        `${planSubtotals.label(d.row)} (${c.name}, ${d.year === null ? 'cả kế hoạch' : `năm ${d.year}`})`,
        `Ghi chú: số ghi trong kế hoạch ${d.typed}, tính từ các dòng chi tiết ${d.computed}`,
        ...years.map(() => null),
        null,
      ])
  }

  const status = new Pivot(years)
  for (const y of years) {
    const board = await loadBoard(payload, y)
    for (const r of board.rows)
      if (!unit || r.unit === unit) status.add([r.name], y, submissionStates.label(r.state))
  }

  const sheet = (name: string, what: string, cols: Column[], rows: Value[][]): Sheet => ({
    name,
    title: title(what),
    columns: cols,
    rows,
  })
  const empty = figures.every((f) => f.count === 0)
  const indicators = await indicatorSheet(payload, years, unit, frozen)
  const sheets: Sheet[] = [
    sheet(
      'Tổng hợp',
      'TỔNG HỢP KẾT QUẢ TUYÊN TRUYỀN CHUYỂN ĐỔI SỐ',
      columns(text('Nhóm', 28), text('Chỉ số', 50)),
      empty
        ? [
            [
              '',
              `${label[0].toUpperCase()}${label.slice(1)} chưa có số liệu nào trong các bản chốt.`,
            ],
          ]
        : summary.build(),
    ),
    sheet(
      'Theo chiến dịch',
      'KẾT QUẢ THEO CHIẾN DỊCH',
      columns(text('Chiến dịch'), text('Chỉ số', 36)),
      campaigns.build(),
    ),
    sheet(
      'Theo đơn vị',
      'KẾT QUẢ THEO ĐƠN VỊ',
      columns(text('Đơn vị'), text('Chỉ số', 36)),
      units.build(),
    ),
    sheet(
      'Theo kênh',
      'KẾT QUẢ THEO KÊNH',
      columns(text('Kênh'), text('Loại kênh', 20), text('Chỉ số', 36)),
      channels.build(),
    ),
    sheet(
      'Đào tạo',
      'ĐÀO TẠO, BỒI DƯỠNG: KẾ HOẠCH VÀ THỰC HIỆN',
      columns(text('Nội dung', 50), text('Kế hoạch / thực hiện', 30)),
      [...plan.build(), ...done.build(), ...planNotes],
    ),
    sheet(
      'Chỉ tiêu KPI',
      'TIẾN ĐỘ THỰC HIỆN CHỈ TIÊU',
      columns(text('Chiến dịch'), text('Chỉ tiêu', 40), text('Kế hoạch / thực hiện', 16)),
      kpi.build(),
    ),
    sheet(
      'Kinh phí',
      'KINH PHÍ (VNĐ)',
      columns(text('Chiến dịch'), text('Khoản', 20)),
      budget.build(),
    ),
    sheet(
      'Tình trạng báo cáo',
      'TÌNH HÌNH NỘP BÁO CÁO CỦA CÁC ĐƠN VỊ',
      [text('Đơn vị'), ...years.map((y) => text(`Năm ${y}`, 20))],
      status.build(false),
    ),
    indicators,
    ...(await taskSheets(payload, from, to, unit, title)),
    detailSheet(payload, snapshots, ctx as ExportContext, scope.unitsOf, onProgress),
  ]
  return {
    year: from,
    to,
    label,
    snapshot: snapshots[snapshots.length - 1],
    snapshots,
    unit: ctx.unit,
    restated: !!options.restate,
    empty,
    sheets,
    reportSections: [
      trainingSection(
        ctx,
        figures.map((f, i) => ({ year: years[i], cells: dashboardCells(f.cells, null) })),
        label,
      ),
      ...indicatorSection(indicators),
    ],
  }
}
