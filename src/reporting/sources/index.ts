import type { RollupSource } from '@/vocabulary'
import { budgetsSource } from './budgets'
import { contentSource } from './content'
import { eventsSource } from './events'
import { publicationsSource } from './publications'
import type { RollupSourceModule } from './types'

/**
 * Every source the rollup reads. Trainings and engagement (being modelled separately) plug in here
 * as two more modules implementing RollupSourceModule, with their names and metrics added to
 * src/vocabulary/metrics.ts; the engine, the dirty-marking hooks and the CLI pick them up.
 */
export const SOURCES: readonly RollupSourceModule[] = [contentSource, publicationsSource, eventsSource, budgetsSource]

export const sourceNamed = (name: RollupSource) => SOURCES.find((s) => s.name === name)

export type { RollupSourceModule } from './types'
