import React from 'react'
import type { Unit } from '@/payload-types'
import { Breadcrumbs } from '../../_components/Breadcrumbs'
import { ItemMeta, PreviewBanner } from '../../_components/ItemMeta'
import { JsonLd } from '../../_components/JsonLd'
import { Picture } from '../../_components/Picture'
import { RichText } from '../../_components/RichText'
import { itemMetadata, loadItem } from '../../_lib/detail'
import { absoluteUrl, itemPath, mediaDoc, SITE_NAME } from '../../_lib/site'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

export const generateMetadata = async ({ params }: Props) =>
  itemMetadata('articles', (await params).slug)

/** An article: title, sapo, cover, the Lexical body with its images, byline and source. */
export default async function ArticlePage({ params }: Props) {
  const { doc, preview } = await loadItem('articles', (await params).slug)
  const cover = mediaDoc(doc.coverImage)
  const unit = doc.ownerUnit && typeof doc.ownerUnit === 'object' ? (doc.ownerUnit as Unit) : null
  return (
    <article className="item">
      <PreviewBanner show={preview} />
      <Breadcrumbs
        items={[
          { label: 'Tin, bài', href: '/articles' },
          { label: doc.title, href: itemPath('articles', doc.slug) },
        ]}
      />
      <h1>{doc.title}</h1>
      <ItemMeta doc={doc} />
      {doc.sapo ? <p className="sapo">{doc.sapo}</p> : null}
      {cover ? (
        <figure className="cover">
          <Picture media={cover} priority />
          {cover.caption ? <figcaption>{cover.caption}</figcaption> : null}
        </figure>
      ) : null}
      <RichText data={doc.body} />
      {doc.byline ? <p className="byline">{doc.byline}</p> : null}
      {doc.source ? <p className="muted">Nguồn: {doc.source}</p> : null}
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: doc.title,
          description: doc.sapo ?? undefined,
          image: cover ? [absoluteUrl(cover.sizes?.og?.url || cover.url || '')] : undefined,
          datePublished: doc.publishedAt ?? undefined,
          dateModified: doc.updatedAt,
          inLanguage: 'vi',
          mainEntityOfPage: absoluteUrl(itemPath('articles', doc.slug)),
          author: doc.byline
            ? { '@type': 'Person', name: doc.byline }
            : unit
              ? { '@type': 'Organization', name: unit.name }
              : undefined,
          publisher: { '@type': 'Organization', name: unit?.name ?? SITE_NAME },
        }}
      />
    </article>
  )
}
