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
import { CHANNEL_METRICS, type ChannelRow } from '@/reporting/dashboard'
import { formatNumber } from '@/reporting/dashboard/format'
import { channelKinds, Metric, metrics } from '@/vocabulary'
import { Figure } from './Figure'

const BARS = [
  { metric: Metric.PublicationsPublished, colour: '#2563eb' },
  { metric: Metric.BroadcastsAired, colour: '#7c3aed' },
] as const

const show = (v: unknown) => (typeof v === 'number' && v > 0 ? formatNumber(v) : '')

/** The year by channel: publications and broadcasts as horizontal bars, every figure in the table below (linked). */
export function ChannelChart({ rows }: { rows: ChannelRow[] }) {
  const router = useRouter()
  const data = rows.map((r) => ({
    name: r.name,
    ...Object.fromEntries(CHANNEL_METRICS.map((m) => [m, r.figures[m].value])),
  }))
  const summary = `Theo kênh: ${rows.map((r) => `${r.name}: ${BARS.map((b) => `${metrics.label(b.metric)} ${formatNumber(r.figures[b.metric].value)}`).join(', ')}`).join('; ')}.`
  return (
    <section className="cms-report__section" aria-labelledby="report-channels">
      <h2 id="report-channels" className="cms-report__h2">
        Theo kênh
      </h2>
      {rows.length === 0 ? (
        <p className="cms-muted">
          Chưa có lượt đăng hay phát sóng nào trên các kênh trong năm này.
        </p>
      ) : (
        <>
          <div className="cms-report__chart" role="img" aria-label={summary} data-chart="channels">
            <ResponsiveContainer width="100%" height={Math.max(160, 56 * rows.length + 60)}>
              {/* The figure is one image with its summary as the label: no focusable parts inside. */}
              <BarChart
                accessibilityLayer={false}
                data={data}
                layout="vertical"
                margin={{ top: 8, right: 32, bottom: 4, left: 8 }}
              >
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis
                  type="number"
                  allowDecimals={false}
                  tickFormatter={(v: number) => formatNumber(v)}
                />
                <YAxis type="category" dataKey="name" width={200} />
                <Tooltip formatter={(v) => formatNumber(Number(v))} />
                <Legend />
                {BARS.map((b) => (
                  <Bar
                    key={b.metric}
                    dataKey={b.metric}
                    name={metrics.label(b.metric)}
                    fill={b.colour}
                    isAnimationActive={false}
                    cursor="pointer"
                    onClick={(_, index) => {
                      const href = rows[index]?.figures[b.metric].href
                      if (href) router.push(href)
                    }}
                  >
                    <LabelList
                      dataKey={b.metric}
                      position="right"
                      formatter={show}
                      className="cms-report__bar-label"
                    />
                  </Bar>
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <div className="cms-table-wrap">
            <table className="cms-table cms-report__table" data-table="channels">
              <caption className="cms-report__caption">
                Số liệu theo kênh (bấm vào số để xem danh sách)
              </caption>
              <thead>
                <tr>
                  <th scope="col">Kênh</th>
                  <th scope="col">Loại kênh</th>
                  {CHANNEL_METRICS.map((m) => (
                    <th key={m} scope="col" className="cms-num">
                      {metrics.label(m)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.channel} data-channel={r.channel}>
                    <th scope="row">{r.name}</th>
                    <td>{r.kind ? channelKinds.label(r.kind) : ''}</td>
                    {CHANNEL_METRICS.map((m) => (
                      <td key={m} className="cms-num" data-metric={m}>
                        <Figure
                          value={r.figures[m].value}
                          href={r.figures[m].href}
                          label={`${metrics.label(m)}, ${r.name}`}
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}
