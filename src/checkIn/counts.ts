import type { Payload } from 'payload'
import { audienceGroups, type AudienceGroup } from '@/vocabulary'

/** An event's check-ins: the total and per audience group (one count query per group, indexed). */
export async function checkInCounts(payload: Payload, eventId: string | number) {
  const count = async (group?: AudienceGroup) =>
    (
      await payload.count({
        collection: 'event-check-ins',
        where: {
          and: [
            { event: { equals: eventId } },
            ...(group ? [{ audienceGroup: { equals: group } }] : []),
          ],
        },
        overrideAccess: true,
      })
    ).totalDocs
  const byGroup = Object.fromEntries(
    await Promise.all(audienceGroups.values.map(async (g) => [g, await count(g)] as const)),
  ) as Record<AudienceGroup, number>
  return { total: await count(), byGroup }
}
