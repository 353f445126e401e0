/**
 * The unit tree over time, as pure data (no database): each unit's parent periods (a slowly
 * changing dimension: parent, valid from, valid to) and the dated lineage events (merge, split,
 * rename, move). "The tree on a day", "the units under a unit in a year" and "restated on today's
 * units" are reads of the same rows. Days are Vietnam day keys ("2025-07-01"), compared as text;
 * null bounds are open (since always, still valid).
 */
import type { UnitEventKind } from '@/vocabulary'

export type Day = string
export type ParentPeriod = { parent: string; from: Day | null; to: Day | null }
export type TreeUnit = {
  id: string
  name: string
  kind?: string | null
  /** The unit's first and last day (a merged or split unit ends the day before its event). */
  validFrom?: Day | null
  validTo?: Day | null
  parents: ParentPeriod[]
}
export type TreeEvent = {
  id: string
  kind: UnitEventKind
  on: Day
  /** The units the event acts on: merge and split, the units that end; rename and move, the unit(s). */
  units: string[]
  /** Merge and split: who takes over, and the share (0-1) of the figures each takes. */
  successors: { unit: string; share: number }[]
  /** Rename: the name the unit had before `on`. */
  previousName?: string | null
}
/** A closure row: `ancestor` is above `descendant` (at `depth` levels) from `from` to `to`. */
export type ClosureRow = {
  ancestor: string
  descendant: string
  depth: number
  from: Day | null
  to: Day | null
}
export type Share = { unit: string; share: number }

const later = (a: Day | null, b: Day | null) => (a == null ? b : b == null ? a : a > b ? a : b)
const earlier = (a: Day | null, b: Day | null) => (a == null ? b : b == null ? a : a < b ? a : b)
const covers = (from: Day | null, to: Day | null, day: Day) =>
  (from == null || from <= day) && (to == null || to >= day)
const overlaps = (from: Day | null, to: Day | null, a: Day, b: Day) =>
  (from == null || from <= b) && (to == null || to >= a)

/** The day before `day` (the last day of a unit that ends on an event's effective day). */
export const dayBefore = (day: Day): Day => {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - 1)
  return d.toISOString().slice(0, 10)
}

export class UnitTree {
  readonly units = new Map<string, TreeUnit>()
  /** ancestor → its closure rows (every unit below it, at any time). */
  private below = new Map<string, ClosureRow[]>()
  private events: TreeEvent[]

  constructor(units: readonly TreeUnit[], events: readonly TreeEvent[] = []) {
    for (const u of units) this.units.set(u.id, u)
    this.events = [...events].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
    for (const row of this.closure()) {
      let rows = this.below.get(row.ancestor)
      if (!rows) this.below.set(row.ancestor, (rows = []))
      rows.push(row)
    }
  }

  /**
   * The closure table: for every unit, each ancestor and the days it is one (the intersection of
   * the parent periods along the path). Built from the top down, memoised per unit; a cycle (which
   * the collection refuses) is cut where it closes.
   */
  closure(): ClosureRow[] {
    const up = new Map<string, ClosureRow[]>()
    const visiting = new Set<string>()
    const ancestorsOf = (id: string): ClosureRow[] => {
      const known = up.get(id)
      if (known) return known
      if (visiting.has(id)) return []
      visiting.add(id)
      const rows: ClosureRow[] = []
      for (const p of this.units.get(id)?.parents ?? []) {
        rows.push({ ancestor: p.parent, descendant: id, depth: 1, from: p.from, to: p.to })
        for (const a of ancestorsOf(p.parent)) {
          const from = later(a.from, p.from)
          const to = earlier(a.to, p.to)
          if (from != null && to != null && from > to) continue
          rows.push({ ancestor: a.ancestor, descendant: id, depth: a.depth + 1, from, to })
        }
      }
      visiting.delete(id)
      up.set(id, rows)
      return rows
    }
    return [...this.units.keys()].flatMap(ancestorsOf)
  }

  /** The unit and every unit under it on `day` (each once). */
  unitsUnder(unit: string, day: Day): string[] {
    const ids = new Set([unit])
    for (const r of this.below.get(unit) ?? []) if (covers(r.from, r.to, day)) ids.add(r.descendant)
    return [...ids]
  }

