import { sql } from '@payloadcms/db-sqlite'
import {
  AiringStatus,
  BROADCAST_KINDS,
  CONTENT_KINDS,
  Metric,
  PublicationStatus,
  RollupSource,
} from '@/vocabulary'
import {
  hasMonthly,
  mongoInWindow,
  mongoMonth,
  sqlInWindow,
  sqlMonth,
  type Window,
} from '../window'
import { relationId } from '@/lib/relation'
import { factSelect, monthOf, unionAll } from './facts'
import { contentTopicsStages, mongoFact, oneOf } from './mongo'
import type { MongoNames, RollupSourceModule } from './types'

/** The fields whose change moves a publication's figures (the engagement source watches them too). */
export const FIGURE_FIELDS = [
  'status',
  'publishedAt',
  'scheduledAt',
  'airing.status',
  'airing.actualDurationSeconds',
  'channel',
  'channelKind',
  'campaign',
  'ownerUnit',
  'content',
]
export const pick = (doc: Record<string, any>, path: string) => {
  const v = path.split('.').reduce<any>((o, k) => o?.[k], doc)
  return v && typeof v === 'object' && 'id' in v
    ? v.id
    : v && typeof v === 'object' && 'value' in v
      ? relationId(v.value)
      : (v ?? null)
}

/** The content kind and id of a publication, from its polymorphic `content` link (publications_rels). */
export const contentKind = sql.raw(
  `CASE ${CONTENT_KINDS.map((k) => `WHEN r."${k}_id" IS NOT NULL THEN '${k}'`).join(' ')} END`,
)
export const contentId = sql.raw(`COALESCE(${CONTENT_KINDS.map((k) => `r."${k}_id"`).join(', ')})`)

/**
 * Publications with their content link. A LEFT JOIN: a publication whose content was deleted still
 * counts (with no type). (parent_id, path) finds the covering index publications_rels_content_idx.
 */
export const FROM = sql`FROM publications p LEFT JOIN publications_rels r ON r.parent_id = p.id AND r.path = 'content'`

const broadcastKinds = sql.join(
  BROADCAST_KINDS.map((k) => sql`${k}`),
  sql`, `,
)

function facts(metric: string, time: string, value: ReturnType<typeof sql> | number) {
  return factSelect({
    month: sqlMonth(sql.raw(`p.${time}`)),
    metric,
    value,
    unit: sql`p.owner_unit_id`,
    content_type: contentKind,
    channel: sql`p.channel_id`,
    channel_kind: sql`p.channel_kind`,
    campaign: sql`p.campaign_id`,
    ref_kind: contentKind,
    ref_id: contentId,
  })
}

function mongoPublicationFacts(
  w: Window,
  names: MongoNames,
  match: Record<string, unknown>,
  time: string,
  metric: string,
  value: unknown,
) {
  return {
    collection: 'publications' as const,
    pipeline: [
      { $match: { ...match, ...mongoInWindow(time, w) } },
      ...contentTopicsStages(names),
      mongoFact({
        month: mongoMonth(time),
        metric,
        value,
        unit: '$ownerUnit',
        contentType: '$content.relationTo',
        channel: '$channel',
        channelKind: '$channelKind',
        campaigns: oneOf('campaign'),
        topics: '$contentTopics',
      }),
    ],
  }
}

/**
 * Publications published per channel (publication status published, month of its publishedAt;
 * unit = the publication's owner unit, campaign = its campaign, type and topics from its content),
 * and broadcasts aired on radio, TV and loudspeaker channels (airing confirmed "aired", month of
 * the slot's scheduledAt) with their minutes (actual duration; facts carry seconds, cells minutes).
 * Loudspeaker broadcasts are the cells whose channel kind is loudspeaker.
 */
export const publicationsSource: RollupSourceModule = {
  name: RollupSource.Publications,
  metrics: [Metric.PublicationsPublished, Metric.BroadcastsAired, Metric.BroadcastMinutes],
  sqliteFacts: (w) => {
    if (!hasMonthly(w)) return null
    const aired = sql`p.airing_status = ${AiringStatus.Aired} AND p.channel_kind IN (${broadcastKinds}) AND ${sqlInWindow(sql`p.scheduled_at`, w)}`
    return unionAll([
      sql`SELECT ${facts(Metric.PublicationsPublished, 'published_at', 1)} ${FROM} WHERE p.status = ${PublicationStatus.Published} AND ${sqlInWindow(sql`p.published_at`, w)}`,
      sql`SELECT ${facts(Metric.BroadcastsAired, 'scheduled_at', 1)} ${FROM} WHERE ${aired}`,
      sql`SELECT ${facts(Metric.BroadcastMinutes, 'scheduled_at', sql`p.airing_actual_duration_seconds`)} ${FROM} WHERE ${aired} AND p.airing_actual_duration_seconds IS NOT NULL`,
    ])
  },
  mongoFacts: (w, names) => {
    if (!hasMonthly(w)) return []
    const aired = {
      'airing.status': AiringStatus.Aired,
      channelKind: { $in: [...BROADCAST_KINDS] },
    }
    return [
      mongoPublicationFacts(
        w,
        names,
        { status: PublicationStatus.Published },
        'publishedAt',
        Metric.PublicationsPublished,
        { $literal: 1 },
      ),
      mongoPublicationFacts(w, names, aired, 'scheduledAt', Metric.BroadcastsAired, {
        $literal: 1,
      }),
      mongoPublicationFacts(
        w,
        names,
        { ...aired, 'airing.actualDurationSeconds': { $ne: null } },
        'scheduledAt',
        Metric.BroadcastMinutes,
        '$airing.actualDurationSeconds',
      ),
    ]
  },
  watches: [
    {
      collection: 'publications',
      // Both times of both versions: a status, airing or time change moves a publication between months.
      months: (doc) => [...monthOf(doc.publishedAt), ...monthOf(doc.scheduledAt)],
      // The dispatcher saves leases and attempts often; only these fields move a publication's figures.
      relevant: (doc, prev) =>
        FIGURE_FIELDS.some((f) => JSON.stringify(pick(doc, f)) !== JSON.stringify(pick(prev, f))),
    },
  ],
}
