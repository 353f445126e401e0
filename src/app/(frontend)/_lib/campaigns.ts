import type { Payload } from 'payload'
import { CampaignStatus } from '@/vocabulary'

/**
 * Campaigns as the public page shows them. The collection is readable by signed-in users only
 * (budgets, KPI and training plans are internal), so these two reads are the public page's only
 * `overrideAccess: true`: they select the fields a published plan states anyway (name, plan
 * number, period, description) of campaigns that are running or closed, never planned ones.
 */
const PUBLIC_FIELDS = {
  name: true,
  planReference: true,
  startsOn: true,
  endsOn: true,
  description: true,
  status: true,
} as const

const shown = { status: { in: [CampaignStatus.Active, CampaignStatus.Closed] } }

export type PublicCampaign = {
  id: string
  name: string
  planReference?: string | null
  startsOn: string
  endsOn: string
  description?: string | null
  status?: string | null
}

export async function runningCampaign(payload: Payload): Promise<PublicCampaign | null> {
  const found = await payload.find({
    collection: 'campaigns',
    where: { status: { equals: CampaignStatus.Active } },
    sort: '-startsOn',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: PUBLIC_FIELDS,
  })
  return (found.docs[0] as unknown as PublicCampaign) ?? null
}

export async function publicCampaign(payload: Payload, id: string): Promise<PublicCampaign | null> {
  const found = await payload.find({
    collection: 'campaigns',
    where: { and: [{ id: { equals: id } }, shown] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: PUBLIC_FIELDS,
  })
  return (found.docs[0] as unknown as PublicCampaign) ?? null
}
