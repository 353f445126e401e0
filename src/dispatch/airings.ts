import type { Payload } from 'payload'
import { AiringStatus, BROADCAST_KINDS, PublicationStatus } from '@/vocabulary'

/**
 * Broadcast slots nobody confirmed: once a slot's time plus the channel's delay has passed and the
 * airing is still pending, flag it so the station's operator sees it in the rundown and the admin.
 */
export async function flagUnconfirmedAirings(payload: Payload, now = new Date()): Promise<number> {
  const channels = await payload.find({
    collection: 'channels',
    where: { kind: { in: [...BROADCAST_KINDS] } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  let flagged = 0
  for (const channel of channels.docs) {
    const delayMin = channel.settings?.unconfirmedAfterMinutes ?? 60
    const before = new Date(now.getTime() - delayMin * 60_000).toISOString()
    const late = await payload.find({
      collection: 'publications',
      where: {
        and: [
          { channel: { equals: channel.id } },
          { status: { equals: PublicationStatus.Published } },
          { scheduledAt: { less_than: before } },
          { 'airing.status': { equals: AiringStatus.Pending } },
          { 'airing.flagged': { not_equals: true } },
        ],
      },
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { airing: true },
    })
    for (const pub of late.docs) {
      await payload.db.updateOne({
        collection: 'publications',
        id: pub.id,
        data: { airing: { ...(pub.airing ?? {}), flagged: true } },
        returning: false,
      })
      flagged++
    }
  }
  return flagged
}
