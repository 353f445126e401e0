import type { Payload } from 'payload'
import { cache } from 'react'
import { defaultIssuer } from '@/reporting/export/issuer'

/** The province's and the department's names and logo, as the admin shows them. */
export type Brand = {
  province: string
  department: string
  logo: { url: string; alt: string } | null
}

type LogoDoc = {
  url?: string | null
  alt?: string | null
  sizes?: { thumbnail?: { url?: string | null } }
}

/**
 * Read once per request (login page, header, icon and title ask together). The names are the
 * report settings' parent and issuing bodies, the same the province's reports carry, so the admin
 * and the documents never disagree; unset, the report's defaults (src/reporting/export/issuer.ts).
 * Read without access control: the login page shows them to people not yet signed in, and nothing
 * else of the settings leaves this function.
 */
export const loadBrand = cache(async (payload: Payload): Promise<Brand> => {
  const d = defaultIssuer()
  const settings = await payload
    .findGlobal({ slug: 'report-settings', depth: 1, overrideAccess: true })
    .catch(() => null)
  const logo = settings?.logo as LogoDoc | string | null | undefined
  const url = logo && typeof logo === 'object' ? logo.sizes?.thumbnail?.url || logo.url : null
  return {
    province: settings?.parentBody?.trim() || d.parent,
    department: settings?.issuingBody?.trim() || d.body,
    logo: url ? { url, alt: (logo as LogoDoc).alt || 'Biểu trưng' } : null,
  }
})

/** "SỞ THÔNG TIN VÀ TRUYỀN THÔNG – UBND TỈNH TÂY NINH": what page titles end with. */
export const brandName = (b: Brand) => `${b.department} – ${b.province}`
