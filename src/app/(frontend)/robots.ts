import type { MetadataRoute } from 'next'
import { absoluteUrl } from './_lib/site'

export const dynamic = 'force-dynamic'

/** Everything public may be indexed; the admin, the API, previews and search result pages not. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/admin', '/api/', '/next/', '/tim-kiem'] },
    sitemap: absoluteUrl('/sitemap.xml'),
  }
}
