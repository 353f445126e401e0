import { sql } from '@payloadcms/db-sqlite'
import { vnYearMonth } from '@/lib/time'
import type { SQL } from '../window'
import {
  FACT_COLUMNS,
  VALUE_SLOTS,
  type DirtyMonth,
  type FactColumn,
  type SqliteFacts,
} from './types'

type Value = SQL | string | number | null

/**
 * A SELECT list in FACT_COLUMNS order, named; a column not given is NULL (campaigns_from_ref: 0).
 * `values` fill value, value1, … for a metric set.
 */
export function factSelect(
  cols: Partial<Record<FactColumn, Value>> & { values?: readonly Value[] },
): SQL {
  const { values, ...rest } = cols
  const given: Partial<Record<FactColumn, Value>> = { ...rest }
  values?.forEach((v, i) => (given[VALUE_SLOTS[i]] = v))
  const parts = FACT_COLUMNS.map((name) => {
    const v = given[name] ?? (name === 'campaigns_from_ref' ? 0 : null)
    const value = v === null ? sql`NULL` : typeof v === 'object' ? v : sql`${v}`
    return sql`${value} AS ${sql.raw(name)}`
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

/** A small source's facts: one SELECT read both ways (see SqliteFacts). */
export const sameFacts = (select: SQL | null): SqliteFacts | null =>
  select ? { cells: select, byContent: select } : null
