import config from '@payload-config'
import { getPayload, type Payload } from 'payload'
import { applyMigrations } from './migrations'

/** Payload with its schema up to date: every process (server, worker, seed, tests) starts here. */
export async function startPayload(): Promise<Payload> {
  const payload = await getPayload({ config })
  await applyMigrations(payload)
  return payload
}
