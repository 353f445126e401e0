import type { Campaign } from '@/payload-types'
import { formatNumber } from '@/lib/format'
import {
  Metric,
  PlanSubtotal,
  planSubtotals,
  SHORT_COURSE_PROGRAMMES,
  TrainingProgramme,
  trainingProgrammes,
  unitKinds,
  type UnitKind,
} from '@/vocabulary'
import type { DashCell } from '../dashboard'
import { computeTrainingPlan, type TrainingPlan } from '../trainingPlan'
import type { ReportRow, ReportTable, Value } from './shapes'

export type { ReportRow, ReportTable } from './shapes'


/** One year's frozen figures, folded (scan.ts): what was done. */
export type YearCells = { year: number; cells: readonly DashCell[] }

const sumOf = (cells: readonly DashCell[], metric: string) =>
  cells.reduce((n, c) => (c.metric === metric ? n + c.value : n), 0)
const sum = (values: Value[]) => values.reduce<number>((n, v) => n + (Number(v) || 0), 0)

/** The annexe's first shape: units of each kind × the average need per unit, and what was done. */
function needTable(
  name: string,
  plan: TrainingPlan,
  done: YearCells[],
  label: string,
): ReportTable {
  const trained = (kind: UnitKind) =>
    sum(done.map((d) => sumOf(d.cells, `trainees-unit-kind-${kind}`)))
  return {
    title: `Nhu cầu đào tạo, bồi dưỡng theo loại đơn vị (${name})`,
    columns: [
      'Loại đơn vị',
      'Số đơn vị',
      'Chuyên gia CĐS bình quân/đơn vị',
      'Nhu cầu chuyên gia CĐS',
      'Bồi dưỡng ngắn hạn bình quân/đơn vị',
      'Nhu cầu bồi dưỡng ngắn hạn',
      `Học viên đã bồi dưỡng (${label})`,
    ],
    rows: [
      ...plan.needs.map((n) => [
        unitKinds.label(n.unitKind),
        n.units,
        n.expertsPerUnit,
        n.experts,
        n.traineesPerUnit,
        n.trainees,
        trained(n.unitKind),
      ]),
      {
        bold: [
          'Tổng cộng',
          sum(plan.needs.map((n) => n.units)),
          null,
          plan.needTotals.experts,
          null,
          plan.needTotals.trainees,
          sum(plan.needs.map((n) => trained(n.unitKind))),
        ],
      },
    ],
    notes: [
      `Tổng nhu cầu đào tạo, bồi dưỡng: ${formatNumber(plan.needTotals.all)} người (${formatNumber(plan.needTotals.experts)} chuyên gia chuyển đổi số và ${formatNumber(plan.needTotals.trainees)} người bồi dưỡng ngắn hạn).`,
    ],
  }
}

/**
 * The annexe's second shape: people per programme and year as planned (the subtotals computed from
 * the detail rows), each with what was done in the report's years; a typed subtotal that disagrees
 * with its detail rows is named in the notes.
 */
