import React from 'react'
import type { Media } from '@/payload-types'
import { srcSetOf } from '../_lib/site'

/** An image with its sharp-made sizes as `srcset`; lazy unless it is the page's main picture. */
export function Picture({
  media,
  sizes = '(min-width: 960px) 912px, 100vw',
  priority = false,
  alt,
  className,
}: {
  media: Media
  sizes?: string
  priority?: boolean
  alt?: string
  className?: string
}) {
  if (!media.url || !media.mimeType?.startsWith('image/')) return null
  return (
    // eslint-disable-next-line @next/next/no-img-element -- next/image writes style attributes, which the CSP forbids
    <img
      className={className}
      src={media.sizes?.card?.url || media.url}
      srcSet={srcSetOf(media)}
      sizes={sizes}
      width={media.sizes?.card?.width || media.width || undefined}
      height={media.sizes?.card?.height || media.height || undefined}
      alt={alt ?? media.alt ?? ''}
      loading={priority ? 'eager' : 'lazy'}
      decoding="async"
    />
  )
}
