import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React, { cache } from 'react'
import { unitKinds } from '@/vocabulary'
import { Breadcrumbs } from '../../_components/Breadcrumbs'
import { MergedList } from '../../_components/MergedList'
import { getPayloadClient, type SearchParams } from '../../_lib/site'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams }

const loadUnit = cache(async (id: string) => {
  const payload = await getPayloadClient()
  const found = await payload.find({
    collection: 'units',
    where: { id: { equals: decodeURIComponent(id) } },
    limit: 1,
    depth: 0,
    overrideAccess: false,
  })
  return found.docs[0] ?? notFound()
})

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const unit = await loadUnit((await params).id)
  return { title: unit.name, alternates: { canonical: `/don-vi/${unit.id}` } }
}

/** A unit (newspaper, station, department, district…) and what it published. */
export default async function UnitPage({ params, searchParams }: Props) {
  const unit = await loadUnit((await params).id)
  return (
    <>
      <Breadcrumbs items={[{ label: unit.name, href: `/don-vi/${unit.id}` }]} />
      <h1>{unit.name}</h1>
      <p className="muted">{unitKinds.label(unit.kind)}</p>
      <MergedList
        path={`/don-vi/${unit.id}`}
        and={[{ ownerUnit: { equals: unit.id } }]}
        sp={await searchParams}
        omit={['don-vi']}
      />
    </>
  )
}
