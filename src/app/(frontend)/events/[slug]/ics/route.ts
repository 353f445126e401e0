import { findBySlug } from '@/content/public'
import { loadContentItem } from '@/content/item'
import { renderEventIcs } from '@/feeds/ics'
import { getPayloadClient, itemPath, absoluteUrl } from '../../../_lib/site'

export const dynamic = 'force-dynamic'

/** "Add to calendar": one public event as an .ics download (the same UID as in the feeds' calendar). */
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const payload = await getPayloadClient()
  const doc = await findBySlug(payload, 'events', decodeURIComponent(slug))
  const item = doc ? await loadContentItem(payload, 'events', String(doc.id)) : null
  if (!doc || !item) {
    return new Response('Không tìm thấy sự kiện.', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    })
  }
  const body = renderEventIcs(
    {
      item,
      publicationId: '',
      publishedAt: doc.publishedAt ?? doc.updatedAt,
      event: { status: doc.status, onlineUrl: doc.onlineUrl ?? undefined },
    },
    absoluteUrl(`${itemPath('events', doc.slug)}/ics`),
  )
  return new Response(body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="${doc.slug}.ics"`,
    },
  })
}
