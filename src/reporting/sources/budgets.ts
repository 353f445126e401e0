import { sql } from '@payloadcms/db-sqlite'
import { Metric, RollupSource, WHOLE_YEAR } from '@/vocabulary'
import { windowHas } from '../window'
import { factSelect, t, unionAll, sameFacts } from './facts'
import { mongoFact } from './mongo'
import type { DirtyMonth, RollupSourceModule } from './types'

const MEASURES = [
  { metric: Metric.BudgetPlanned, column: 'planned', field: 'planned' },
  { metric: Metric.BudgetSpent, column: 'spent', field: 'spent' },
] as const

/**
 * Budget planned and spent, per campaign and year (campaign.budgets): yearly figures, so their cells
 * carry month 0 ("the whole year"). The unit is the campaign's lead unit.
 */
export const budgetsSource: RollupSourceModule = {
  name: RollupSource.Budgets,
  metrics: MEASURES.map((m) => m.metric),
  sqliteFacts: (w) => {
    if (!windowHas(w, WHOLE_YEAR)) return null
    return sameFacts(
      unionAll(
        MEASURES.map(({ metric, column }) => {
          const select = factSelect({
            month: WHOLE_YEAR,
            metric,
            value: sql`b.${t(column)}`,
            unit: sql`c.lead_unit_id`,
            campaign: sql`c.id`,
          })
          return sql`SELECT ${select} FROM campaigns_budgets b JOIN campaigns c ON c.id = b._parent_id WHERE b.year = ${w.year} AND b.${t(column)} IS NOT NULL`
        }),
      ),
    )
  },
  mongoFacts: (w) => {
    if (!windowHas(w, WHOLE_YEAR)) return []
    return MEASURES.map(({ metric, field }) => ({
      collection: 'campaigns' as const,
      pipeline: [
        { $unwind: '$budgets' },
        { $match: { 'budgets.year': w.year, [`budgets.${field}`]: { $ne: null } } },
        mongoFact({
          month: { $literal: WHOLE_YEAR },
          metric,
          value: `$budgets.${field}`,
          unit: '$leadUnit',
          campaigns: ['$_id'],
        }),
      ],
    }))
  },
  watches: [
    {
      collection: 'campaigns',
      months: (doc) =>
        ((doc.budgets as { year?: number }[] | undefined) ?? [])
          .filter((b) => b?.year)
          .map((b): DirtyMonth => ({ year: Number(b.year), month: WHOLE_YEAR })),
    },
  ],
}
