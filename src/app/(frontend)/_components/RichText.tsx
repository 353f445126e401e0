import {
  type JSXConvertersFunction,
  RichText as LexicalRichText,
} from '@payloadcms/richtext-lexical/react'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import React from 'react'
import type { Media } from '@/payload-types'
import { CONTENT_KINDS } from '@/vocabulary'
import { itemPath } from '../_lib/site'
import { Picture } from './Picture'

/**
 * A link's target if it is safe to follow: http(s), mailto and tel, or a path on this site.
 * Anything else (javascript:, data:, vbscript:…) is dropped and the text stays as plain text.
 */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null
  const u = url.trim()
  if (u.startsWith('/') && !u.startsWith('//')) return u
  if (u.startsWith('#')) return u
  try {
    const parsed = new URL(u)
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(parsed.protocol) ? parsed.href : null
  } catch {
    return null
  }
}

const isExternal = (href: string) => /^https?:/i.test(href)

type LinkFields = {
  url?: string
  newTab?: boolean
  linkType?: string
  doc?: { relationTo?: string; value?: unknown }
}

function internalHref(fields: LinkFields): string | null {
  const rel = fields.doc?.relationTo
  const value = fields.doc?.value as { slug?: string } | undefined
  if (rel && CONTENT_KINDS.includes(rel as never) && value?.slug)
    return itemPath(rel as never, value.slug)
  return null
}

/**
 * Converters over Payload's defaults: images with their sizes as `srcset` and their caption, safe
 * links (external ones `noopener noreferrer`, marked for screen readers when they open a new tab),
 * and text formats as elements rather than style attributes, which the page's CSP does not allow.
 */
const converters: JSXConvertersFunction = ({ defaultConverters }) => {
  const link = ({
    node,
    nodesToJSX,
  }: {
    node: { fields: LinkFields; children: unknown[] }
    nodesToJSX: (a: { nodes: unknown[] }) => React.ReactNode[]
  }) => {
    const children = nodesToJSX({ nodes: node.children })
    const href =
      node.fields.linkType === 'internal' ? internalHref(node.fields) : safeHref(node.fields.url)
    if (!href) return <>{children}</>
    const external = isExternal(href)
    return (
      <a
        href={href}
        rel={external ? 'noopener noreferrer nofollow' : undefined}
        target={node.fields.newTab ? '_blank' : undefined}
      >
        {children}
        {node.fields.newTab ? <span className="visually-hidden"> (mở trong thẻ mới)</span> : null}
      </a>
    )
  }
  return {
    ...defaultConverters,
    link: link as never,
    autolink: link as never,
    text: (args) => {
      const { node } = args as { node: { format: number; text: string } }
      let out: React.ReactNode = node.text
      if (node.format & 1) out = <strong>{out}</strong>
      if (node.format & 2) out = <em>{out}</em>
      if (node.format & 4) out = <s>{out}</s>
      if (node.format & 8) out = <u>{out}</u>
      if (node.format & 16) out = <code>{out}</code>
      if (node.format & 32) out = <sub>{out}</sub>
      if (node.format & 64) out = <sup>{out}</sup>
      return <>{out}</>
    },
    listitem: ({ node, nodesToJSX }) => (
      <li value={(node as { value?: number }).value}>
        {nodesToJSX({ nodes: (node as unknown as { children: never[] }).children })}
      </li>
    ),
    upload: ({ node }) => {
      const value = (node as { value?: unknown }).value
      if (!value || typeof value !== 'object') return null
      const media = value as Media
      if (!media.mimeType?.startsWith('image/')) {
        const href = safeHref(media.url)
        return href ? <a href={href}>{media.filename}</a> : null
      }
      const alt = (node as { fields?: { alt?: string } }).fields?.alt || media.alt
      return (
        <figure className="rich-figure">
          <Picture media={media} alt={alt} />
          {media.caption || media.credit ? (
            <figcaption>
              {media.caption}
              {media.credit ? <span className="muted"> Ảnh: {media.credit}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      )
    },
  }
}

export function RichText({ data }: { data: unknown }) {
  if (!data || typeof data !== 'object' || !('root' in data)) return null
  return (
    <LexicalRichText
      className="rich-text"
      data={data as SerializedEditorState}
      converters={converters}
      disableIndent
      disableTextAlign
    />
  )
}
