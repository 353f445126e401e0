import config from '@payload-config'
import { getPayload, type Payload } from 'payload'
import { prepareSqliteFile } from './database'
import { applyMigrations } from './migrations'

/** Payload with its schema up to date: every process (server, worker, seed, tests) starts here. */
export async function startPayload(): Promise<Payload> {
  await prepareSqliteFile()
  const payload = await getPayload({ config })
  await applyMigrations(payload)
  return payload
}
