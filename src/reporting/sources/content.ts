import { sql } from '@payloadcms/db-sqlite'
import { CONTENT_KINDS, DocStatus, Metric, PublicationStatus, RollupSource } from '@/vocabulary'
import { hasMonthly, mongoInWindow, mongoMonth, sqlInWindow, sqlMonth } from '../window'
import { factSelect, monthOf, sameIds, t, unionAll, sameFacts } from './facts'
import { arrayOf, mongoFact } from './mongo'
import type { DirtyMark, RollupSourceModule, Watch } from './types'

/**
 * When a content item's topics change or it is deleted, the publication and engagement cells that
 * see its topics (and its type) are stale too: mark the months of its publications.
 */
const publicationsOfContent =
  (kind: string): Watch['related'] =>
  async ({ payload, operation, doc, previousDoc, req }) => {
    if (
      operation === 'create' ||
      (operation === 'update' && previousDoc && sameIds(doc.topics, previousDoc.topics))
    )
      return []
    const pubs = await payload.find({
      collection: 'publications',
      where: {
        and: [{ 'content.relationTo': { equals: kind } }, { 'content.value': { equals: doc.id } }],
      },
      select: { publishedAt: true, scheduledAt: true, status: true },
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    return pubs.docs.flatMap((p): DirtyMark[] =>
      [
        ...monthOf(p.status === PublicationStatus.Published ? p.publishedAt : null),
        ...monthOf(p.scheduledAt),
      ].map((m) => ({ ...m, source: RollupSource.Publications })),
    )
  }

/** Content produced (by creation time, drafts included) and content published (published now, by its publish time). */
export const contentSource: RollupSourceModule = {
  name: RollupSource.Content,
  metrics: [Metric.ContentProduced, Metric.ContentPublished],
  sqliteFacts: (w) => {
    if (!hasMonthly(w)) return null
    return sameFacts(
      unionAll(
        CONTENT_KINDS.flatMap((kind) => {
          const common = {
            value: 1,
            unit: sql`c.owner_unit_id`,
            content_type: kind,
            ref_kind: kind,
            ref_id: sql`c.id`,
            campaigns_from_ref: 1,
          }
          return [
            sql`SELECT ${factSelect({ ...common, month: sqlMonth(sql`c.created_at`), metric: Metric.ContentProduced })} FROM ${t(kind)} c WHERE ${sqlInWindow(sql`c.created_at`, w)}`,
            sql`SELECT ${factSelect({ ...common, month: sqlMonth(sql`c.published_at`), metric: Metric.ContentPublished })} FROM ${t(kind)} c
              WHERE c._status = ${DocStatus.Published} AND ${sqlInWindow(sql`c.published_at`, w)}`,
          ]
        }),
      ),
    )
  },
  mongoFacts: (w) => {
    if (!hasMonthly(w)) return []
    return CONTENT_KINDS.flatMap((kind) => {
      const common = {
        value: 1,
        unit: '$ownerUnit',
        contentType: kind,
        campaigns: arrayOf('campaigns'),
        topics: arrayOf('topics'),
      }
      return [
        {
          collection: kind,
          pipeline: [
            { $match: mongoInWindow('createdAt', w) },
            mongoFact({
              ...common,
              month: mongoMonth('createdAt'),
              metric: Metric.ContentProduced,
            }),
          ],
        },
        {
          collection: kind,
          pipeline: [
            { $match: { _status: DocStatus.Published, ...mongoInWindow('publishedAt', w) } },
            mongoFact({
              ...common,
              month: mongoMonth('publishedAt'),
              metric: Metric.ContentPublished,
            }),
          ],
        },
      ]
    })
  },
  watches: CONTENT_KINDS.map((kind) => ({
    collection: kind,
    months: (doc) => [
      ...monthOf(doc.createdAt),
      ...(doc._status === DocStatus.Published ? monthOf(doc.publishedAt) : []),
    ],
    related: publicationsOfContent(kind),
  })),
}
