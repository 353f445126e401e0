/**
 * The MongoDB pipeline builders, checked for what they produce for known windows: the UTC bounds of
 * local months, the time zone on `$month`, the families' grouping, and a source's fact shape. (The
 * pipelines are run, by mingo, in rollup-mongo.test.ts.)
 */
import { describe, expect, it } from 'vitest'
import { familyStages } from '@/db/mongo/rollup'
import { publicationsSource } from '@/reporting/sources/publications'
import { budgetsSource } from '@/reporting/sources/budgets'
import { contentSource } from '@/reporting/sources/content'
import { engagementMongoFacts } from '@/reporting/sources/engagement'
import { trainingsSource } from '@/reporting/sources/trainings'
import { mongoInWindow } from '@/reporting/window'

const names = (slug: string) => `coll_${slug}`

describe('MongoDB pipeline builders', () => {
  it('a window of December 2026 is [30/11 17:00Z, 31/12 17:00Z) with the month checked in Asia/Ho_Chi_Minh', () => {
    expect(mongoInWindow('publishedAt', { year: 2026, months: [12] })).toEqual({
      publishedAt: {
        $gte: new Date('2026-11-30T17:00:00.000Z'),
        $lt: new Date('2026-12-31T17:00:00.000Z'),
      },
      $expr: { $in: [{ $month: { date: '$publishedAt', timezone: 'Asia/Ho_Chi_Minh' } }, [12]] },
    })
    expect(mongoInWindow('createdAt', { year: 2026, months: null })).toEqual({
      createdAt: {
        $gte: new Date('2025-12-31T17:00:00.000Z'),
        $lt: new Date('2026-12-31T17:00:00.000Z'),
      },
    })
  })

  it('publications published: match, content topics looked up in every content collection, fact shape', () => {
    const [published, aired, minutes] = publicationsSource.mongoFacts(
      { year: 2026, months: [5, 6] },
      names as never,
    )
    expect(published.collection).toBe('publications')
    expect(published.pipeline[0]).toEqual({
      $match: {
        status: 'published',
        ...mongoInWindow('publishedAt', { year: 2026, months: [5, 6] }),
      },
    })
    const lookups = published.pipeline
      .filter((s) => '$lookup' in s)
      .map((s) => (s.$lookup as { from: string }).from)
    expect(lookups).toEqual(['coll_articles', 'coll_videos', 'coll_infographics', 'coll_events'])
    const project = published.pipeline.at(-1)!.$project as Record<string, unknown>
    expect(project.metric).toEqual({ $literal: 'publications-published' })
    expect(project.campaigns).toEqual({
      $cond: [{ $ifNull: ['$campaign', false] }, ['$campaign'], []],
    })
    expect(project.topics).toBe('$contentTopics')
    expect((aired.pipeline[0].$match as Record<string, unknown>)['airing.status']).toBe('aired')
    expect((minutes.pipeline.at(-1)!.$project as Record<string, unknown>).value).toBe(
      '$airing.actualDurationSeconds',
    )
  })

  it('budgets only answer the yearly window (month 0) and carry their campaign', () => {
    expect(budgetsSource.mongoFacts({ year: 2026, months: [3] }, names as never)).toEqual([])
    const [planned] = budgetsSource.mongoFacts({ year: 2026, months: [0] }, names as never)
    expect(planned.pipeline[1]).toEqual({
      $match: { 'budgets.year': 2026, 'budgets.planned': { $ne: null } },
    })
    expect((planned.pipeline[2].$project as Record<string, unknown>).campaigns).toEqual(['$_id'])
  })

  it('trainings: held courses by startsOn; trainee rows unwound, the measure built from the programme or unit kind', () => {
    const w = { year: 2026, months: [3] }
    const [held, total, programme, unitKind] = trainingsSource.mongoFacts(w, names as never)
    expect(held.collection).toBe('trainings')
    expect(held.pipeline[0]).toEqual({
      $match: { status: 'held', ...mongoInWindow('startsOn', w) },
    })
    const project = (f: typeof held) => f.pipeline.at(-1)!.$project as Record<string, unknown>
    expect(project(held)).toMatchObject({
      metric: { $literal: 'trainings-held' },
      value: { $literal: 1 },
      unit: '$ownerUnit',
      campaigns: { $cond: [{ $ifNull: ['$campaign', false] }, ['$campaign'], []] },
      topics: { $literal: [] },
    })
    expect(total.pipeline[1]).toEqual({ $match: { totalTrainees: { $ne: null } } })
    expect(project(total).value).toBe('$totalTrainees')
    expect(programme.pipeline.slice(1, 3)).toEqual([
      { $unwind: '$trainees' },
      { $match: { 'trainees.programme': { $ne: null } } },
    ])
    expect(project(programme)).toMatchObject({
      metric: { $concat: ['trainees-programme-', '$trainees.programme'] },
      value: '$trainees.count',
    })
    expect(project(unitKind).metric).toEqual({
      $concat: ['trainees-unit-kind-', '$trainees.unitKind'],
    })
    expect(trainingsSource.mongoFacts({ year: 2026, months: [0] }, names as never)).toEqual([])
  })

  it('engagement: published publications of the window, their latest observation before the end of the year, one pipeline per figure', () => {
    const w = { year: 2026, months: [7] }
    const facts = engagementMongoFacts(w, names as never)
    expect(facts.map((f) => (f.pipeline.at(-1)!.$project as { metric: unknown }).metric)).toEqual(
      ['views', 'reach', 'reactions', 'shares', 'comments', 'watch-time-seconds'].map((m) => ({
        $literal: `engagement-${m}`,
      })),
    )
    const [views] = facts
    expect(views.collection).toBe('publications')
    expect(views.pipeline[0]).toEqual({
      $match: { status: 'published', ...mongoInWindow('publishedAt', w) },
    })
    expect(views.pipeline[1]).toEqual({
      $lookup: {
        from: 'coll_engagement-observations',
        let: { publication: '$_id' },
        as: 'latest',
        pipeline: [
          { $match: { $expr: { $eq: ['$publication', '$$publication'] } } },
          { $match: { observedAt: { $lt: new Date('2026-12-31T17:00:00.000Z') } } },
          { $sort: { observedAt: -1, _id: -1 } },
          { $limit: 1 },
        ],
      },
    })
    expect(views.pipeline.slice(2, 4)).toEqual([
      { $unwind: '$latest' },
      { $match: { 'latest.views': { $ne: null } } },
    ])
    const project = views.pipeline.at(-1)!.$project as Record<string, unknown>
    expect(project).toMatchObject({
      month: { $month: { date: '$publishedAt', timezone: 'Asia/Ho_Chi_Minh' } },
      value: '$latest.views',
      channel: '$channel',
      topics: '$contentTopics',
    })
    expect((facts[5].pipeline.at(-1)!.$project as Record<string, unknown>).value).toBe(
      '$latest.watchTimeSeconds',
    )
  })

  it('content: a counted item is the constant 1 as `$literal` (a bare 1 in `$project` would keep a missing field)', () => {
    for (const facts of contentSource.mongoFacts({ year: 2026, months: null }, names as never))
      expect((facts.pipeline.at(-1)!.$project as Record<string, unknown>).value).toEqual({
        $literal: 1,
      })
  })

  it('families: all groups by the single-valued dimensions; campaign and topic unwind their list first', () => {
    expect(familyStages('all')).toEqual([
      {
        $group: {
          _id: {
            month: '$month',
            metric: '$metric',
            unit: '$unit',
            contentType: '$contentType',
            channel: '$channel',
            channelKind: '$channelKind',
          },
          total: { $sum: '$value' },
        },
      },
    ])
    const [unwind, group] = familyStages('topic')
    expect(unwind).toEqual({ $unwind: '$topics' })
    expect((group.$group as { _id: Record<string, string> })._id.topic).toBe('$topics')
  })
})
