import type { Payload, Where } from 'payload'
import { relationId } from '@/lib/relation'
import type { UnitKind } from '@/vocabulary'
import type { FigureReads } from '../types'

// Figure reads through Payload's Local API, cell by cell (MongoDB's, except its subtree totals).

export const portableFigures = (
  payload: Payload,
): Pick<FigureReads, 'yearTotals' | 'allUnits' | 'rollupByUnit'> => ({
  async yearTotals(year) {
    const cells = await payload.find({
      collection: 'rollup-cells',
      where: {
        and: [
          { year: { equals: year } },
          { campaign: { exists: false } },
          { topic: { exists: false } },
        ],
      },
      select: { month: true, metric: true, value: true },
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    return cells.docs.map((c) => ({ month: c.month, metric: c.metric, total: c.value }))
  },

  async allUnits(req) {
    const found = await payload.find({
      collection: 'units',
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
      select: { name: true, kind: true, parent: true, active: true },
    })
    return found.docs.map((u) => ({
      id: String(u.id),
      name: u.name,
      kind: u.kind as UnitKind,
      parent: relationId(u.parent),
      active: u.active !== false,
    }))
  },

  async rollupByUnit(measures, years, units, req) {
    const where: Where[] = [
      { campaign: { exists: false } },
      { topic: { exists: false } },
      { year: { in: years } },
      { metric: { in: measures } },
    ]
    if (units) where.push({ unit: { in: units } })
    const cells = await payload.find({
      collection: 'rollup-cells',
      where: { and: where },
      select: { unit: true, year: true, metric: true, value: true },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    return cells.docs.flatMap((c) =>
      c.unit ? [{ unit: String(c.unit), year: c.year, metric: c.metric, total: c.value }] : [],
    )
  },
})
