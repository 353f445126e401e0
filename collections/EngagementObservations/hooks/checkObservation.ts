import type { CollectionBeforeChangeHook } from 'payload'
import { refuseFields } from '@/lib/refuse'
import { observationProblem } from '@/engagement/check'
import type { EngagementObservation } from '@/payload-types'

/** Checks the figure against its publication and copies the publication's unit, channel and title onto it. */
export const checkObservation: CollectionBeforeChangeHook<EngagementObservation> = async ({
  data,
  originalDoc,
  req,
}) => {
  const merged = { ...originalDoc, ...data }
  const result = await observationProblem(
    req.payload,
    req.user,
    merged.publication,
    merged.observedAt ?? new Date().toISOString(),
    merged,
    req,
  )
  if ('problem' in result) {
    refuseFields(req, 'engagement-observations', [{ path: result.field, message: result.problem }])
  }
  const { publication } = result
  data.ownerUnit = publication.ownerUnit ?? null
  data.channel = publication.channel
  data.channelName = publication.channelName ?? null
  data.publicationTitle = publication.contentTitle ?? null
  return data
}
