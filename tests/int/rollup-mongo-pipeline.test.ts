/**
 * The MongoDB path cannot run here (no server): its pipeline builders are checked for what they
 * produce for known windows: the UTC bounds of local months, the time zone on `$month`, the
 * families' grouping, and a source's fact shape.
 */
import { describe, expect, it } from 'vitest'
import { familyStages } from '@/reporting/mongo'
import { publicationsSource } from '@/reporting/sources/publications'
import { budgetsSource } from '@/reporting/sources/budgets'
import { mongoInWindow } from '@/reporting/window'

const names = (slug: string) => `coll_${slug}`

describe('MongoDB pipeline builders', () => {
  it('a window of December 2026 is [30/11 17:00Z, 31/12 17:00Z) with the month checked in Asia/Ho_Chi_Minh', () => {
    expect(mongoInWindow('publishedAt', { year: 2026, months: [12] })).toEqual({
      publishedAt: { $gte: new Date('2026-11-30T17:00:00.000Z'), $lt: new Date('2026-12-31T17:00:00.000Z') },
      $expr: { $in: [{ $month: { date: '$publishedAt', timezone: 'Asia/Ho_Chi_Minh' } }, [12]] },
    })
    expect(mongoInWindow('createdAt', { year: 2026, months: null })).toEqual({ createdAt: { $gte: new Date('2025-12-31T17:00:00.000Z'), $lt: new Date('2026-12-31T17:00:00.000Z') } })
  })

  it('publications published: match, content topics looked up in every content collection, fact shape', () => {
    const [published, aired, minutes] = publicationsSource.mongoFacts({ year: 2026, months: [5, 6] }, names as never)
    expect(published.collection).toBe('publications')
    expect(published.pipeline[0]).toEqual({ $match: { status: 'published', ...mongoInWindow('publishedAt', { year: 2026, months: [5, 6] }) } })
    const lookups = published.pipeline.filter((s) => '$lookup' in s).map((s) => (s.$lookup as { from: string }).from)
    expect(lookups).toEqual(['coll_articles', 'coll_videos', 'coll_infographics', 'coll_events'])
    const project = published.pipeline.at(-1)!.$project as Record<string, unknown>
    expect(project.metric).toEqual({ $literal: 'publications-published' })
    expect(project.campaigns).toEqual({ $cond: [{ $ifNull: ['$campaign', false] }, ['$campaign'], []] })
    expect(project.topics).toBe('$contentTopics')
    expect((aired.pipeline[0].$match as Record<string, unknown>)['airing.status']).toBe('aired')
    expect((minutes.pipeline.at(-1)!.$project as Record<string, unknown>).value).toBe('$airing.actualDurationSeconds')
  })

  it('budgets only answer the yearly window (month 0) and carry their campaign', () => {
    expect(budgetsSource.mongoFacts({ year: 2026, months: [3] }, names as never)).toEqual([])
    const [planned] = budgetsSource.mongoFacts({ year: 2026, months: [0] }, names as never)
    expect(planned.pipeline[1]).toEqual({ $match: { 'budgets.year': 2026, 'budgets.planned': { $ne: null } } })
    expect((planned.pipeline[2].$project as Record<string, unknown>).campaigns).toEqual(['$_id'])
  })

  it('families: all groups by the single-valued dimensions; campaign and topic unwind their list first', () => {
    expect(familyStages('all')).toEqual([{ $group: { _id: { month: '$month', metric: '$metric', unit: '$unit', contentType: '$contentType', channel: '$channel', channelKind: '$channelKind' }, total: { $sum: '$value' } } }])
    const [unwind, group] = familyStages('topic')
    expect(unwind).toEqual({ $unwind: '$topics' })
    expect((group.$group as { _id: Record<string, string> })._id.topic).toBe('$topics')
  })
})
