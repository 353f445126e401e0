import type { MetadataRoute } from 'next'
import { publicWhere } from '@/content/visibility'
import { CONTENT_KINDS } from '@/vocabulary'
import { absoluteUrl, getPayloadClient, itemPath } from './_lib/site'

export const dynamic = 'force-dynamic'

/** Up to this many items of each kind, newest first (a sitemap file holds 50,000 URLs at most). */
const PER_KIND = 10_000

/** Every public item (the visibility rule of src/content/visibility.ts), the lists, topics and units. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const payload = await getPayloadClient()
  const [items, topics, units] = await Promise.all([
    Promise.all(
      CONTENT_KINDS.map((kind) =>
        payload.find({
          collection: kind,
          where: publicWhere(),
          sort: '-publishedAt',
          limit: PER_KIND,
          pagination: false,
          depth: 0,
          overrideAccess: false,
          select: { slug: true, updatedAt: true },
        }),
      ),
    ),
    payload.find({
      collection: 'topics',
      limit: 500,
      pagination: false,
      depth: 0,
      overrideAccess: false,
      select: { slug: true, updatedAt: true },
    }),
    payload.find({
      collection: 'units',
      where: { active: { equals: true } },
      limit: 1000,
      pagination: false,
      depth: 0,
      overrideAccess: false,
      select: { updatedAt: true },
    }),
  ])
  return [
    { url: absoluteUrl('/'), changeFrequency: 'hourly', priority: 1 },
    ...CONTENT_KINDS.map((kind) => ({
      url: absoluteUrl(`/${kind}`),
      changeFrequency: 'hourly' as const,
      priority: 0.8,
    })),
    ...items.flatMap((found, i) =>
      found.docs.map((doc) => ({
        url: absoluteUrl(itemPath(CONTENT_KINDS[i], doc.slug)),
        lastModified: doc.updatedAt,
      })),
    ),
    ...topics.docs.map((t) => ({
      url: absoluteUrl(`/chu-de/${t.slug}`),
      lastModified: t.updatedAt,
    })),
    ...units.docs.map((u) => ({ url: absoluteUrl(`/don-vi/${u.id}`), lastModified: u.updatedAt })),
  ]
}
