import type { Payload } from 'payload'

let instance: Payload | undefined

/** The test file's Payload (Local API) on its fresh database, with migrations applied. */
export async function testPayload(): Promise<Payload> {
  if (!instance) {
    const { startPayload } = await import('@/lib/startPayload')
    instance = await startPayload()
  }
  return instance
}
