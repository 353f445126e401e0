import { relationId } from '@/lib/relation'
import { monthOf } from '@/reporting/sources/facts'
import type { DirtyMark, WatchArgs } from '@/reporting/sources/types'
import { ParticipantsSource, RollupSource } from '@/vocabulary'

/**
 * The months a check-in (or its deletion) makes stale: its event's month, only when the organiser
 * chose the check-ins as the event's participants (otherwise the rollup does not read them; a later
 * switch marks the event's month through the event's own hook). The event is read afresh, not from
 * the check-in page's short cache, so a switch made a second ago already counts.
 */
export async function checkInMonths({ payload, doc, req }: WatchArgs): Promise<DirtyMark[]> {
  const id = relationId(doc.event)
  if (!id) return []
  // The stored document (not a later draft): what the rollup's SQL reads.
  const event = await payload.findByID({
    collection: 'events',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    select: { startsAt: true, checkIn: true },
    req,
  })
  if (event?.checkIn?.participantsSource !== ParticipantsSource.CheckIn) return []
  return monthOf(event.startsAt).map((m) => ({ ...m, source: RollupSource.Events }))
}
