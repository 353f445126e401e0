'use client'

import { useRouter } from 'next/navigation'
import React from 'react'
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { MonthSeries } from '@/reporting/dashboard'
import { formatNumber, monthLabel, monthShort } from '@/reporting/dashboard/format'
import { CONTENT_KINDS, contentKinds, metrics, type ContentKind } from '@/vocabulary'
import { Figure } from './Figure'

/** One colour per content kind, the same in the chart and its legend. */
export const KIND_COLOURS: Record<ContentKind, string> = {
  articles: '#2563eb',
  videos: '#dc2626',
  infographics: '#16a34a',
  events: '#d97706',
}

const show = (v: unknown) => (typeof v === 'number' && v > 0 ? formatNumber(v) : '')

/**
 * Output by month, stacked by content type (recharts), with the same figures in a table under it:
 * the table is what a keyboard or screen-reader user reads, and its numbers link to their lists.
 * Clicking a stack opens the same list.
 */
export function MonthChart({ series }: { series: MonthSeries }) {
  const router = useRouter()
  const data = series.rows.map((r) => ({
    month: monthShort(r.month),
    ...Object.fromEntries(CONTENT_KINDS.map((k) => [k, r.byType[k].value])),
  }))
  const title = `${metrics.label(series.metric)} theo tháng`
  const summary = `${title}: ${series.rows
    .filter((r) => r.total > 0)
    .map(
      (r) =>
        `${monthLabel(r.month)}: ${series.types.map((k) => `${contentKinds.label(k)} ${formatNumber(r.byType[k].value)}`).join(', ')}`,
    )
    .join('; ')}. Cả năm: ${formatNumber(series.total)}.`
  return (
    <section className="cms-report__section" aria-labelledby="report-months">
      <h2 id="report-months" className="cms-report__h2">
        {title}
      </h2>
      <div className="cms-report__chart" role="img" aria-label={summary} data-chart="months">
        <ResponsiveContainer width="100%" height={320}>
          {/* The figure is one image with its summary as the label: no focusable parts inside. */}
          <BarChart
            accessibilityLayer={false}
            data={data}
            margin={{ top: 16, right: 16, bottom: 4, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="month" />
            <YAxis allowDecimals={false} tickFormatter={(v: number) => formatNumber(v)} />
            <Tooltip formatter={(v) => formatNumber(Number(v))} />
            <Legend />
            {series.types.map((kind) => (
              <Bar
                key={kind}
                dataKey={kind}
                name={contentKinds.label(kind)}
                stackId="type"
                fill={KIND_COLOURS[kind]}
                isAnimationActive={false}
                cursor="pointer"
                onClick={(_, index) => {
                  const href = series.rows[index]?.byType[kind].href
                  if (href) router.push(href)
                }}
              >
                <LabelList
                  dataKey={kind}
                  position="center"
                  fill="#fff"
                  formatter={show}
                  className="cms-report__bar-label"
                />
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="cms-table-wrap">
        <table className="cms-table cms-report__table" data-table="months">
          <caption className="cms-report__caption">{title} (bấm vào số để xem danh sách)</caption>
          <thead>
            <tr>
              <th scope="col">Tháng</th>
              {series.types.map((k) => (
                <th key={k} scope="col" className="cms-num">
                  {contentKinds.label(k)}
                </th>
              ))}
              <th scope="col" className="cms-num">
                Cộng
              </th>
            </tr>
          </thead>
          <tbody>
            {series.rows.map((r) => (
              <tr key={r.month} data-month={r.month}>
                <th scope="row">{monthLabel(r.month)}</th>
                {series.types.map((k) => (
                  <td key={k} className="cms-num" data-type={k}>
                    <Figure
                      value={r.byType[k].value}
                      href={r.byType[k].href}
                      label={`${contentKinds.label(k)}, ${monthLabel(r.month)}`}
                    />
                  </td>
                ))}
                <td className="cms-num" data-total>
                  {formatNumber(r.total)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Cả năm</th>
              {series.types.map((k) => (
                <td key={k} className="cms-num">
                  {formatNumber(series.totals[k])}
                </td>
              ))}
              <td className="cms-num">{formatNumber(series.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  )
}
