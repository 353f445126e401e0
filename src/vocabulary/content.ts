import { l, vocabulary } from './define'

/** The four kinds of content, each a collection of its own. */
export const ContentKind = { Articles: 'articles', Videos: 'videos', Infographics: 'infographics', Events: 'events' } as const
export type ContentKind = (typeof ContentKind)[keyof typeof ContentKind]

export const contentKinds = vocabulary<ContentKind>({
  articles: l('Tin, bài', 'Articles'),
  videos: l('Video, phát thanh', 'Videos'),
  infographics: l('Infographic', 'Infographics'),
  events: l('Sự kiện', 'Events'),
})

export const CONTENT_KINDS = contentKinds.values

/** Payload's draft state of a content document (`_status`). */
export const DocStatus = { Draft: 'draft', Published: 'published' } as const
export type DocStatus = (typeof DocStatus)[keyof typeof DocStatus]
