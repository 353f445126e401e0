import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { findBySlug, type KindDoc } from '@/content/public'
import type { ContentKind } from '@/vocabulary'
import { pictureOf, summaryOf } from '../_components/Card'
import { currentReader, getPayloadClient, itemPath, ogImage } from './site'

/**
 * The item of a detail page, once per request (metadata and page share it): public, or in draft
 * mode what the signed-in editor may read. Anything else is a 404: a draft, an item whose
 * web-page time has not come, a wrong slug all look the same from outside.
 */
export const loadItem = cache(async <K extends ContentKind>(kind: K, slug: string) => {
  const payload = await getPayloadClient()
  const reader = await currentReader()
  const doc = await findBySlug(payload, kind, decodeURIComponent(slug), reader)
  if (!doc) notFound()
  return { doc: doc as KindDoc<K>, preview: !!reader.draft }
})

/** Title, description, canonical URL, Open Graph and Twitter card (with the 1200×630 image) of an item. */
export async function itemMetadata(kind: ContentKind, slug: string): Promise<Metadata> {
  const { doc, preview } = await loadItem(kind, slug)
  const path = itemPath(kind, doc.slug)
  const description = summaryOf(kind, doc) || undefined
  const images = ogImage(pictureOf(kind, doc))
  return {
    title: doc.title,
    description,
    alternates: { canonical: path },
    robots: preview ? { index: false, follow: false } : undefined,
    openGraph: {
      title: doc.title,
      description,
      url: path,
      type: kind === 'articles' ? 'article' : kind === 'videos' ? 'video.other' : 'website',
      ...(kind === 'articles' && doc.publishedAt ? { publishedTime: doc.publishedAt } : {}),
      images,
    },
    twitter: {
      card: images ? 'summary_large_image' : 'summary',
      title: doc.title,
      description,
      images,
    },
  }
}
