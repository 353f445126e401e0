import type { Payload } from 'payload'
import { mongoOps } from './mongo'
import { sqliteOps } from './sqlite'
import type { DbOps } from './types'

export type * from './types'

const chosen = new WeakMap<Payload, DbOps>()

/**
 * The adapter-specific operations of this Payload's database, chosen once per instance: the one
 * place outside an adapter's own folder that knows which database runs (everything else asks
 * through these interfaces, see README.md).
 */
export function dbOps(payload: Payload): DbOps {
  let ops = chosen.get(payload)
  if (!ops) {
    ops = payload.db.name === 'sqlite' ? sqliteOps(payload) : mongoOps(payload)
    chosen.set(payload, ops)
  }
  return ops
}
