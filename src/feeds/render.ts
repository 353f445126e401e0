import { Feed, type Item } from 'feed'
import { serverUrl } from '@/lib/env'
import { escapeHtml, escapeText } from '@/lib/html'
import { formatVietnamTime } from '@/lib/time'
import { ContentKind } from '@/vocabulary'
import type { FeedData, FeedEntry } from './data'

export type FeedFormat = 'rss' | 'atom' | 'json'

export const FEED_FILES: Record<FeedFormat | 'ics', string> = {
  rss: 'rss.xml',
  atom: 'atom.xml',
  json: 'feed.json',
  ics: 'events.ics',
}

/** Feed categories. Not `contentKinds`' labels: videos are plain "Video" here, "Video, phát thanh" in the admin. */
const KIND_LABELS: Record<ContentKind, string> = {
  articles: 'Tin, bài',
  videos: 'Video',
  infographics: 'Infographic',
  events: 'Sự kiện',
}

const GENERATOR = 'Hệ thống quản lý chiến dịch chuyển đổi số'


/** Characters XML 1.0 forbids (C0 controls but tab and newlines, lone surrogates, U+FFFE/U+FFFF): they would make the feed unreadable. */
const XML_INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
export const xmlSafe = (value: string) => value.replace(XML_INVALID, '')

/** Text for a CDATA section: the feed library splits only the first "]]>", so none may remain (a zero-width space breaks it up). */
const cdataSafe = (value: string) => xmlSafe(value).replace(/]]>/g, ']]\u200B>')

/** The absolute URL of one of this channel's feeds, keeping the campaign filter. */
export function feedUrl(data: FeedData, format: FeedFormat | 'ics'): string {
  const base = `${serverUrl()}/feeds/${encodeURIComponent(data.channel.id)}/${FEED_FILES[format]}`
  return data.campaign ? `${base}?campaign=${encodeURIComponent(data.campaign.id)}` : base
}

/** A permanent, format-independent id for an item (RFC 4151 tag URI): it survives slug changes. */
export function itemId(entry: FeedEntry): string {
  let host = 'localhost'
  try {
    host = new URL(serverUrl()).hostname
  } catch {
    // keep localhost
  }
  return `tag:${host},2025:${entry.item.kind}/${encodeURIComponent(entry.item.id)}`
}

const later = (a: string | undefined, b: string | undefined) => {
  const ta = a ? new Date(a).getTime() : NaN
  const tb = b ? new Date(b).getTime() : NaN
  if (Number.isNaN(ta)) return Number.isNaN(tb) ? new Date(0) : new Date(tb)
  if (Number.isNaN(tb)) return new Date(ta)
  return new Date(Math.max(ta, tb))
}

/** When the entry last changed as far as readers care: the content's last edit, or its publication here if later. */
export const entryUpdated = (entry: FeedEntry) => later(entry.item.updatedAt, entry.publishedAt)

/** The feed's last change: its newest entry, or the channel's own edit when it has none. */
export function feedUpdated(data: FeedData): Date {
  return data.entries.reduce(
    (max, e) => (entryUpdated(e) > max ? entryUpdated(e) : max),
    new Date(data.channel.updatedAt || 0),
  )
}

export const feedTitle = (data: FeedData) =>
  data.campaign ? `${data.channel.name} – ${data.campaign.name}` : data.channel.name

export const feedDescription = (data: FeedData) =>
  data.campaign
    ? `Tin, bài, video, infographic và sự kiện của chiến dịch "${data.campaign.name}" đăng trên kênh "${data.channel.name}".`
    : `Tin, bài, video, infographic và sự kiện đăng trên kênh "${data.channel.name}".`

/** "Thời gian: 08:00 22/11/2026 – 11:30 22/11/2026 · Địa điểm: …" for an event; empty for other content. */
export function eventLine(entry: FeedEntry): string {
  const { item } = entry
  if (item.kind !== ContentKind.Events) return ''
  const parts: string[] = []
  if (item.startsAt)
    parts.push(
      `Thời gian: ${formatVietnamTime(item.startsAt)}${item.endsAt ? ` – ${formatVietnamTime(item.endsAt)}` : ''} (giờ Việt Nam)`,
    )
  if (item.venue) parts.push(`Địa điểm: ${item.venue}`)
  if (entry.event?.onlineUrl) parts.push(`Trực tuyến: ${entry.event.onlineUrl}`)
  return parts.join(' · ')
}

/** The summary as plain text, with an event's time and place in front. */
export function summaryText(entry: FeedEntry): string {
  return [eventLine(entry), entry.item.summary].filter(Boolean).join('\n')
}

