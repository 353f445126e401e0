/** Helpers for the rollup tests: rows with chosen times (the dispatcher's context skips the "not in the past" rule), and the cells as a key → value map. */
import type { Payload } from 'payload'
import { cellKey } from '@/reporting/cells'

export type Dims = {
  campaign?: string
  unit?: string
  type?: string
  channel?: string
  topic?: string
}

/** The key of a cell, from the dimensions a test names. */
export const key = (year: number, month: number, metric: string, d: Dims = {}) =>
  cellKey({
    year,
    month,
    metric,
    campaign: d.campaign ?? null,
    unit: d.unit ?? null,
    contentType: d.type ?? null,
    channel: d.channel ?? null,
    topic: d.topic ?? null,
  })

/** Every cell of a year, key → value. */
export async function cellMap(payload: Payload, year: number): Promise<Map<string, number>> {
  const found = await payload.find({
    collection: 'rollup-cells',
    where: { year: { equals: year } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const map = new Map<string, number>()
  for (const c of found.docs) {
    const k = cellKey({
      year: c.year,
      month: c.month,
      metric: c.metric,
      campaign: (c.campaign as string) ?? null,
      unit: (c.unit as string) ?? null,
      contentType: c.contentType ?? null,
      channel: (c.channel as string) ?? null,
      topic: (c.topic as string) ?? null,
    })
    if (k !== c.key) throw new Error(`stored key ${c.key} differs from its dimensions ${k}`)
    map.set(k, c.value)
  }
  return map
}

/** Content created through the Local API (hooks run), then its creation time set as if it had been written then. */
export async function content(
  payload: Payload,
  kind: 'articles' | 'videos' | 'events',
  data: Record<string, unknown>,
  createdAt: string,
): Promise<string> {
  const doc = await payload.create({ collection: kind, data: data as never, overrideAccess: true })
  await payload.db.updateOne({
    collection: kind,
    where: { id: { equals: doc.id } },
    data: { createdAt },
  } as never)
  return String(doc.id)
}

/** A publication written as the dispatcher writes it (owner unit and channel kind given, past times allowed). */
export async function publication(
  payload: Payload,
  data: Record<string, unknown>,
): Promise<string> {
  const doc = await payload.create({
    collection: 'publications',
    data: data as never,
    overrideAccess: true,
    context: { dispatcher: true },
  })
  return String(doc.id)
}

/** A deterministic PRNG (mulberry32), so a failing random sequence can be replayed. */
export function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
