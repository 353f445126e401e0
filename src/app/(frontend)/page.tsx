import type { Metadata } from 'next'
import Link from 'next/link'
import React from 'react'
import { listPublic, type PublicDoc } from '@/content/public'
import { formatNumber } from '@/lib/format'
import { vnYearMonth } from '@/lib/time'
import { yearTotals } from '@/reporting/summary'
import { CONTENT_KINDS, type ContentKind, Metric } from '@/vocabulary'
import { CardGrid } from './_components/Card'
import { JsonLd } from './_components/JsonLd'
import { runningCampaign } from './_lib/campaigns'
import { formatDate } from './_lib/format'
import { absoluteUrl, getPayloadClient, SITE_DESCRIPTION, SITE_NAME } from './_lib/site'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  alternates: { canonical: '/' },
  openGraph: { title: SITE_NAME, description: SITE_DESCRIPTION, url: '/' },
}

const COUNTERS = [
  { metric: Metric.ContentPublished, label: 'Tin, bài, sản phẩm đã xuất bản' },
  { metric: Metric.PublicationsPublished, label: 'Lượt đăng trên các kênh' },
  { metric: Metric.EventsHeld, label: 'Sự kiện đã tổ chức' },
  { metric: Metric.Participants, label: 'Người tham dự sự kiện' },
] as const

/**
 * This year's output: the rollup's totals (src/reporting, the same figures as the yearly report)
 * once computed; until then, plain counts of the items the public can see, so the counters never
 * claim zero for a year that has content.
 */
async function yearCounters(year: number) {
  const payload = await getPayloadClient()
  const totals = await yearTotals(payload, year)
  const sum = (m: Metric) => (totals.get(m) ?? []).reduce((a, b) => a + b, 0)
  if (COUNTERS.some((c) => sum(c.metric) > 0))
    return {
      fromRollup: true,
      items: COUNTERS.map((c) => ({ label: c.label, value: sum(c.metric) })),
    }
  const counts = await Promise.all(
    CONTENT_KINDS.map((kind) => listPublic(payload, kind, { filters: { year }, limit: 1 })),
  )
  return {
    fromRollup: false,
    items: CONTENT_KINDS.map((kind, i) => ({
      label: {
        articles: 'Tin, bài',
        videos: 'Video, chương trình',
        infographics: 'Infographic',
        events: 'Sự kiện',
      }[kind],
      value: counts[i].totalDocs,
    })),
  }
}

/** The dedicated page's front: featured items, the newest of each kind, upcoming events, the running campaign, this year's figures. */
export default async function HomePage() {
  const payload = await getPayloadClient()
  const year = vnYearMonth(new Date()).year
  const now = new Date().toISOString()
  const [featured, articles, videos, infographics, events, campaign, counters] = await Promise.all([
    Promise.all(
      CONTENT_KINDS.map((kind) =>
        listPublic(payload, kind, { and: [{ featured: { equals: true } }], limit: 4 }),
      ),
    ),
    listPublic(payload, 'articles', { limit: 6 }),
    listPublic(payload, 'videos', { limit: 4 }),
    listPublic(payload, 'infographics', { limit: 4 }),
    listPublic(payload, 'events', {
      and: [{ endsAt: { greater_than_equal: now } }],
      sort: 'startsAt',
      limit: 4,
    }),
    runningCampaign(payload),
    yearCounters(year),
  ])
  const as = (kind: ContentKind, docs: PublicDoc[]) => docs.map((doc) => ({ kind, doc }))
  const featuredItems = featured
    .flatMap((r, i) => as(CONTENT_KINDS[i], r.docs))
    .sort((a, b) => (b.doc.publishedAt ?? '').localeCompare(a.doc.publishedAt ?? ''))
    .slice(0, 4)
  const sections = [
    {
      id: 'tin-bai',
      heading: 'Tin, bài mới',
      href: '/articles',
      items: as('articles', articles.docs),
    },
    {
      id: 'video',
      heading: 'Video, phát thanh',
      href: '/videos',
      items: as('videos', videos.docs),
    },
    {
      id: 'infographic',
      heading: 'Infographic',
      href: '/infographics',
      items: as('infographics', infographics.docs),
    },
    {
      id: 'su-kien',
      heading: 'Sự kiện sắp diễn ra',
      href: '/events',
      items: as('events', events.docs),
    },
  ]
  return (
    <>
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'WebSite',
          name: SITE_NAME,
          url: absoluteUrl('/'),
          inLanguage: 'vi',
          potentialAction: {
            '@type': 'SearchAction',
            target: `${absoluteUrl('/tim-kiem')}?q={q}`,
            'query-input': 'required name=q',
          },
        }}
      />
      <h1>Chuyển đổi số – nâng cao nhận thức, phổ cập kỹ năng</h1>
      <section aria-labelledby="so-lieu" className="counters">
        <h2 id="so-lieu">Kết quả năm {year}</h2>
        <dl>
          {counters.items.map((c) => (
            <div key={c.label} className="counter">
              <dt>{c.label}</dt>
              <dd>{formatNumber(c.value)}</dd>
            </div>
          ))}
        </dl>
        <p className="muted">
          {counters.fromRollup
            ? 'Số liệu tổng hợp của hệ thống báo cáo, cập nhật hằng phút.'
            : 'Số nội dung đã đăng trên chuyên trang trong năm.'}
        </p>
      </section>
      {campaign ? (
        <section aria-labelledby="chien-dich" className="campaign-banner">
          <h2 id="chien-dich">Chiến dịch đang triển khai</h2>
          <p className="campaign-banner__name">
            <Link href={`/chien-dich/${campaign.id}`}>{campaign.name}</Link>
          </p>
          <p className="muted">
            {campaign.planReference ? `${campaign.planReference} · ` : ''}
            {formatDate(campaign.startsOn)} – {formatDate(campaign.endsOn)}
          </p>
        </section>
      ) : null}
      {featuredItems.length ? (
        <section aria-labelledby="noi-bat">
          <h2 id="noi-bat">Nổi bật</h2>
          <CardGrid items={featuredItems} />
        </section>
      ) : null}
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={s.id}>
          <h2 id={s.id}>{s.heading}</h2>
          <CardGrid items={s.items} />
          <p>
            <Link href={s.href}>Xem tất cả: {s.heading.toLowerCase()}</Link>
          </p>
        </section>
      ))}
    </>
  )
}
