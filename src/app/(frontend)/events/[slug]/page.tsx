import React from 'react'
import type { Unit } from '@/payload-types'
import { eventKinds, eventStatuses } from '@/vocabulary'
import { Breadcrumbs } from '../../_components/Breadcrumbs'
import { ItemMeta, PreviewBanner } from '../../_components/ItemMeta'
import { JsonLd } from '../../_components/JsonLd'
import { RichText } from '../../_components/RichText'
import { formatEventTime, vnIso } from '../../_lib/format'
import { itemMetadata, loadItem } from '../../_lib/detail'
import { absoluteUrl, itemPath, SITE_NAME } from '../../_lib/site'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

export const generateMetadata = async ({ params }: Props) =>
  itemMetadata('events', (await params).slug)

const SCHEMA_STATUS: Record<string, string> = {
  postponed: 'https://schema.org/EventPostponed',
  cancelled: 'https://schema.org/EventCancelled',
}

/** An event: its time in Vietnam time, venue with a map link, online link, "add to calendar" (.ics). */
export default async function EventPage({ params }: Props) {
  const { doc, preview } = await loadItem('events', (await params).slug)
  const organiser =
    doc.ownerUnit && typeof doc.ownerUnit === 'object' ? (doc.ownerUnit as Unit) : null
  const mapUrl = doc.venue
    ? `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(doc.venue)}`
    : null
  const online = doc.onlineUrl && /^https?:\/\//.test(doc.onlineUrl) ? doc.onlineUrl : null
  return (
    <article className="item">
      <PreviewBanner show={preview} />
      <Breadcrumbs
        items={[
          { label: 'Sự kiện', href: '/events' },
          { label: doc.title, href: itemPath('events', doc.slug) },
        ]}
      />
      <h1>{doc.title}</h1>
      <p className="card__kind">
        {eventKinds.label(doc.kind)} · {eventStatuses.label(doc.status)}
      </p>
      <dl className="event-facts">
        <div>
          <dt>Thời gian</dt>
          <dd>
            <time dateTime={vnIso(doc.startsAt)}>{formatEventTime(doc.startsAt, doc.endsAt)}</time>{' '}
            <span className="muted">(giờ Việt Nam)</span>
          </dd>
        </div>
        {doc.venue ? (
          <div>
            <dt>Địa điểm</dt>
            <dd>
              {doc.venue}
              {mapUrl ? (
                <>
                  {' '}
                  ·{' '}
                  <a href={mapUrl} rel="noopener noreferrer">
                    Xem bản đồ
                  </a>
                </>
              ) : null}
            </dd>
          </div>
        ) : null}
        {online ? (
          <div>
            <dt>Trực tuyến</dt>
            <dd>
              <a href={online} rel="noopener noreferrer">
                {online}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
      <p>
        <a className="button" href={`${itemPath('events', doc.slug)}/ics`} download>
          Thêm vào lịch (.ics)
        </a>
      </p>
      <ItemMeta doc={doc} unitLabel="Đơn vị chủ trì" />
      <RichText data={doc.description} />
      {doc.resultsSummary ? (
        <section aria-labelledby="ket-qua">
          <h2 id="ket-qua">Kết quả</h2>
          <p>{doc.resultsSummary}</p>
        </section>
      ) : null}
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'Event',
          name: doc.title,
          startDate: vnIso(doc.startsAt),
          endDate: doc.endsAt ? vnIso(doc.endsAt) : undefined,
          eventStatus: SCHEMA_STATUS[doc.status ?? ''] ?? 'https://schema.org/EventScheduled',
          eventAttendanceMode: online
            ? doc.venue
              ? 'https://schema.org/MixedEventAttendanceMode'
              : 'https://schema.org/OnlineEventAttendanceMode'
            : 'https://schema.org/OfflineEventAttendanceMode',
          location: [
            ...(doc.venue ? [{ '@type': 'Place', name: doc.venue, address: doc.venue }] : []),
            ...(online ? [{ '@type': 'VirtualLocation', url: online }] : []),
          ],
          organizer: { '@type': 'Organization', name: organiser?.name ?? SITE_NAME },
          url: absoluteUrl(itemPath('events', doc.slug)),
          inLanguage: 'vi',
        }}
      />
    </article>
  )
}
