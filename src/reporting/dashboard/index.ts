/**
 * The reports dashboard's view model: pure functions from rollup cells (already read, as the user)
 * to the figures on screen and the admin lists behind them. No React, no database.
 */
export * from './byChannel'
export * from './byMonth'
export * from './byUnit'
export * from './counters'
export * from './family'
export * from './format'
export * from './kpi'
export * from './links'
export * from './trainings'
export * from './targets'
export * from './types'
export * from './yearShare'
