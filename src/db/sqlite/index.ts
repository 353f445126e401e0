import type { Payload } from 'payload'
import type { DbOps } from '../types'
import { sqliteBackup } from './backup'
import { sqliteDispatch } from './dispatch'
import { sqliteFigures } from './figures'
import { sqliteMigrations } from './migrations'
import { sqliteRollup } from './rollup'
import { sqliteSnapshots } from './snapshots'
import { sqliteUpdates } from './updates'

/** The SQLite implementation of every interface (embedded database, committed migrations). */
export const sqliteOps = (payload: Payload): DbOps => ({
  name: payload.db.name,
  updates: sqliteUpdates(payload),
  migrations: sqliteMigrations(payload),
  dispatch: sqliteDispatch(payload),
  backup: sqliteBackup(payload),
  rollup: sqliteRollup(payload),
  snapshots: sqliteSnapshots(payload),
  figures: sqliteFigures(payload),
})
