import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React, { cache } from 'react'
import { Breadcrumbs } from '../../_components/Breadcrumbs'
import { MergedList } from '../../_components/MergedList'
import { getPayloadClient, type SearchParams } from '../../_lib/site'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }>; searchParams: SearchParams }

const loadTopic = cache(async (slug: string) => {
  const payload = await getPayloadClient()
  const found = await payload.find({
    collection: 'topics',
    where: { slug: { equals: decodeURIComponent(slug) } },
    limit: 1,
    depth: 0,
    overrideAccess: false,
  })
  return found.docs[0] ?? notFound()
})

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const topic = await loadTopic((await params).slug)
  return {
    title: `Chủ đề: ${topic.title}`,
    description: topic.description ?? undefined,
    alternates: { canonical: `/chu-de/${topic.slug}` },
  }
}

/** A topic (chính quyền số, kinh tế số, xã hội số…) and everything published under it. */
export default async function TopicPage({ params, searchParams }: Props) {
  const topic = await loadTopic((await params).slug)
  return (
    <>
      <Breadcrumbs items={[{ label: `Chủ đề: ${topic.title}`, href: `/chu-de/${topic.slug}` }]} />
      <h1>Chủ đề: {topic.title}</h1>
      {topic.description ? <p>{topic.description}</p> : null}
      <MergedList
        path={`/chu-de/${topic.slug}`}
        and={[{ topics: { in: [topic.id] } }]}
        sp={await searchParams}
        omit={['chu-de']}
      />
    </>
  )
}
