import type { Payload } from 'payload'
import { metrics, YEARLY_METRICS, type Metric } from '@/vocabulary'

/** The year's main figures: every measure by month, over the (all campaigns, all topics) family. */
export async function yearTotals(payload: Payload, year: number): Promise<Map<Metric, number[]>> {
  const cells = await payload.find({
    collection: 'rollup-cells',
    where: { and: [{ year: { equals: year } }, { campaign: { exists: false } }, { topic: { exists: false } }] },
    select: { month: true, metric: true, value: true },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  // Index 0 holds yearly figures (month 0), 1-12 the months.
  const totals = new Map<Metric, number[]>(metrics.values.map((m) => [m, Array(13).fill(0)]))
  for (const c of cells.docs) totals.get(c.metric as Metric)![c.month] += c.value
  return totals
}

const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 })

/** The summary `npm run report` prints: one row per measure, months 1-12 and the year's total. */
export function formatSummary(year: number, totals: Map<Metric, number[]>): string {
  const header = ['Chỉ số', ...Array.from({ length: 12 }, (_, i) => `T${i + 1}`), 'Cả năm']
  const rows = [...totals].map(([metric, byMonth]) => {
    const yearly = byMonth.reduce((a, b) => a + b, 0)
    // Yearly measures (budgets) have no months: a dot in each month column.
    const months = byMonth.slice(1).map((v) => (YEARLY_METRICS.includes(metric) ? '·' : number.format(v)))
    return [metrics.label(metric), ...months, number.format(yearly)]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  return [`TỔNG HỢP SỐ LIỆU NĂM ${year} (giờ Việt Nam; mọi chiến dịch, mọi chủ đề)`, line(header), ...rows.map(line)].join('\n')
}
