import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React, { cache } from 'react'
import { campaignStatuses } from '@/vocabulary'
import { Breadcrumbs } from '../../_components/Breadcrumbs'
import { MergedList } from '../../_components/MergedList'
import { publicCampaign } from '../../_lib/campaigns'
import { formatDate } from '../../_lib/format'
import { getPayloadClient, type SearchParams } from '../../_lib/site'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams }

const loadCampaign = cache(async (id: string) => {
  const payload = await getPayloadClient()
  return (await publicCampaign(payload, decodeURIComponent(id))) ?? notFound()
})

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const campaign = await loadCampaign((await params).id)
  return {
    title: campaign.name,
    description: campaign.description ?? undefined,
    alternates: { canonical: `/chien-dich/${campaign.id}` },
  }
}

/** A running or closed campaign: its plan, period and what was published for it. */
export default async function CampaignPage({ params, searchParams }: Props) {
  const campaign = await loadCampaign((await params).id)
  return (
    <>
      <Breadcrumbs items={[{ label: campaign.name, href: `/chien-dich/${campaign.id}` }]} />
      <h1>{campaign.name}</h1>
      <p className="muted">
        {campaign.planReference ? `Kế hoạch ${campaign.planReference} · ` : ''}
        {formatDate(campaign.startsOn)} – {formatDate(campaign.endsOn)} ·{' '}
        {campaignStatuses.label(campaign.status)}
      </p>
      {campaign.description ? <p>{campaign.description}</p> : null}
      <MergedList
        path={`/chien-dich/${campaign.id}`}
        and={[{ campaigns: { in: [campaign.id] } }]}
        sp={await searchParams}
        omit={[]}
      />
    </>
  )
}
