import Link from 'next/link'
import React from 'react'
import type { PublicDoc } from '@/content/public'
import type { Topic, Unit } from '@/payload-types'
import { formatDate } from '../_lib/format'
import { LivePreviewListener } from './LivePreviewListener'

const populated = <T,>(v: unknown): T | null => (v && typeof v === 'object' ? (v as T) : null)

/** Date, unit (linked to its page) and topics (linked to theirs). */
export function ItemMeta({ doc, unitLabel = 'Đơn vị' }: { doc: PublicDoc; unitLabel?: string }) {
  const unit = populated<Unit>(doc.ownerUnit)
  const topics = (doc.topics ?? []).map((t) => populated<Topic>(t)).filter((t): t is Topic => !!t)
  return (
    <div className="item-meta">
      {doc.publishedAt ? (
        <p>
          Đăng ngày <time dateTime={doc.publishedAt}>{formatDate(doc.publishedAt)}</time>
        </p>
      ) : null}
      {unit ? (
        <p>
          {unitLabel}: <Link href={`/don-vi/${unit.id}`}>{unit.name}</Link>
        </p>
      ) : null}
      {topics.length ? (
        <p>
          Chủ đề:{' '}
          {topics.map((t, i) => (
            <React.Fragment key={t.id}>
              {i ? ', ' : ''}
              <Link href={`/chu-de/${t.slug}`}>{t.title}</Link>
            </React.Fragment>
          ))}
        </p>
      ) : null}
    </div>
  )
}

export function PreviewBanner({ show }: { show: boolean }) {
  if (!show) return null
  return (
    <p className="preview-banner" role="status">
      Đang xem bản nháp (chế độ xem trước của biên tập viên).{' '}
      {/* A route handler that clears the draft-mode cookie: a full request, not a client navigation. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
      <a href="/next/exit-preview">Thoát xem trước</a>
      <LivePreviewListener />
    </p>
  )
}
