import type { CollectionBeforeChangeHook } from 'payload'
import { relationId } from '@/lib/relation'
import { unitFigures } from '@/reporting/unitReports/figures'
import { UNIT_EDITABLE, UnitReportStatus, type UnitReportStatus as Status } from '@/vocabulary'

/**
 * The report's figures and title. While the unit still edits (and at the save that submits it) the
 * figures are read afresh from the totals; from then on they stay as submitted, whatever a client
 * sends. Runs after the workflow, so `data.status` is the status being saved.
 */
export const prefillFigures: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const prev = (originalDoc?.status ?? null) as Status | null
  const unit = relationId(data.ownerUnit ?? originalDoc?.ownerUnit)
  const year = Number(data.year ?? originalDoc?.year)
  const open = !prev || UNIT_EDITABLE.includes(prev)
  const saving = data.status as Status
  if (unit && open && (UNIT_EDITABLE.includes(saving) || saving === UnitReportStatus.Submitted)) {
    const below = data.withUnitsBelow ?? originalDoc?.withUnitsBelow
    data.figures = await unitFigures(req.payload, unit, year, req, new Date(), { subtree: !!below })
    data.figuresAt = new Date().toISOString()
  } else {
    data.figures = originalDoc?.figures ?? []
    data.figuresAt = originalDoc?.figuresAt ?? null
  }
  if (!originalDoc?.title && unit) {
    const found = await req.payload.findByID({
      collection: 'units',
      id: unit,
      depth: 0,
      overrideAccess: true,
      req,
      select: { name: true },
    })
    data.title = `Báo cáo năm ${year} – ${found.name}`
  } else data.title = originalDoc?.title
  return data
}
