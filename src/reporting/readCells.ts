import type { Payload, PayloadRequest, Where } from 'payload'
import { relationId } from '@/lib/relation'
import type { DashCell } from './dashboard'

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
  return found.docs.map((c) => ({
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
  }))
}
