import React from 'react'
import { youtubeId } from '@/lib/videoUrl'
import { videoKinds } from '@/vocabulary'
import { Breadcrumbs } from '../../_components/Breadcrumbs'
import { ItemMeta, PreviewBanner } from '../../_components/ItemMeta'
import { JsonLd } from '../../_components/JsonLd'
import { isoDuration } from '../../_lib/format'
import { itemMetadata, loadItem } from '../../_lib/detail'
import { absoluteUrl, itemPath, mediaDoc, mediaUrl } from '../../_lib/site'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

export const generateMetadata = async ({ params }: Props) =>
  itemMetadata('videos', (await params).slug)

/**
 * A video or radio programme: an uploaded file plays in the browser's own player with its WebVTT
 * captions; a YouTube link plays through youtube-nocookie.com (no cookies until play); any other
 * link (Facebook) is a plain link out.
 */
export default async function VideoPage({ params }: Props) {
  const { doc, preview } = await loadItem('videos', (await params).slug)
  const file = mediaDoc(doc.file)
  const poster = mediaDoc(doc.poster)
  const captions = mediaDoc(doc.captions)
  const yt = youtubeId(doc.externalUrl)
  const audio = file?.mimeType?.startsWith('audio/')
  const track = captions?.url ? (
    <track kind="captions" src={captions.url} srcLang="vi" label="Tiếng Việt" default />
  ) : null
  const embedUrl = yt ? `https://www.youtube-nocookie.com/embed/${yt}` : undefined
  return (
    <article className="item">
      <PreviewBanner show={preview} />
      <Breadcrumbs
        items={[
          { label: 'Video, phát thanh', href: '/videos' },
          { label: doc.title, href: itemPath('videos', doc.slug) },
        ]}
      />
      <h1>{doc.title}</h1>
      <p className="card__kind">{videoKinds.label(doc.kind)}</p>
      <ItemMeta doc={doc} />
      <div className="player">
        {file?.url && audio ? (
          <audio controls preload="metadata" src={file.url}>
            {track}
            <a href={file.url}>Tải tệp âm thanh</a>
          </audio>
        ) : file?.url ? (
          <video
            controls
            preload="metadata"
            poster={mediaUrl(poster, 'large')}
            width={file.width ?? undefined}
            height={file.height ?? undefined}
          >
            <source src={file.url} type={file.mimeType ?? undefined} />
            {track}
            <a href={file.url}>Tải video</a>
          </video>
        ) : embedUrl ? (
          <div className="embed">
            <iframe
              src={embedUrl}
              title={`Video: ${doc.title}`}
              loading="lazy"
              allow="accelerometer; encrypted-media; gyroscope; picture-in-picture; fullscreen"
              referrerPolicy="strict-origin-when-cross-origin"
              allowFullScreen
            />
          </div>
        ) : doc.externalUrl ? (
          <p>
            <a href={doc.externalUrl} rel="noopener noreferrer">
              Xem video trên Facebook
            </a>
          </p>
        ) : null}
      </div>
      {captions?.url ? (
        <p className="muted">
          Có phụ đề tiếng Việt. <a href={captions.url}>Tải phụ đề (WebVTT)</a>
        </p>
      ) : null}
      {doc.description ? <p className="description">{doc.description}</p> : null}
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'VideoObject',
          name: doc.title,
          description: doc.description || doc.title,
          thumbnailUrl: poster ? [absoluteUrl(mediaUrl(poster, 'og') ?? '')] : undefined,
          uploadDate: doc.publishedAt ?? doc.createdAt,
          duration: isoDuration(doc.durationSeconds),
          contentUrl: file?.url ? absoluteUrl(file.url) : undefined,
          embedUrl,
          inLanguage: 'vi',
        }}
      />
    </article>
  )
}
