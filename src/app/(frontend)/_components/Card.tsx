import Link from 'next/link'
import React from 'react'
import type { PublicDoc } from '@/content/public'
import type { Article, Event, Infographic, Video } from '@/payload-types'
import type { ContentKind } from '@/vocabulary'
import { formatDate, formatEventTime } from '../_lib/format'
import { itemPath, kindLabel, mediaDoc } from '../_lib/site'
import { Highlight } from './Highlight'
import { Picture } from './Picture'

/** The picture that stands for an item in lists: cover, poster, the infographic itself. */
export function pictureOf(kind: ContentKind, doc: PublicDoc) {
  if (kind === 'articles') return mediaDoc((doc as Article).coverImage)
  if (kind === 'videos') return mediaDoc((doc as Video).poster)
  if (kind === 'infographics') return mediaDoc((doc as Infographic).file)
  return null
}

/** A line or two saying what the item is about. */
export function summaryOf(kind: ContentKind, doc: PublicDoc): string {
  const clip = (t?: string | null) => {
    const s = (t ?? '').trim()
    return s.length > 220 ? `${s.slice(0, 217)}…` : s
  }
  if (kind === 'articles') return clip((doc as Article).sapo)
  if (kind === 'videos') return clip((doc as Video).description)
  if (kind === 'infographics') return clip((doc as Infographic).alt)
  const event = doc as Event
  return [formatEventTime(event.startsAt, event.endsAt), event.venue].filter(Boolean).join(' · ')
}

/** One item in a list: picture, kind, title (the link), date and summary; search words marked. */
export function Card({
  kind,
  doc,
  words = [],
  headingLevel = 3,
}: {
  kind: ContentKind
  doc: PublicDoc
  words?: string[]
  headingLevel?: 2 | 3
}) {
  const picture = pictureOf(kind, doc)
  const Heading = `h${headingLevel}` as const
  const summary = summaryOf(kind, doc)
  return (
    <article className="card">
      {picture ? (
        <Picture media={picture} sizes="(min-width: 640px) 300px, 100vw" className="card__image" />
      ) : null}
      <div className="card__body">
        <p className="card__kind">{kindLabel(kind)}</p>
        <Heading className="card__title">
          <Link href={itemPath(kind, doc.slug)}>
            <Highlight text={doc.title} words={words} />
          </Link>
        </Heading>
        {doc.publishedAt && kind !== 'events' ? (
          <p className="muted">
            <time dateTime={doc.publishedAt}>{formatDate(doc.publishedAt)}</time>
          </p>
        ) : null}
        {summary ? (
          <p className="card__summary">
            <Highlight text={summary} words={words} />
          </p>
        ) : null}
      </div>
    </article>
  )
}

export function CardGrid({
  items,
  words,
  headingLevel,
}: {
  items: { kind: ContentKind; doc: PublicDoc }[]
  words?: string[]
  headingLevel?: 2 | 3
}) {
  if (!items.length) return <p className="muted">Chưa có nội dung.</p>
  return (
    <ul className="card-grid">
      {items.map(({ kind, doc }) => (
        <li key={`${kind}:${doc.id}`}>
          <Card kind={kind} doc={doc} words={words} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  )
}
