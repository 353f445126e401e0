'use client'

import React from 'react'
import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { TrendPoint } from '@/reporting/indicators/panel'

const fmt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 })

/**
 * An indicator's small trend over the plan's years (recharts): the values reported (a gap where
 * nothing was: missing is not zero) and the plan's path, dashed. The row's figures say the same in
 * text for screen readers, so the chart is hidden from them.
 */
export function IndicatorTrend({ points, unit }: { points: TrendPoint[]; unit: string }) {
  return (
    <div className="cms-ind__trend" aria-hidden="true">
      <ResponsiveContainer width="100%" height={56}>
        {/* No keyboard layer: the chart is hidden from assistive technology (aria-hidden), and a
            focusable element inside aria-hidden is an axe "aria-hidden-focus" violation. */}
        <LineChart
          data={points}
          margin={{ top: 4, right: 4, bottom: 0, left: 4 }}
          accessibilityLayer={false}
        >
          <XAxis dataKey="year" hide />
          <YAxis hide domain={[0, 'auto']} />
          <Tooltip
            formatter={(v, name) => [
              v == null ? '—' : `${fmt.format(Number(v))}${unit}`,
              name === 'path' ? 'Lộ trình' : 'Thực hiện',
            ]}
            labelFormatter={(y) => `Năm ${y}`}
          />
          <Line
            type="linear"
            dataKey="path"
            stroke="#6b7280"
            strokeDasharray="4 3"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="linear"
            dataKey="value"
            stroke="#2563eb"
            strokeWidth={2}
            dot={{ r: 2 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  )
}
