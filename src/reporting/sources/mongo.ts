import { CONTENT_KINDS } from '@/vocabulary'
import { mongoMonth } from '../window'
import type { MongoNames } from './types'

type Expr = unknown

/** The `$project` stage turning a source's documents into fact documents (constants as `$literal`). */
export function mongoFact(f: {
  month: Expr
  /** A measure name, or an expression building it from the document (trainee breakdowns). */
  metric: string | Expr
  value: Expr
  unit: Expr
  contentType?: Expr
  channel?: Expr
  channelKind?: Expr
  campaigns?: Expr
  topics?: Expr
}): Record<string, unknown> {
  const lit = (v: Expr) =>
    typeof v === 'string' && !v.startsWith('$') ? { $literal: v } : (v ?? { $literal: null })
  return {
    $project: {
      _id: 0,
      month: f.month,
      metric: typeof f.metric === 'string' ? { $literal: f.metric } : f.metric,
      // A number as `$literal`: a bare `value: 1` in `$project` would keep a (missing) field `value`, not set 1.
      value: typeof f.value === 'number' ? { $literal: f.value } : f.value,
      unit: lit(f.unit),
      contentType: lit(f.contentType),
      channel: lit(f.channel),
      channelKind: lit(f.channelKind),
      campaigns: f.campaigns ?? { $literal: [] },
      topics: f.topics ?? { $literal: [] },
    },
  }
}

/** A hasMany relationship field as an array (missing → []). */
export const arrayOf = (field: string) => ({ $ifNull: [`$${field}`, []] })

/** A single relationship as a one-element array, or [] when empty. */
export const oneOf = (field: string) => ({
  $cond: [{ $ifNull: [`$${field}`, false] }, [`$${field}`], []],
})

/**
 * Stages adding `contentTopics`: the topics of the item a polymorphic `content` relation points to
 * (`{ relationTo, value }`), looked up in each content collection.
 */
export function contentTopicsStages(names: MongoNames): Record<string, unknown>[] {
  return [
    ...CONTENT_KINDS.map((kind) => ({
      $lookup: {
        from: names(kind),
        // `let` + `$expr` rather than localField/foreignField beside `pipeline`: see engagement.ts.
        let: { item: '$content.value' },
        as: `_content_${kind}`,
        pipeline: [{ $match: { $expr: { $eq: ['$_id', '$$item'] } } }, { $project: { topics: 1 } }],
      },
    })),
    {
      $addFields: {
        contentTopics: {
          $switch: {
            branches: CONTENT_KINDS.map((kind) => ({
              case: { $eq: ['$content.relationTo', kind] },
              // The first joined item, then its topics (`$first` of `…_content.topics`, an array of
              // arrays, means the same on MongoDB, but mingo flattens it and took the first topic alone).
              then: {
                $let: {
                  vars: { item: { $first: `$_content_${kind}` } },
                  in: { $ifNull: ['$$item.topics', []] },
                },
              },
            })),
            default: [],
          },
        },
      },
    },
  ]
}

/** A publication's fact: its month by `time`, its unit, channel, campaign, and its content's type and topics (after contentTopicsStages). */
export const publicationFact = (time: string, metric: string, value: unknown) =>
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
  })
