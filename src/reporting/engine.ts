import type { Payload } from 'payload'
import { dbOps } from '@/db'
import { vnYearMonth } from '@/lib/time'
import type { RollupSource } from '@/vocabulary'
import { markSiteChanged } from '@/web/siteChanges'
import { unitTree } from '@/units/load'
import { SOURCES, type RollupSourceModule } from './sources'
import type { Window } from './window'

/**
 * Recomputes the window's cells of these sources, on whichever database runs. Units are named as
 * they are now, except in past years, where a unit keeps the name its cells already carry, and a
 * unit renamed since (a `unit-events` rename) the name it had that year.
 */
export async function recompute(
  payload: Payload,
  w: Window,
  sources: readonly RollupSourceModule[] = SOURCES,
): Promise<number> {
  const keepNames = w.year < vnYearMonth(new Date()).year
  const pastNames = (await unitTree(payload)).namesInYear(w.year)
  return dbOps(payload).rollup.compute(w, sources, keepNames, pastNames)
}

/** The public page shows the year's figures: once they are rewritten, the servers' page caches let go. */
const figuresChanged = (payload: Payload) =>
  markSiteChanged(payload, 'rollup-cells').catch((err: Error) =>
    payload.logger.warn(`[rollup] không ghi được dấu thay đổi trang công khai: ${err.message}`),
  )

export type RebuildResult = { year: number; cells: number; ms: number }

/** A full rebuild of one year: every month (and the yearly figures) of every source. */
export async function rebuildYear(payload: Payload, year: number): Promise<RebuildResult> {
  const started = performance.now()
  const cells = await recompute(payload, { year, months: null })
  await figuresChanged(payload)
  return { year, cells, ms: performance.now() - started }
}

export type RefreshResult = {
  folded: { year: number; months: number[]; source: RollupSource }[]
  marks: number
  ms: number
  /** Per year folded: the newest change (mark) folded in this run. */
  changedAt: Map<number, string>
}

/** The newest change folded into the year's cells so far (null: none recorded). */
export async function yearChangedAt(payload: Payload, year: number): Promise<string | null> {
  const row = await payload.db.findOne<{ id: string; changedAt?: string | null }>({
    collection: 'rollup-years',
    where: { year: { equals: year } },
  })
  return row?.changedAt ?? null
}

/** Records that the year's cells now include changes up to `at` (never moves back). */
async function recordChangedAt(payload: Payload, year: number, at: string) {
  const row = await payload.db.findOne<{ id: string; changedAt?: string | null }>({
    collection: 'rollup-years',
    where: { year: { equals: year } },
  })
  if (!row) await payload.db.create({ collection: 'rollup-years', data: { year, changedAt: at } })
  else if (!row.changedAt || row.changedAt < at)
    await payload.db.updateOne({
      collection: 'rollup-years',
      id: row.id,
      data: { changedAt: at },
      returning: false,
    })
}

/**
 * The incremental path: the months marked stale since the last run, recomputed per source with the
 * same query a full rebuild uses (restricted to those months). Clears the marks it read; marks
 * written meanwhile stay for the next run.
 */
export async function refreshDirty(
  payload: Payload,
  options: { year?: number } = {},
): Promise<RefreshResult> {
  const started = performance.now()
  const marks = await payload.find({
    collection: 'rollup-dirty',
    ...(options.year === undefined ? {} : { where: { year: { equals: options.year } } }),
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const groups = new Map<string, { year: number; source: RollupSource; months: Set<number> }>()
  const changedAt = new Map<number, string>()
  for (const m of marks.docs) {
    if (m.createdAt > (changedAt.get(m.year) ?? '')) changedAt.set(m.year, m.createdAt)
    const id = `${m.year}|${m.source}`
    if (!groups.has(id))
      groups.set(id, { year: m.year, source: m.source as RollupSource, months: new Set() })
    groups.get(id)!.months.add(m.month)
  }
  // Sources stale in the same months of a year are recomputed together: one transaction, one
  // pass over what they share (the names, the cells' index), instead of one per source.
  const windows = new Map<string, { w: Window; sources: RollupSourceModule[]; months: number[] }>()
  for (const g of groups.values()) {
    const source = SOURCES.find((s) => s.name === g.source)
    if (!source) continue
    const months = [...g.months].sort((a, b) => a - b)
    // Every month stale: the whole year is one window (no month list to filter on; the yearly
    // figures come along, recomputed the same way, so the result is the same).
    const everyMonth = Array.from({ length: 12 }, (_, i) => i + 1).every((m) => g.months.has(m))
    const key = `${g.year}|${everyMonth ? 'all' : months.join(',')}`
    if (!windows.has(key))
      windows.set(key, {
        w: { year: g.year, months: everyMonth ? null : months },
        sources: [],
        months,
      })
    windows.get(key)!.sources.push(source)
  }
  const folded: RefreshResult['folded'] = []
  for (const { w, sources, months } of windows.values()) {
    await recompute(payload, w, sources)
    folded.push(...sources.map((s) => ({ year: w.year, months, source: s.name })))
  }
  if (folded.length) await figuresChanged(payload)
  for (const [year, at] of changedAt) await recordChangedAt(payload, year, at)
  const ids = marks.docs.map((m) => m.id)
  for (let i = 0; i < ids.length; i += 500) {
    await payload.db.deleteMany({
      collection: 'rollup-dirty',
      where: { id: { in: ids.slice(i, i + 500) } },
    })
  }
  return { folded, marks: ids.length, ms: performance.now() - started, changedAt }
}
