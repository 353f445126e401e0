/**
 * The access matrix (tests/helpers/accessSpec.ts) cell by cell, as plain functions: each cell
 * calls its collection's access function from the sanitized config with the actor's user and
 * checks what it decides for the row's document (a Where is evaluated against the document by
 * mingo). No database: tests/int/access-matrix*.test.ts drive the cells a hook refuses through the
 * Local API, tests/e2e/access-rest.test.ts one cell per collection and actor through REST.
 */
import configPromise from '@payload-config'
import type { SanitizedConfig } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { decide } from '../helpers/accessRules'
import { ACCESS_MATRIX, ACTORS, type Outcome, rowKey } from '../helpers/accessSpec'

let config: SanitizedConfig

beforeAll(async () => {
  config = await configPromise
})

const cells = ACCESS_MATRIX.flatMap((row) =>
  ACTORS.filter((actor) => row.expect[actor] !== 'n/a').map((actor) => ({
    name: `${row.collection} | ${actor} | ${row.op}: ${row.what} → ${row.expect[actor]}`,
    row,
    actor,
    outcome: row.expect[actor],
  })),
)

/** What the access functions must decide for each outcome: a hook's refusal comes after access let it through. */
const EXPECTED: Record<Exclude<Outcome, 'n/a'>, { collection: boolean; field?: boolean }> = {
  allowed: { collection: true, field: true },
  hook: { collection: true },
  field: { collection: true, field: false },
  denied: { collection: false },
}

describe('access matrix, as plain functions', () => {
  it.each(cells)('$name', async ({ row, actor, outcome }) => {
    const decision = await decide(config, row, actor)
    const expected = EXPECTED[outcome as Exclude<Outcome, 'n/a'>]
    expect(decision.collection).toBe(expected.collection)
    if (row.field && expected.field !== undefined) expect(decision.field).toBe(expected.field)
  })

  it('has a row for every operation of every collection, and no row twice', () => {
    const keys = ACCESS_MATRIX.map(rowKey)
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([])
    const missing = config.collections
      .filter((c) => !c.slug.startsWith('payload-'))
      .flatMap((c) =>
        (['create', 'read', 'update', 'delete'] as const)
          .filter((op) => !ACCESS_MATRIX.some((r) => r.collection === c.slug && r.op === op))
          .map((op) => `${c.slug} ${op}`),
      )
    expect(missing).toEqual([])
  })

  it('reaches other units: every unit-owned collection has a row on another unit’s document', () => {
    const owned = new Set(
      ACCESS_MATRIX.filter((r) => {
        const doc = typeof r.doc === 'function' ? undefined : r.doc
        return doc && ('ownerUnit' in doc || 'unit' in doc || 'leadUnit' in doc)
      }).map((r) => r.collection),
    )
    const crossUnit = new Set(
      ACCESS_MATRIX.filter((r) => /another|other unit|other's/i.test(r.what)).map(
        (r) => r.collection,
      ),
    )
    expect([...owned].filter((c) => !crossUnit.has(c))).toEqual([])
  })
})
