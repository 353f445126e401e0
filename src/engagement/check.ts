import type { Payload, PayloadRequest } from 'payload'
import { isCrossUnit, unitIdOf } from '@/access/roles'
import { relationId, sameId } from '@/lib/relation'
import { formatVietnamTime } from '@/lib/time'
import type { Publication } from '@/payload-types'
import {
  EngagementMetric,
  engagementMetrics,
  PublicationStatus,
  publicationStatuses,
} from '@/vocabulary'

export type Figures = Partial<Record<EngagementMetric, number | null>>

/** How far ahead of the server's clock an observation may be dated (a phone's clock, time zones typed wrong). */
const FUTURE_TOLERANCE_MS = 5 * 60_000

/**
 * Why an engagement figure cannot be stored for this publication, in Vietnamese, or null when it can:
 * the publication exists, went out, belongs to the user's unit (unless they reach all units), the
 * observation is not dated before it went out nor in the future, and at least one figure is given.
 * Shared by the form (through the collection hook) and the CSV import (per line).
 */
export async function observationProblem(
  payload: Payload,
  user: PayloadRequest['user'],
  publicationId: unknown,
  observedAt: string | Date,
  figures: Figures,
  req?: PayloadRequest,
): Promise<{ problem: string; field: string } | { publication: Publication }> {
  const id = relationId(publicationId)
  if (!id) return { field: 'publication', problem: 'Cần chọn lịch đăng.' }
  const publication = await payload.findByID({
    collection: 'publications',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!publication) return { field: 'publication', problem: `Không có lịch đăng mã "${id}".` }
  const name = `"${publication.contentTitle ?? id}" trên "${publication.channelName ?? ''}"`
  if (publication.status !== PublicationStatus.Published) {
    return {
      field: 'publication',
      problem: `Lịch đăng ${name} chưa được đăng (${publicationStatuses.label(publication.status)}) nên chưa có số liệu tương tác.`,
    }
  }
  if (user && !isCrossUnit(user) && !sameId(publication.ownerUnit, unitIdOf(user))) {
    return {
      field: 'publication',
      problem: `Lịch đăng ${name} thuộc đơn vị khác; bạn chỉ nhập số liệu của đơn vị mình.`,
    }
  }
  const at = new Date(observedAt)
  if (Number.isNaN(at.getTime()))
    return { field: 'observedAt', problem: 'Thời điểm ghi nhận không hợp lệ.' }
  if (at.getTime() > Date.now() + FUTURE_TOLERANCE_MS)
    return {
      field: 'observedAt',
      problem: `Thời điểm ghi nhận ${formatVietnamTime(at)} ở tương lai.`,
    }
  if (publication.publishedAt && at < new Date(publication.publishedAt)) {
    return {
      field: 'observedAt',
      problem: `Thời điểm ghi nhận ${formatVietnamTime(at)} trước lúc bài được đăng (${formatVietnamTime(publication.publishedAt)}).`,
    }
  }
  for (const metric of engagementMetrics.values) {
    const v = figures[metric]
    if (v != null && !(Number.isInteger(v) && v >= 0))
      return {
        field: metric,
        problem: `${engagementMetrics.label(metric)} phải là số nguyên không âm.`,
      }
  }
  if (engagementMetrics.values.every((m) => figures[m] == null)) {
    return {
      field: 'views',
      problem:
        'Cần nhập ít nhất một số liệu (lượt xem, tiếp cận, tương tác, chia sẻ, bình luận hoặc thời gian xem).',
    }
  }
  return { publication }
}
