import config from '@payload-config'
import type { Metadata } from 'next'
import { getPayload } from 'payload'
import { brandName, loadBrand } from './brand'

/**
 * The admin's page titles end with the department and the province as set in the report settings
 * (Payload's `admin.meta.titleSuffix` is fixed at start, so the configured suffix is swapped here).
 */
export async function withBrandTitle(meta: Metadata): Promise<Metadata> {
  const payload = await getPayload({ config })
  const suffix = (payload.config.admin.meta?.titleSuffix ?? '').trim()
  const name = brandName(await loadBrand(payload))
  const rebrand = (t: string) => {
    const base = suffix && t.trimEnd().endsWith(suffix) ? t.trimEnd().slice(0, -suffix.length) : t
    return `${base.trim()} – ${name}`
  }
  const title = meta.title
  if (typeof title === 'string') return { ...meta, title: rebrand(title) }
  if (title && 'absolute' in title && title.absolute)
    return { ...meta, title: { ...title, absolute: rebrand(title.absolute) } }
  if (title && 'default' in title && title.default)
    return { ...meta, title: { ...title, default: rebrand(title.default) } }
  return meta
}
