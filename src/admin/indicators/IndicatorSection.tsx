import type { PayloadRequest } from 'payload'
import React from 'react'
import { loadIndicatorPanel } from '@/reporting/indicators/panel'
import { IndicatorPanel } from './IndicatorPanel'

/**
 * The reports page's "Chỉ tiêu nhận thức" for its filters: the province, or the chosen unit (an
 * editor's own) with the units below it; the chosen campaign's targets, else the plan that sets them.
 */
export async function IndicatorSection({
  req,
  filters,
  unit,
}: {
  req: PayloadRequest
  filters: { year: number; campaign: string | null }
  unit: string | null
}) {
  const { rows } = await loadIndicatorPanel(
    req.payload,
    { year: filters.year, unit, campaign: filters.campaign },
    { req },
  )
  return (
    <IndicatorPanel
      rows={rows}
      year={filters.year}
      unit={unit}
      campaign={filters.campaign}
      adminRoute={req.payload.config.routes.admin}
    />
  )
}
