import type { Payload } from 'payload'
import { dbOps } from '@/db'
import { pendingMigrations } from './migrations'

export type Readiness = { ready: boolean; body: Record<string, unknown> }

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`quá ${ms} ms`)), ms)),
  ])

/** Ready means: the database answers and every committed migration is applied. */
export async function readiness(payload: Payload): Promise<Readiness> {
  try {
    const pending = await withTimeout(pendingMigrations(payload), 3000)
    if (pending.length) {
      return {
        ready: false,
        body: { status: 'unavailable', reason: 'Còn migration chưa được áp dụng.', pending },
      }
    }
    return { ready: true, body: { status: 'ready', database: dbOps(payload).name } }
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err)
    return {
      ready: false,
      body: { status: 'unavailable', reason: `Cơ sở dữ liệu không phản hồi: ${detail}` },
    }
  }
}