function planTable(
  name: string,
  plan: TrainingPlan,
  done: YearCells[],
  label: string,
): ReportTable {
  const years = [...new Set([...plan.years, ...done.map((d) => d.year)])].sort((a, b) => a - b)
  const doneIn = new Map(done.map((d) => [d.year, d.cells]))
  const planned = (perYear: (y: number) => number | undefined) => {
    const values = years.map((y) => (plan.years.includes(y) ? (perYear(y) ?? 0) : null))
    return [...values, sum(values)]
  }
  const actual = (metricOf: (p: TrainingProgramme) => string, programmes: TrainingProgramme[]) => {
    const values = years.map((y) => {
      const cells = doneIn.get(y)
      return cells ? sum(programmes.map((p) => sumOf(cells, metricOf(p)))) : null
    })
    return [...values, sum(values)]
  }
  const programmeMetric = (p: TrainingProgramme) => `trainees-programme-${p}`
  const pair = (
    labelCell: string,
    plannedValues: Value[],
    programmes: TrainingProgramme[],
    bold = false,
  ): ReportRow[] => {
    const rows: Value[][] = [
      [labelCell, 'Kế hoạch', ...plannedValues],
      ['', `Thực hiện`, ...actual(programmeMetric, programmes)],
    ]
    return bold ? rows.map((r) => ({ bold: r })) : rows
  }
  const letters = ['a', 'b', 'c', 'd', 'e', 'f']
  const shortOnes = SHORT_COURSE_PROGRAMMES.filter((p) => plan.byProgramme.has(p))
  const others = [...plan.byProgramme.keys()].filter(
    (p) => p !== TrainingProgramme.DxExperts && !SHORT_COURSE_PROGRAMMES.includes(p),
  )
  const sub = (row: PlanSubtotal) => planned((y) => plan.subtotals[row].byYear.get(y))
  const ofProgramme = (p: TrainingProgramme) => planned((y) => plan.byProgramme.get(p)?.get(y))
  const rows: ReportRow[] = [
    ...pair(planSubtotals.label(PlanSubtotal.DxExperts), sub(PlanSubtotal.DxExperts), [
      TrainingProgramme.DxExperts,
    ]),
    ...pair(planSubtotals.label(PlanSubtotal.ShortCourses), sub(PlanSubtotal.ShortCourses), [
      ...SHORT_COURSE_PROGRAMMES,
    ]),
    ...shortOnes.flatMap((p, i) =>
      pair(`${letters[i]}) ${trainingProgrammes.label(p)}`, ofProgramme(p), [p]),
    ),
    ...others.flatMap((p) => pair(trainingProgrammes.label(p), ofProgramme(p), [p])),
    ...pair(
      planSubtotals.label(PlanSubtotal.GrandTotal),
      sub(PlanSubtotal.GrandTotal),
      [...plan.byProgramme.keys()],
      true,
    ),
  ]
  const where = (y: number | null) => (y === null ? 'cả kế hoạch' : `năm ${y}`)
  return {
    title: `Kế hoạch và kết quả đào tạo, bồi dưỡng theo chương trình và năm (${name}; thực hiện: ${label})`,
    columns: ['Chương trình', '', ...years.map((y) => `Năm ${y}`), 'Cả giai đoạn'],
    rows,
    notes: [
      'Các dòng tổng được tính từ các dòng chi tiết của kế hoạch.',
      ...plan.disagreements.map(
        (d) =>
          `Ghi chú: dòng "${planSubtotals.label(d.row)}" của kế hoạch ghi ${formatNumber(d.typed)} (${where(d.year)}), tính từ các dòng chi tiết được ${formatNumber(d.computed)}.`,
      ),
    ],
  }
}

/** Without a plan: the trainees of the report's years per programme and per unit kind. */
function doneTable(done: YearCells[], label: string): ReportTable {
  const years = done.map((d) => d.year)
  const row = (name: string, metric: string): Value[] => {
    const values = done.map((d) => sumOf(d.cells, metric))
    return [name, ...values, ...(years.length > 1 ? [sum(values)] : [])]
  }
  return {
    title: `Kết quả đào tạo, bồi dưỡng (${label})`,
    columns: [
      'Nội dung',
      ...years.map((y) => `Năm ${y}`),
      ...(years.length > 1 ? ['Cả giai đoạn'] : []),
    ],
    rows: [
      row('Số lớp đào tạo, bồi dưỡng', Metric.TrainingsHeld),
      { bold: row('Số học viên', Metric.Trainees) },
      { heading: 'Theo chương trình' },
      ...trainingProgrammes.values.map((p) =>
        row(trainingProgrammes.label(p), `trainees-programme-${p}`),
      ),
      { heading: 'Theo nơi công tác của học viên' },
      ...unitKinds.values.map((k) => row(unitKinds.label(k), `trainees-unit-kind-${k}`)),
    ],
  }
}

/**
 * The report's training tables, the two shapes of Bến Tre's annexe for each campaign with a
 * training plan (need by unit type; plan against done by programme and year, with the typed
 * subtotals that disagree), then the courses and trainees of the report's years.
 */
export function trainingTables(
  campaigns: (Pick<Campaign, 'traineeTargets' | 'unitKindNeeds' | 'typedSubtotals'> & {
    name: string
  })[],
  unitCounts: Partial<Record<UnitKind, number>>,
  done: YearCells[],
  label: string,
): ReportTable[] {
  const tables: ReportTable[] = []
  for (const c of campaigns) {
    if (!c.unitKindNeeds?.length && !c.traineeTargets?.length) continue
    const plan = computeTrainingPlan(c, unitCounts)
    if (plan.needs.length) tables.push(needTable(c.name, plan, done, label))
    if (plan.years.length) tables.push(planTable(c.name, plan, done, label))
  }
  tables.push(doneTable(done, label))
  return tables
}
