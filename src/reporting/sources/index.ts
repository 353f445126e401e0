import type { RollupSource } from '@/vocabulary'
import { budgetsSource } from './budgets'
import { contentSource } from './content'
import { eventsSource } from './events'
import { publicationsSource } from './publications'
import { trainingsSource } from './trainings'
import type { RollupSourceModule } from './types'

/**
 * Every source the rollup reads: a module implementing RollupSourceModule, with its name and
 * metrics in src/vocabulary/metrics.ts; the engine, the dirty-marking hooks and the CLI pick it up.
 */
export const SOURCES: readonly RollupSourceModule[] = [
  contentSource,
  publicationsSource,
  eventsSource,
  budgetsSource,
  trainingsSource,
]

export const sourceNamed = (name: RollupSource) => SOURCES.find((s) => s.name === name)

export type { RollupSourceModule } from './types'
