import React from 'react'
import { infographicKinds } from '@/vocabulary'
import { Breadcrumbs } from '../../_components/Breadcrumbs'
import { ItemMeta, PreviewBanner } from '../../_components/ItemMeta'
import { JsonLd } from '../../_components/JsonLd'
import { ZoomableImage } from '../../_components/ZoomableImage'
import { itemMetadata, loadItem } from '../../_lib/detail'
import { absoluteUrl, itemPath, mediaDoc, srcSetOf } from '../../_lib/site'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

export const generateMetadata = async ({ params }: Props) =>
  itemMetadata('infographics', (await params).slug)

/** An infographic, zoomable, with its long description in the page (and tied to the image for screen readers). */
export default async function InfographicPage({ params }: Props) {
  const { doc, preview } = await loadItem('infographics', (await params).slug)
  const file = mediaDoc(doc.file)
  const isImage = file?.mimeType?.startsWith('image/')
  return (
    <article className="item">
      <PreviewBanner show={preview} />
      <Breadcrumbs
        items={[
          { label: 'Infographic', href: '/infographics' },
          { label: doc.title, href: itemPath('infographics', doc.slug) },
        ]}
      />
      <h1>{doc.title}</h1>
      <p className="card__kind">{infographicKinds.label(doc.kind)}</p>
      <ItemMeta doc={doc} />
      {file?.url && isImage ? (
        <ZoomableImage
          src={file.sizes?.large?.url || file.url}
          srcSet={srcSetOf(file)}
          fullUrl={file.url}
          alt={doc.alt}
          width={file.width ?? undefined}
          height={file.height ?? undefined}
          describedBy="mo-ta-chi-tiet"
        />
      ) : file?.url ? (
        <video controls preload="metadata" aria-describedby="mo-ta-chi-tiet">
          <source src={file.url} type={file.mimeType ?? undefined} />
          <a href={file.url}>Tải tệp</a>
        </video>
      ) : null}
      <section aria-labelledby="mo-ta-chi-tiet-tieu-de" className="long-description">
        <h2 id="mo-ta-chi-tiet-tieu-de">Nội dung đồ họa (bản chữ)</h2>
        <div id="mo-ta-chi-tiet">
          {doc.longDescription.split(/\n{2,}/).map((para, i) => (
            <p key={i}>{para}</p>
          ))}
        </div>
      </section>
      {doc.dataSource ? <p className="muted">Nguồn số liệu: {doc.dataSource}</p> : null}
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'ImageObject',
          name: doc.title,
          description: doc.alt,
          contentUrl: file?.url ? absoluteUrl(file.url) : undefined,
          datePublished: doc.publishedAt ?? undefined,
          inLanguage: 'vi',
        }}
      />
    </article>
  )
}
