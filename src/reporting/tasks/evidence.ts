import type { Payload, PayloadRequest } from 'payload'
import { vnYearMonth } from '@/lib/time'
import {
  PublicationStatus,
  TASK_TAGGED_COLLECTIONS,
  type TaskEvidenceCollection,
} from '@/vocabulary'

/** One piece of a task's evidence for a year, with the figure that goes with it and where it lives in the admin. */
export type EvidenceItem = {
  collection: TaskEvidenceCollection
  id: string
  title: string
  /** The item's day (published, started, held), an ISO instant; null when it has none. */
  at: string | null
  /** "2 lượt đăng", "120 người tham dự", "45 học viên": what the item counts for. */
  figure: { label: string; value: number } | null
  /** Picked on the progress row, or tagged on the item itself. */
  source: 'picked' | 'tagged'
  /** The item's admin page (relative to the admin route). */
  path: string
}

const COLLECTION_LABEL: Record<TaskEvidenceCollection, string> = {
  articles: 'Tin, bài',
  videos: 'Video, phát thanh',
  infographics: 'Infographic, pa-nô',
  events: 'Sự kiện',
  trainings: 'Đào tạo, bồi dưỡng',
  publications: 'Lượt đăng',
  media: 'Tệp tải lên',
}
export const evidenceCollectionLabel = (c: TaskEvidenceCollection) => COLLECTION_LABEL[c]

type AnyDoc = Record<string, unknown> & { id: string | number }
type Ref = { relationTo: TaskEvidenceCollection; value: string | number | AnyDoc }

const all = { depth: 0, limit: 0, pagination: false, overrideAccess: true } as const

/** The day field an item of each tagged collection is dated by (a year's evidence is what falls in it). */
const DATE_FIELD: Record<(typeof TASK_TAGGED_COLLECTIONS)[number], string> = {
  articles: 'publishedAt',
  videos: 'publishedAt',
  infographics: 'publishedAt',
  events: 'startsAt',
  trainings: 'startsOn',
}

const titleOf = (collection: TaskEvidenceCollection, d: AnyDoc): string =>
  String((collection === 'media' ? (d.alt ?? d.filename) : d.title) ?? d.id)

const atOf = (collection: TaskEvidenceCollection, d: AnyDoc): string | null => {
  const field =
    collection === 'publications'
      ? 'publishedAt'
      : collection === 'media'
        ? 'createdAt'
        : DATE_FIELD[collection as keyof typeof DATE_FIELD]
  return (d[field] as string | null | undefined) ?? null
}

/** Published publications per content item, the content's figure. */
async function publishedCounts(payload: Payload, ids: string[], req?: PayloadRequest) {
  const counts = new Map<string, number>()
  if (!ids.length) return counts
  const found = await payload.find({
    collection: 'publications',
    ...all,
    where: {
      and: [{ 'content.value': { in: ids } }, { status: { equals: PublicationStatus.Published } }],
    },
    select: { content: true },
    req,
  })
  for (const p of found.docs) {
    const id = String((p.content as { value: string | number }).value)
    counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  return counts
}

function figureOf(
  collection: TaskEvidenceCollection,
  d: AnyDoc,
  published: Map<string, number>,
): EvidenceItem['figure'] {
  if (collection === 'events')
    return { label: 'người tham dự', value: Number(d.actualParticipants ?? 0) }
  if (collection === 'trainings') return { label: 'học viên', value: Number(d.totalTrainees ?? 0) }
  if (collection === 'articles' || collection === 'videos' || collection === 'infographics')
    return { label: 'lượt đăng', value: published.get(String(d.id)) ?? 0 }
  return null
}

/**
 * A task's evidence for one year: what its progress row picks (any date), then the content,
 * events and trainings tagged with the task that fall in the year (Vietnam time; content by its
 * publish time, events by their start, trainings by their first day), each once, with its figure:
 * publications published for content, participants for events, trainees for trainings.
 * Read with overrideAccess: the caller has already been allowed to read the task's progress.
 */
export async function taskEvidence(
  payload: Payload,
  taskId: string,
  year: number,
  picked: Ref[] = [],
  req?: PayloadRequest,
): Promise<EvidenceItem[]> {
  const docs: {
    collection: TaskEvidenceCollection
    doc: AnyDoc
    source: EvidenceItem['source']
  }[] = []
  const seen = new Set<string>()
  const push = (
    collection: TaskEvidenceCollection,
    doc: AnyDoc,
    source: EvidenceItem['source'],
  ) => {
    const key = `${collection}:${doc.id}`
    if (seen.has(key)) return
    seen.add(key)
    docs.push({ collection, doc, source })
  }
  const byCollection = new Map<TaskEvidenceCollection, string[]>()
  for (const ref of picked) {
    const id = typeof ref.value === 'object' ? String(ref.value.id) : String(ref.value)
    byCollection.set(ref.relationTo, [...(byCollection.get(ref.relationTo) ?? []), id])
  }
  for (const [collection, ids] of byCollection) {
    const found = await payload.find({
      collection,
      ...all,
      where: { id: { in: ids } },
      draft: true,
      req,
    } as Parameters<Payload['find']>[0])
    const byId = new Map((found.docs as unknown as AnyDoc[]).map((d) => [String(d.id), d]))
    for (const id of ids) if (byId.has(id)) push(collection, byId.get(id)!, 'picked')
  }
  for (const collection of TASK_TAGGED_COLLECTIONS) {
    const field = DATE_FIELD[collection]
    // Tagged items are few per task: the year is judged here, on the Vietnam calendar.
    const found = await payload.find({
      collection,
      ...all,
      where: { planTasks: { in: [taskId] } },
      sort: field,
      req,
    })
    for (const d of found.docs as unknown as AnyDoc[]) {
      const at = d[field] as string | null | undefined
      if (at && vnYearMonth(at).year === year) push(collection, d, 'tagged')
    }
  }
  const contentIds = docs
    .filter((d) => ['articles', 'videos', 'infographics'].includes(d.collection))
    .map((d) => String(d.doc.id))
  const published = await publishedCounts(payload, contentIds, req)
  return docs.map(({ collection, doc, source }) => ({
    collection,
    id: String(doc.id),
    title: titleOf(collection, doc),
    at: atOf(collection, doc),
    figure: figureOf(collection, doc, published),
    source,
    path: `/collections/${collection}/${doc.id}`,
  }))
}
