import { sql } from '@payloadcms/db-sqlite'
import { vnYearMonth } from '@/lib/time'
import type { SQL } from '../window'
import { FACT_COLUMNS, type DirtyMonth, type FactColumn } from './types'

type Value = SQL | string | number | null

/** A SELECT list in FACT_COLUMNS order; a column not given is NULL (campaigns_from_ref: 0). */
export function factSelect(cols: Partial<Record<FactColumn, Value>>): SQL {
  const parts = FACT_COLUMNS.map((name) => {
    const v = cols[name] ?? (name === 'campaigns_from_ref' ? 0 : null)
    return v === null ? sql`NULL` : typeof v === 'object' ? v : sql`${v}`
  })
  return sql.join(parts, sql`, `)
}

/** A table or column of the SQLite schema (names are fixed by the collections, never user input). */
export const t = (name: string) => sql.raw(`"${name.replace(/"/g, '')}"`)

/** UNION ALL of the non-empty parts, or null. */
export function unionAll(parts: (SQL | null)[]): SQL | null {
  const kept = parts.filter((p): p is SQL => p !== null)
  return kept.length ? sql.join(kept, sql` UNION ALL `) : null
}

/** The Vietnam (year, month) of a date value, if it is one. */
export function monthOf(value: unknown): DirtyMonth[] {
  if (!value) return []
  const d = new Date(value as string)
  return Number.isNaN(d.getTime()) ? [] : [vnYearMonth(d)]
}

/** Whether two relationship lists (ids or populated docs) hold the same ids. */
export function sameIds(a: unknown, b: unknown): boolean {
  const ids = (v: unknown) =>
    (Array.isArray(v) ? v : [])
      .map((x) => String(x && typeof x === 'object' && 'id' in x ? (x as { id: unknown }).id : x))
      .sort()
      .join(',')
  return ids(a) === ids(b)
}
