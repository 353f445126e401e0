import type { Payload } from 'payload'
import { portableSnapshots } from '../portable/snapshots'
import type { DbOps } from '../types'
import { mongoDispatch } from './dispatch'
import { mongoFigures } from './figures'
import { mongoMigrations } from './migrations'
import { mongoRollup } from './rollup'
import { mongoUpdates } from './updates'

/** The MongoDB implementation of every interface (production). */
export const mongoOps = (payload: Payload): DbOps => ({
  name: payload.db.name,
  updates: mongoUpdates(payload),
  migrations: mongoMigrations(payload),
  dispatch: mongoDispatch(payload),
  // Backed up with mongodump, outside the application (README, "Sao lưu và khôi phục").
  backup: null,
  rollup: mongoRollup(payload),
  snapshots: portableSnapshots(payload),
  figures: mongoFigures(payload),
})
