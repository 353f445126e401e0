import type { Metadata, Viewport } from 'next'
import Link from 'next/link'
import React from 'react'
import { ChannelKind, ChannelStatus } from '@/vocabulary'
import { SiteHeader } from './_components/SiteHeader'
import { absoluteUrl, getPayloadClient, SITE_DESCRIPTION, SITE_NAME } from './_lib/site'
import './styles.css'

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b4f8a' }

/** The feeds the dedicated page links to: every active feed channel (src/feeds), RSS, Atom and JSON Feed. */
async function feedChannels() {
  const payload = await getPayloadClient()
  // Channels hold credentials and are read by signed-in users only; a feed's id and name are
  // public (its URL is), so only these two fields of active feed channels are read.
  const found = await payload.find({
    collection: 'channels',
    where: {
      and: [{ kind: { equals: ChannelKind.Feed } }, { status: { equals: ChannelStatus.Active } }],
    },
    limit: 10,
    depth: 0,
    overrideAccess: true,
    select: { name: true },
  })
  return found.docs.map((c) => ({ id: String(c.id), name: c.name }))
}

export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(absoluteUrl('/')),
    title: { default: SITE_NAME, template: `%s – ${SITE_NAME}` },
    description: SITE_DESCRIPTION,
    openGraph: { siteName: SITE_NAME, locale: 'vi_VN', type: 'website' },
    twitter: { card: 'summary_large_image' },
  }
}

export default async function FrontendLayout({ children }: { children: React.ReactNode }) {
  const feeds = await feedChannels()
  return (
    <html lang="vi">
      {/* In the HTML itself, not in Next's streamed metadata, so every feed reader finds them. */}
      <head>
        {feeds.map((f) => (
          <React.Fragment key={f.id}>
            <link
              rel="alternate"
              type="application/rss+xml"
              title={f.name}
              href={`/feeds/${f.id}/rss.xml`}
            />
            <link
              rel="alternate"
              type="application/atom+xml"
              title={f.name}
              href={`/feeds/${f.id}/atom.xml`}
            />
            <link
              rel="alternate"
              type="application/feed+json"
              title={f.name}
              href={`/feeds/${f.id}/feed.json`}
            />
          </React.Fragment>
        ))}
      </head>
      <body>
        <SiteHeader />
        <main id="noi-dung" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>
            {SITE_NAME} – thực hiện Quyết định 146/QĐ-TTg về nâng cao nhận thức, phổ cập kỹ năng số.
          </p>
          {feeds.length ? (
            <ul className="feed-links" aria-label="Nguồn tin (RSS)">
              {feeds.map((f) => (
                <li key={f.id}>
                  <a href={`/feeds/${f.id}/rss.xml`}>RSS: {f.name}</a>{' '}
                  <a href={`/feeds/${f.id}/atom.xml`}>Atom</a>{' '}
                  <a href={`/feeds/${f.id}/feed.json`}>JSON Feed</a>{' '}
                  <a href={`/feeds/${f.id}/events.ics`}>Lịch sự kiện (.ics)</a>
                </li>
              ))}
            </ul>
          ) : null}
          <p>
            <Link href="/tim-kiem">Tìm kiếm</Link> ·{' '}
            <Link href="/admin" prefetch={false}>
              Đăng nhập biên tập
            </Link>
          </p>
        </footer>
      </body>
    </html>
  )
}
