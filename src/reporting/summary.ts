import type { Payload } from 'payload'
import { dbOps } from '@/db'
import { metrics, YEARLY_METRICS, type Metric } from '@/vocabulary'
import { formatNumber } from '@/lib/format'

/**
 * The year's main figures: every measure by month, over the (all campaigns, all topics) family.
 * On SQLite one GROUP BY over the year's cells (tens of thousands of rows never reach JavaScript);
 * on MongoDB through the Local API (src/db).
 */
export async function yearTotals(payload: Payload, year: number): Promise<Map<Metric, number[]>> {
  // Index 0 holds yearly figures (month 0), 1-12 the months.
  const totals = new Map<Metric, number[]>(metrics.values.map((m) => [m, Array(13).fill(0)]))
  const add = (metric: string, month: number, value: number) => {
    const row = totals.get(metric as Metric)
    if (row) row[month] += value
  }
  for (const r of await dbOps(payload).figures.yearTotals(year))
    add(r.metric, Number(r.month), Number(r.total))
  return totals
}

/** The summary `npm run report` prints: one row per measure, months 1-12 and the year's total. */
export function formatSummary(year: number, totals: Map<Metric, number[]>): string {
  const header = ['Chỉ số', ...Array.from({ length: 12 }, (_, i) => `T${i + 1}`), 'Cả năm']
  const rows = [...totals].map(([metric, byMonth]) => {
    const yearly = byMonth.reduce((a, b) => a + b, 0)
    // Yearly measures (budgets) have no months: a dot in each month column.
    const months = byMonth
      .slice(1)
      .map((v) => (YEARLY_METRICS.includes(metric) ? '·' : formatNumber(v)))
    return [metrics.label(metric), ...months, formatNumber(yearly)]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  return [
    `TỔNG HỢP SỐ LIỆU NĂM ${year} (giờ Việt Nam; mọi chiến dịch, mọi chủ đề)`,
    line(header),
    ...rows.map(line),
  ].join('\n')
}
