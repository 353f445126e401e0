import Link from 'next/link'
import React from 'react'
import { absoluteUrl } from '../_lib/site'
import { JsonLd } from './JsonLd'

export type Crumb = { label: string; href: string }

/** Where the page sits, for people (a nav) and for search engines (BreadcrumbList). */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const all = [{ label: 'Trang chủ', href: '/' }, ...items]
  return (
    <>
      <nav aria-label="Đường dẫn" className="breadcrumbs">
        <ol>
          {all.map((c, i) => (
            <li key={c.href}>
              {i === all.length - 1 ? (
                <span aria-current="page">{c.label}</span>
              ) : (
                <Link href={c.href}>{c.label}</Link>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'BreadcrumbList',
          itemListElement: all.map((c, i) => ({
            '@type': 'ListItem',
            position: i + 1,
            name: c.label,
            item: absoluteUrl(c.href),
          })),
        }}
      />
    </>
  )
}
