import config from '@payload-config'
import { getPayload } from 'payload'
import React from 'react'
import { formatVietnamTime } from '@/lib/time'
import { ContentKind } from '@/vocabulary'

export const dynamic = 'force-dynamic'

const SECTIONS = [
  { collection: ContentKind.Articles, heading: 'Tin, bài mới' },
  { collection: ContentKind.Videos, heading: 'Video, phát thanh' },
  { collection: ContentKind.Infographics, heading: 'Infographic' },
  { collection: ContentKind.Events, heading: 'Sự kiện' },
] as const

/** The dedicated page's front: the newest published items of each kind (anonymous access rules apply). */
export default async function HomePage() {
  const payload = await getPayload({ config })
  const lists = await Promise.all(
    SECTIONS.map((s) =>
      payload.find({
        collection: s.collection,
        overrideAccess: false,
        limit: 6,
        depth: 0,
        sort: '-publishedAt',
      }),
    ),
  )
  return (
    <>
      <h1>Chuyển đổi số – nâng cao nhận thức, phổ cập kỹ năng</h1>
      {SECTIONS.map((s, i) => (
        <section key={s.collection}>
          <h2>{s.heading}</h2>
          {lists[i].docs.length === 0 ? (
            <p className="muted">Chưa có nội dung.</p>
          ) : (
            <ul>
              {lists[i].docs.map((doc) => (
                <li key={doc.id}>
                  <strong>{doc.title}</strong>{' '}
                  {doc.publishedAt ? (
                    <span className="muted">· {formatVietnamTime(doc.publishedAt)}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  )
}