  /**
   * The unit and every unit under it at some time in `year`: the tree of that year. A commune that
   * left its district on 01/07 counts under the district (its first half) and under the province;
   * each unit once, so a total over these units never counts a figure twice.
   */
  unitsUnderInYear(unit: string, year: number): string[] {
    const ids = new Set([unit])
    for (const r of this.below.get(unit) ?? [])
      if (overlaps(r.from, r.to, `${year}-01-01`, `${year}-12-31`)) ids.add(r.descendant)
    return [...ids]
  }

  /** Every unit that was ever under `unit` (and the unit itself). */
  unitsEverUnder(unit: string): string[] {
    return [unit, ...new Set((this.below.get(unit) ?? []).map((r) => r.descendant))]
  }

  parentOn(unit: string, day: Day): string | null {
    return this.units.get(unit)?.parents.find((p) => covers(p.from, p.to, day))?.parent ?? null
  }

  existsOn(unit: string, day: Day): boolean {
    const u = this.units.get(unit)
    return !!u && covers(u.validFrom ?? null, u.validTo ?? null, day)
  }

  /** The units directly under `unit` (null: the top of the tree) on `day`. */
  childrenOn(unit: string | null, day: Day): string[] {
    return [...this.units.values()]
      .filter((u) => this.existsOn(u.id, day) && this.parentOn(u.id, day) === unit)
      .map((u) => u.id)
  }

  /** The name the unit had on `day`: the name before the first rename after that day, else today's. */
  nameOn(unit: string, day: Day): string {
    const rename = this.events.find(
      (e) => e.kind === 'rename' && e.on > day && e.units.includes(unit),
    )
    return rename?.previousName || this.units.get(unit)?.name || unit
  }

  /** The unit's name in a year: its name on the year's last day it existed. */
  nameInYear(unit: string, year: number): string {
    const end = this.units.get(unit)?.validTo
    return this.nameOn(unit, end && end < `${year}-12-31` ? end : `${year}-12-31`)
  }

  /** Units renamed since `year`: their name in that year (only those that differ from today's). */
  namesInYear(year: number): Map<string, string> {
    const out = new Map<string, string>()
    for (const e of this.events)
      if (e.kind === 'rename')
        for (const u of e.units) {
          const then = this.nameInYear(u, year)
          if (then !== this.units.get(u)?.name) out.set(u, then)
        }
    return out
  }

  /**
   * Today's units that carry `unit`'s figures, with their shares (summing to 1): a merged unit's go
   * to its successor, a split unit's to its successors by the shares the split names, transitively
   * (a commune merged in 2025 whose new commune was split later). A unit that has not ended, or
   * ended with no successor named, keeps its own figures.
   */
  successors(unit: string, seen: Set<string> = new Set()): Share[] {
    const ending = this.events.find(
      (e) =>
        (e.kind === 'merge' || e.kind === 'split') && e.units.includes(unit) && e.successors.length,
    )
    if (!ending || seen.has(unit)) return [{ unit, share: 1 }]
    seen.add(unit)
    const out = new Map<string, number>()
    for (const s of ending.successors) {
      if (s.unit === unit) {
        out.set(unit, (out.get(unit) ?? 0) + s.share)
        continue
      }
      for (const t of this.successors(s.unit, new Set(seen)))
        out.set(t.unit, (out.get(t.unit) ?? 0) + s.share * t.share)
    }
    return [...out].map(([u, share]) => ({ unit: u, share }))
  }

  /** The successor mapping of every unit that passes figures on (units that keep their own left out). */
  successorMap(): Map<string, Share[]> {
    const map = new Map<string, Share[]>()
    for (const id of this.units.keys()) {
      const s = this.successors(id)
      if (s.length !== 1 || s[0].unit !== id) map.set(id, s)
    }
    return map
  }

  /** Would giving `unit` the parent `parent` over [from, to] put it under itself? */
  wouldCycle(unit: string, parent: string, from: Day | null, to: Day | null): boolean {
    if (parent === unit) return true
    return (this.below.get(unit) ?? []).some(
      (r) =>
        r.descendant === parent &&
        (from == null || r.to == null || r.to >= from) &&
        (to == null || r.from == null || r.from <= to),
    )
  }
}
