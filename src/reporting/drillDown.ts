import { vnMonthRange } from '@/lib/time'
import {
  Metric,
  PublicationStatus,
  AiringStatus,
  EventStatus,
  DocStatus,
  ENGAGEMENT_METRICS,
  TrainingStatus,
  WHOLE_YEAR,
} from '@/vocabulary'
import type { Cell } from './cells'

type Condition = [path: string, operator: string, value: string | number]

/** `where[and][i][path][op]=value` for Payload's admin list (and REST), in order. */
function whereQuery(conditions: Condition[]): string {
  return conditions
    .map(
      ([path, op, value], i) =>
        `${encodeURIComponent(`where[and][${i}][${path}][${op}]`)}=${encodeURIComponent(String(value))}`,
    )
    .join('&')
}

/**
 * The admin list of the rows a cell counts, with the same filters the engine used: the measure's
 * status, the time range as the UTC instants of the local month (or year), and the cell's unit,
 * type, channel, campaign and topic. Publication measures filter on the publication's own campaign;
 * a topic belongs to the content, which a publication list cannot filter on, so topic cells of
 * publication measures drill down to the content of that topic instead. Trainings list the held
 * courses of the month, organiser unit and campaign; engagement lists the publications it sums
 * (their observations are one click further).
 */
export function drillDownUrl(
  cell: Pick<
    Cell,
    'year' | 'month' | 'metric' | 'campaign' | 'unit' | 'contentType' | 'channel' | 'topic'
  >,
  adminRoute = '/admin',
): string {
  const { from, to } = vnMonthRange(cell.year, cell.month === WHOLE_YEAR ? null : cell.month)
  const range = (path: string): Condition[] => [
    [path, 'greater_than_equal', from.toISOString()],
    [path, 'less_than', to.toISOString()],
  ]
  const list = (collection: string, conditions: Condition[]) =>
    `${adminRoute}/collections/${collection}?${whereQuery(conditions)}`
  const contentDims = (): Condition[] => [
    ...(cell.unit ? [['ownerUnit', 'equals', cell.unit] as Condition] : []),
    ...(cell.campaign ? [['campaigns', 'in', cell.campaign] as Condition] : []),
    ...(cell.topic ? [['topics', 'in', cell.topic] as Condition] : []),
  ]
  if (cell.metric === Metric.TrainingsHeld || cell.metric.startsWith('trainees')) {
    return list('trainings', [
      ['status', 'equals', TrainingStatus.Held],
      ...range('startsOn'),
      ...(cell.unit ? [['ownerUnit', 'equals', cell.unit] as Condition] : []),
      ...(cell.campaign ? [['campaign', 'equals', cell.campaign] as Condition] : []),
    ])
  }
  // Engagement sums the published publications of the cell's publish month.
  const metric = ENGAGEMENT_METRICS.some((m) => m.metric === cell.metric)
    ? Metric.PublicationsPublished
    : cell.metric
  switch (metric) {
    case Metric.ContentProduced:
      return list(cell.contentType ?? 'articles', [...range('createdAt'), ...contentDims()])
    case Metric.ContentPublished:
      return list(cell.contentType ?? 'articles', [
        ['_status', 'equals', DocStatus.Published],
        ...range('publishedAt'),
        ...contentDims(),
      ])
    case Metric.BudgetPlanned:
    case Metric.BudgetSpent:
      return list('campaigns', [
        ['budgets.year', 'equals', cell.year],
        ...(cell.campaign ? [['id', 'equals', cell.campaign] as Condition] : []),
        ...(cell.unit ? [['leadUnit', 'equals', cell.unit] as Condition] : []),
      ])
    case Metric.PublicationsPublished:
    case Metric.BroadcastsAired:
    case Metric.BroadcastMinutes: {
      const status: Condition[] =
        metric === Metric.PublicationsPublished
          ? [['status', 'equals', PublicationStatus.Published], ...range('publishedAt')]
          : [['airing.status', 'equals', AiringStatus.Aired], ...range('scheduledAt')]
      if (cell.topic) return list(cell.contentType ?? 'articles', [['topics', 'in', cell.topic]])
      return list('publications', [
        ...status,
        ...(cell.unit ? [['ownerUnit', 'equals', cell.unit] as Condition] : []),
        ...(cell.channel ? [['channel', 'equals', cell.channel] as Condition] : []),
        // The publication's own copy of its content's kind, as the rollup counts it.
        ...(cell.contentType ? [['contentKind', 'equals', cell.contentType] as Condition] : []),
        ...(cell.campaign ? [['campaign', 'equals', cell.campaign] as Condition] : []),
      ])
    }
    default:
      // Events held and their participants.
      return list('events', [
        ['status', 'equals', EventStatus.Held],
        ...range('startsAt'),
        ...contentDims(),
      ])
  }
}
