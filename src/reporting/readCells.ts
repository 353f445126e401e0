import type { Payload, PayloadRequest, Where } from 'payload'
import { relationId } from '@/lib/relation'
import type { DashCell } from './dashboard/types'

type StoredCell = Omit<
  DashCell,
  'campaign' | 'unit' | 'channel' | 'topic' | 'unitName' | 'contentType' | 'channelKind'
> & {
  campaign?: unknown
  unit?: unknown
  channel?: unknown
  topic?: unknown
  unitName?: string | null
  contentType?: string | null
  channelKind?: string | null
}

/** A stored `rollup-cells` row as the figure builders take it (relations as plain ids). */
export const toCell = (c: StoredCell): DashCell => ({
  year: c.year,
  month: c.month,
  metric: c.metric,
  value: c.value,
  campaign: relationId(c.campaign),
  unit: relationId(c.unit),
  unitName: c.unitName ?? null,
  contentType: c.contentType ?? null,
  channel: relationId(c.channel),
  channelKind: c.channelKind ?? null,
  topic: relationId(c.topic),
})

/** Channel id → name, for the tables that name channels. */
export async function channelNames(payload: Payload, req?: PayloadRequest) {
  const found = await payload.find({
    collection: 'channels',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
    select: { name: true },
  })
  return new Map(found.docs.map((c) => [String(c.id), c.name]))
}

/**
 * Rollup cells matching `and`, as the figure builders (src/reporting/dashboard) take them. Read as
 * `req.user` by default, so the collection's access keeps editors and contributors to their unit;
 * `system` reads every unit's (the server's own jobs: unit reports, exports).
 */
export async function readCells(
  payload: Payload,
  and: Where[],
  as: { req?: PayloadRequest; system?: boolean } = {},
): Promise<DashCell[]> {
  const found = await payload.find({
    collection: 'rollup-cells',
    where: { and },
    select: {
      year: true,
      month: true,
      metric: true,
      value: true,
      campaign: true,
      unit: true,
      unitName: true,
      contentType: true,
      channel: true,
      channelKind: true,
      topic: true,
    },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: !!as.system,
    ...(as.system ? {} : { user: as.req?.user }),
    req: as.req,
  })
  return found.docs.map(toCell)
}
