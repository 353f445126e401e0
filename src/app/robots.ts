import type { MetadataRoute } from 'next'
import { serverUrl } from '@/lib/env'

export const dynamic = 'force-dynamic'

/**
 * robots.txt (at the app's root: Next serves it from nowhere else). Everything public may be
 * indexed; the admin, the API, previews and search result pages not.
 */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/admin', '/api/', '/next/', '/tim-kiem'] },
    sitemap: `${serverUrl()}/sitemap.xml`,
  }
}