/** The full text as plain text: body, description or long description; the summary when there is none. */
export function contentText(entry: FeedEntry): string {
  const { item } = entry
  return [eventLine(entry), item.text || item.summary || item.title].filter(Boolean).join('\n\n')
}

/** Plain text as simple HTML paragraphs (every character escaped), for the HTML fields of RSS and Atom. */
const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeText(p).replace(/\n/g, '<br/>')}</p>`)
    .join('\n')

const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
  svg: 'image/svg+xml',
}

function imageEnclosure(url: string | undefined) {
  if (!url) return undefined
  try {
    const ext = new URL(url).pathname.split('.').pop()?.toLowerCase() ?? ''
    return { url, type: IMAGE_TYPES[ext] ?? 'image/jpeg' }
  } catch {
    return undefined
  }
}

/** Builds the `feed` library's model; RSS and Atom both take HTML in their summary and content fields. */
function buildFeed(data: FeedData, self: FeedFormat): Feed {
  const updated = feedUpdated(data)
  const feed = new Feed({
    id: feedUrl(data, 'atom'),
    title: xmlSafe(feedTitle(data)),
    description: xmlSafe(feedDescription(data)),
    link: serverUrl(),
    language: 'vi',
    updated,
    generator: GENERATOR,
    ttl: 1,
    feed: feedUrl(data, self),
    feedLinks: {
      rss: feedUrl(data, 'rss'),
      atom: feedUrl(data, 'atom'),
      json: feedUrl(data, 'json'),
    },
    author: { name: xmlSafe(data.channel.name) },
    copyright: `© ${updated.getUTCFullYear()} ${xmlSafe(data.channel.name)}`,
  })
  for (const entry of data.entries) {
    const { item } = entry
    const summary = summaryText(entry)
    const image = imageEnclosure(item.imageUrl)
    const html =
      (image
        ? `<p><img src="${escapeHtml(image.url)}" alt="${escapeHtml(item.title)}"/></p>\n`
        : '') + paragraphs(contentText(entry))
    const author = item.unitName ? [{ name: xmlSafe(item.unitName) }] : undefined
    const feedItem: Item = {
      // Atom titles are typed "html"; RSS titles are plain text by the specification.
      title: self === 'atom' ? cdataSafe(escapeText(item.title)) : cdataSafe(item.title),
      id: itemId(entry),
      guid: itemId(entry),
      link: item.url,
      date: entryUpdated(entry),
      published: new Date(entry.publishedAt),
      description: summary ? cdataSafe(paragraphs(summary)) : undefined,
      content: cdataSafe(html),
      category: [{ name: KIND_LABELS[item.kind], term: item.kind }],
      image,
    }
    if (self === 'atom') feedItem.author = author
    // RSS's <author> must be an e-mail address; the unit goes in dc:creator (the namespace comes with content:encoded).
    else if (author)
      feedItem.extensions = [{ name: 'dc:creator', objects: { _text: author[0].name } }]
    feed.addItem(feedItem)
  }
  return feed
}

export const renderRss = (data: FeedData) => buildFeed(data, 'rss').rss2()

export const renderAtom = (data: FeedData) => buildFeed(data, 'atom').atom1()

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), written here because the `feed` library
 * emits version 1 (single `author`, no `language`).
 */
export function renderJsonFeed(data: FeedData): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feedTitle(data),
    home_page_url: serverUrl(),
    feed_url: feedUrl(data, 'json'),
    description: feedDescription(data),
    language: 'vi',
    authors: [{ name: data.channel.name }],
    items: data.entries.map((entry) => {
      const { item } = entry
      const updated = entryUpdated(entry)
      const published = new Date(entry.publishedAt)
      return {
        id: itemId(entry),
        url: item.url,
        title: item.title,
        summary: summaryText(entry) || undefined,
        content_text: contentText(entry),
        image: item.imageUrl,
        date_published: published.toISOString(),
        date_modified: updated > published ? updated.toISOString() : undefined,
        authors: item.unitName ? [{ name: item.unitName }] : undefined,
        tags: [KIND_LABELS[item.kind]],
        language: 'vi',
        ...(item.kind === ContentKind.Events
          ? {
              _event: {
                starts_at: item.startsAt,
                ends_at: item.endsAt,
                venue: item.venue,
                online_url: entry.event?.onlineUrl,
                status: entry.event?.status,
              },
            }
          : {}),
      }
    }),
  }
  return JSON.stringify(feed, null, 2)
}
